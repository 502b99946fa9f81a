import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_VERSION,
  FORMAT_NAME,
  exportMapJson,
  formatProblem,
  importMapJson,
  importMapObject,
  toFileObject,
  type ImportProblem,
} from '../../../src/io/json';
import { moveStakeholders } from '../../../src/domain/commands';
import { UNEXPECTED_FAILURE } from '../../../src/io/json/importer';

const EXAMPLE = readFileSync(new URL('../../fixtures/v1/example.json', import.meta.url), 'utf8');
const MB = 1024 * 1024;
const REMOVE = Symbol('remove');

/** The example file (or `data`) with one value replaced or removed, ready for JSON.stringify. */
function withValue(
  path: readonly (string | number)[],
  value: unknown,
  data: unknown = JSON.parse(EXAMPLE),
): unknown {
  let node = data;
  for (const segment of path.slice(0, -1)) node = Reflect.get(asObject(node), segment);
  const last = path[path.length - 1] ?? '';
  if (value === REMOVE) Reflect.deleteProperty(asObject(node), last);
  else Reflect.set(asObject(node), last, value);
  return data;
}

function asObject(node: unknown): object {
  if (typeof node !== 'object' || node === null) throw new Error('test path leads nowhere');
  return node;
}

/** JSON text with a literal that JSON.stringify cannot write (1e309, NaN) at `path`. */
function textWithLiteral(path: readonly (string | number)[], literal: string): string {
  return JSON.stringify(withValue(path, '@@literal@@')).replace('"@@literal@@"', literal);
}

function problemsOf(result: ReturnType<typeof importMapJson>): readonly ImportProblem[] {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.error;
}

const only = (path: string, message: string) => [{ path, message }];

describe('importMapJson refuses bad text before parsing it', () => {
  it('an empty file', () => {
    expect(problemsOf(importMapJson(''))).toEqual(only('', 'file is empty'));
  });

  it('a file of whitespace only', () => {
    expect(problemsOf(importMapJson(' \n\t\r\n '))).toEqual(only('', 'file is empty'));
  });

  it('a truncated file, with the line and column where it ends', () => {
    const lines = EXAMPLE.split('\n');
    const cut = [...lines.slice(0, 11), (lines[11] ?? '').slice(0, 2)].join('\n');
    expect(problemsOf(importMapJson(cut))).toEqual([
      { path: '', message: 'not valid JSON: unexpected end of input', line: 12, column: 3 },
    ]);
  });

  it('a syntax error in the middle, with its line and column', () => {
    const broken = EXAMPLE.replace('"kind": "mission" }', '"kind": }');
    expect(problemsOf(importMapJson(broken)).map(formatProblem)).toEqual([
      'line 12, column 56: not valid JSON: expected a value but found "}"',
    ]);
  });

  it('a 50 MB string, by size alone', () => {
    expect(problemsOf(importMapJson(`"${'x'.repeat(50 * MB)}"`))).toEqual(
      only('', 'file is 50.0 MB; the limit is 20 MB'),
    );
  });

  it('10^5 levels of nesting, without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(problemsOf(importMapJson(deep))).toEqual(only('', 'nesting is deeper than 64 levels'));
  });

  it('deep nesting hidden inside strings does not count', () => {
    const text = JSON.stringify(withValue(['map', 'description'], '['.repeat(1000)));
    expect(importMapJson(text).ok).toBe(true);
  });
});

describe('importMapJson refuses files that are not map files', () => {
  it.each([
    ['[]', 'got a list of 0 items'],
    ['42', 'got 42'],
    ['"a map"', 'got "a map"'],
    ['null', 'got null'],
  ])('top level %s', (text, got) => {
    expect(problemsOf(importMapJson(text))).toEqual(
      only('', `expected a JSON object at the top level, ${got}`),
    );
  });

  it('a wrong format tag', () => {
    const text = JSON.stringify(withValue(['format'], 'excalidraw'));
    expect(problemsOf(importMapJson(text))).toEqual(
      only(
        'format',
        'expected "common-ground", got "excalidraw"; this does not look like a Common Ground map file',
      ),
    );
  });

  it('a missing format tag', () => {
    const text = JSON.stringify(withValue(['format'], REMOVE));
    expect(problemsOf(importMapJson(text))).toEqual(
      only(
        'format',
        'missing; expected "common-ground"; this does not look like a Common Ground map file',
      ),
    );
  });

  it('a newer version', () => {
    const text = JSON.stringify(withValue(['version'], 3));
    expect(problemsOf(importMapJson(text))).toEqual(
      only('', 'version 3 is newer than this app supports (2)'),
    );
  });

  it.each([
    [REMOVE, 'missing; expected a whole number such as 2'],
    [1.5, 'expected a whole number such as 2, got 1.5'],
    ['1', 'expected a whole number such as 2, got "1"'],
    [0, 'expected a whole number such as 2, got 0'],
  ])('a version of %s', (version, message) => {
    const text = JSON.stringify(withValue(['version'], version));
    expect(problemsOf(importMapJson(text))).toEqual(only('version', message));
  });
});

describe('importMapJson reports every structural problem with its location', () => {
  it('collects problems from all over the file at once', () => {
    const file = {
      ...asObject(JSON.parse(EXAMPLE)),
      goals: [
        { id: 'g1', title: '', kind: 'mission' },
        { id: 'g2', title: 'KPI', kind: 'okr', metric: { unit: '%', current: '104' } },
      ],
      stakeholders: [{ id: 's1', name: 'Dana', color: 'orange', role: 7 }],
      incentives: 'none',
    };
    expect(problemsOf(importMapJson(JSON.stringify(file))).map(formatProblem)).toEqual([
      'goals[0].title: expected a non-empty string, got ""',
      'goals[1].kind: expected one of "mission", "objective", "kpi", got "okr"',
      'goals[1].metric.current: expected a number or null, got "104"',
      'goals[1].metric.target: missing',
      'goals[1].metric.direction: missing',
      'stakeholders[0].role: expected a string, got 7',
      'stakeholders[0].color: expected a colour like "#d9480f", got "orange"',
      'incentives: expected a list, got "none"',
    ]);
  });

  it.each([
    [['goals', 1, 'metric', 'target'], '1e309', 'goals[1].metric.target'],
    [['goals', 2, 'position', 'x'], '-1e309', 'goals[2].position.x'],
    [['incentives', 0, 'weight'], '1E400', 'incentives[0].weight'],
  ])('a number too big to represent (%j = %s)', (at, literal, path) => {
    expect(problemsOf(importMapJson(textWithLiteral(at, literal)))).toEqual(
      only(path, 'number out of range'),
    );
  });

  it.each([
    ['NaN', '"N"'],
    ['Infinity', '"I"'],
  ])('%s, which is not JSON', (literal, found) => {
    expect(problemsOf(importMapJson(textWithLiteral(['version'], literal)))).toEqual([
      {
        path: '',
        message: `not valid JSON: expected a value but found ${found}`,
        line: 1,
        column: 37,
      },
    ]);
  });

  it('NaN and Infinity handed in as objects', () => {
    const nan = withValue(['goals', 1, 'metric', 'current'], Number.NaN);
    const data = withValue(['goals', 1, 'position', 'y'], -Infinity, nan);
    expect(problemsOf(importMapObject(data))).toEqual([
      { path: 'goals[1].metric.current', message: 'expected a number or null, got NaN' },
      { path: 'goals[1].position.y', message: 'number out of range' },
    ]);
  });

  it.each([
    [['goals', 1, 'title'], 'goals[1].title'],
    [['stakeholders', 0, 'name'], 'stakeholders[0].name'],
    [['conflicts', 0, 'title'], 'conflicts[0].title'],
    [['map', 'name'], 'map.name'],
  ])('a title or name of white space alone (%j), refused as an edit is', (at, path) => {
    const text = JSON.stringify(withValue(at, ' \t '));
    expect(problemsOf(importMapJson(text))).toEqual(
      only(path, 'expected a non-empty string, got " \\t " (only white space)'),
    );
  });

  it('an incentive weight outside 0–1', () => {
    const text = JSON.stringify(withValue(['incentives', 0, 'weight'], 1.5));
    expect(problemsOf(importMapJson(text))).toEqual(
      only('incentives[0].weight', 'expected a number from 0 to 1, or null, got 1.5'),
    );
  });
});

describe('importMapJson checks the rules between records', () => {
  const add = (list: string, record: object) => {
    const data = asObject(JSON.parse(EXAMPLE));
    const records: unknown = Reflect.get(data, list);
    if (!Array.isArray(records)) throw new Error(`example has no ${list}`);
    records.push(record);
    return problemsOf(importMapJson(JSON.stringify(data)));
  };

  it('duplicate ids', () => {
    expect(add('goals', { id: 'g2', title: 'Twin', kind: 'objective' })).toEqual(
      only('goals[4].id', 'duplicate id "g2"'),
    );
  });

  it('dangling references', () => {
    expect(
      add('incentives', { id: 'i9', stakeholderId: 's7', goalId: 'g1', kind: 'measured' }),
    ).toEqual(only('incentives[3].stakeholderId', 'unknown stakeholder "s7"'));
  });

  it('a cycle, naming the goals in it', () => {
    expect(add('links', { id: 'l4', from: 'g3', to: 'g2' })).toEqual(
      only('links[3]', 'would create a cycle g3 → g2 → g3'),
    );
  });
});

describe('importMapJson keeps prototype-named keys as ordinary keys', () => {
  function warningsOf(result: ReturnType<typeof importMapJson>): readonly ImportProblem[] {
    if (!result.ok) throw new Error(result.error.map(formatProblem).join('\n'));
    return result.value.warnings;
  }

  it('at the top level: an unknown field, and nothing is polluted', () => {
    const text = EXAMPLE.replace('{', '{"__proto__": {"polluted": true},');
    expect(warningsOf(importMapJson(text))).toEqual(only('__proto__', 'unknown field, ignored'));
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });

  it('inside a goal: an unknown field', () => {
    const text = EXAMPLE.replace('"mission" }', '"mission", "constructor": { "prototype": {} } }');
    expect(warningsOf(importMapJson(text))).toEqual(
      only('goals[0].constructor', 'unknown field, ignored'),
    );
  });

  it('as a perspective key: checked like any other key, written like any other path', () => {
    const text = EXAMPLE.replace('"s2": ""', '"s2": "", "__proto__": "x"');
    expect(problemsOf(importMapJson(text))).toEqual(
      only('conflicts[0].perspectives.__proto__', 'not a party'),
    );
  });
});

describe('importMapObject treats handed-in objects as hostile too', () => {
  it('never reads through a prototype chain', () => {
    const goal = Object.assign(Object.create({ title: 'inherited' }) as object, {
      id: 'g9',
      kind: 'objective',
    });
    const data = asObject(JSON.parse(EXAMPLE));
    Reflect.set(data, 'goals', [goal]);
    expect(problemsOf(importMapObject(data))).toContainEqual({
      path: 'goals[0].title',
      message: 'missing',
    });
  });

  it('fills a missing perspective even for a party called "toString"', () => {
    const text = EXAMPLE.replaceAll('"s1"', '"toString"');
    const result = importMapJson(text);
    if (!result.ok) throw new Error(result.error.map(formatProblem).join('\n'));
    const perspectives = result.value.doc.conflicts[1]?.perspectives;
    expect(Object.getPrototypeOf(perspectives)).toBeNull();
    expect(perspectives).toEqual({ s2: 'Finance signs off above 50k.', toString: '' });
  });

  it('refuses 10^5-deep and cyclic objects without overflowing the stack', () => {
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(problemsOf(importMapObject({ format: FORMAT_NAME, version: 1, goals: deep }))).toEqual(
      only('', 'nesting is deeper than 64 levels'),
    );
    const cyclic = asObject(JSON.parse(EXAMPLE));
    Reflect.set(cyclic, 'map', cyclic);
    expect(problemsOf(importMapObject(cyclic))).toEqual(
      only('', 'nesting is deeper than 64 levels'),
    );
  });

  it("leaves the caller's data as it was", () => {
    const data = asObject(JSON.parse(EXAMPLE));
    const before = structuredClone(data);
    expect(importMapObject(data).ok).toBe(true);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(data).toStrictEqual(before);
  });

  it('turns a throwing getter into a problem instead of throwing', () => {
    const data = asObject(JSON.parse(EXAMPLE));
    Object.defineProperty(data, 'goals', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(problemsOf(importMapObject(data))).toEqual(only('', `${UNEXPECTED_FAILURE} (boom)`));
  });
});

describe('importMapJson accepts what the contract allows', () => {
  it('a byte order mark at the start', () => {
    expect(importMapJson(`\uFEFF${EXAMPLE}`).ok).toBe(true);
  });

  it('unknown fields, each reported once as a warning', () => {
    const data = asObject(JSON.parse(EXAMPLE));
    Reflect.set(data, 'theme', 'dark');
    const goals: unknown = Reflect.get(data, 'goals');
    if (!Array.isArray(goals)) throw new Error('example has no goals');
    for (const goal of goals) Reflect.set(asObject(goal), 'colour', 'red');
    const result = importMapJson(JSON.stringify(data));
    if (!result.ok) throw new Error(result.error.map(formatProblem).join('\n'));
    expect(result.value.warnings).toEqual([
      { path: 'theme', message: 'unknown field, ignored' },
      { path: 'goals[0].colour', message: 'unknown field, ignored (here and in 3 more places)' },
    ]);
  });
});

describe('export', () => {
  const imported = importMapJson(EXAMPLE);
  if (!imported.ok) throw new Error('example fixture must import');
  const { doc } = imported.value;

  it('writes the tagged, versioned contract, pretty-printed with a trailing newline', () => {
    const text = exportMapJson(doc);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe(`  "format": "${FORMAT_NAME}",`);
    expect(toFileObject(doc)).toMatchObject({ format: 'common-ground', version: CURRENT_VERSION });
    expect(Object.keys(toFileObject(doc).goals[0] ?? {})).toEqual([
      'id',
      'title',
      'kind',
      'description',
      'metric',
      'position',
      'owner',
    ]);
  });

  it('keeps where a person was dragged to, through export and import', () => {
    const person = doc.stakeholders[1];
    if (!person) throw new Error('the example has people');
    const place = { x: -412, y: 1780, pinned: true };
    const moved = moveStakeholders(doc, new Map([[person.id, place]]));
    if (!moved.ok) throw new Error(moved.error.message);
    const text = exportMapJson(moved.value);
    expect(JSON.parse(text)).toMatchObject({ stakeholders: { 1: { position: place } } });
    const back = importMapJson(text);
    expect(back.ok && back.value.doc.stakeholders[1]?.position).toEqual(place);
    expect(back.ok && back.value.doc).toEqual(moved.value);
  });

  it('formats problems with and without a location', () => {
    expect(formatProblem({ path: 'goals[3].title', message: 'missing' })).toBe(
      'goals[3].title: missing',
    );
    expect(formatProblem({ path: '', message: 'file is empty' })).toBe('file is empty');
  });
});

describe('importMapJson on keys given twice (JSON.parse would keep the last silently)', () => {
  it('a field: imported with the last value and a warning that has the line', () => {
    const text = EXAMPLE.replace('"kind": "mission"', '"kind": "objective", "kind": "mission"');
    const result = importMapJson(text);
    if (!result.ok) throw new Error(result.error.map(formatProblem).join('\n'));
    expect(result.value.doc.goals[0]?.kind).toBe('mission');
    const line = EXAMPLE.slice(0, EXAMPLE.indexOf('"kind": "mission"')).split('\n').length;
    expect(result.value.warnings).toEqual([
      {
        path: 'goals[0].kind',
        message: `given twice (also on line ${line}); the last one is kept`,
        line,
      },
    ]);
  });

  it('a top-level list: refused, instead of a dozen "unknown goal" errors', () => {
    const text = EXAMPLE.replace('\n  "links": [', '\n  "goals": [],\n  "links": [');
    const problems = problemsOf(importMapJson(text));
    expect(problems.map((p) => [p.path, p.message.startsWith('given twice')])).toEqual([
      ['goals', true],
    ]);
  });
});

describe('importMapJson caps the problems it lists', () => {
  // Heavy, not timed: the limit only guards against a hang (past 5 s on a loaded machine).
  it('150,000 broken items: the first 100, then one line with the count', () => {
    const file = { ...asObject(JSON.parse(EXAMPLE)), links: new Array<number>(150_000).fill(0) };
    const problems = problemsOf(importMapJson(JSON.stringify(file)));
    expect(problems).toHaveLength(101);
    expect(problems[0]).toEqual({ path: 'links[0]', message: 'expected an object, got 0' });
    expect(problems[100]).toEqual({
      path: '',
      message: 'and 149,900 more problems like these (the first 100 are listed)',
    });
  }, 30_000);
});
