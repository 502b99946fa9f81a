/**
 * Issue #13: the held-out corpus's cases, each written from its description, run through the
 * command line as a user runs it (real files, the real reader), plus the class each belongs to.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeMap, MAX_MATRIX_STAKEHOLDERS } from '../../../src/cli/analysis';
import { HELP, runAnalyze, USAGE, type CliIo } from '../../../src/cli/analyze';
import { readFileBytes } from '../../../src/cli/readFileBytes';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asStakeholderId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import { MAX_FILE_MB } from '../../../src/io/importFile';
import { exportMapJson } from '../../../src/io/json';
import { embedMapInPng } from '../../../src/io/png';
import { MAX_PROBLEMS } from '../../../src/io/problems';
import { deepChain, manyPeopleOnOneGoal } from '../../bench/analyzeMaps';
import { plainPng } from '../../fixtures/hostile/hostileFiles';

const dir = mkdtempSync(join(tmpdir(), 'analyze-hostile-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const example = createExampleMap('2026-01-01T00:00:00.000Z');
const exampleText = exportMapJson(example);

function fileWith(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function analyze(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readBytes: (file) => readFileBytes(file),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  const code = await runAnalyze(args, io);
  return { code, out: out.join('\n'), err };
}

/** The example with its first stakeholder's id replaced everywhere, perspectives included. */
function withPartyId(id: string): MapDocument {
  const from = example.stakeholders[0]?.id;
  const to = asStakeholderId(id);
  const swap = (s: string) => asStakeholderId(s === from ? id : s);
  return {
    ...example,
    goals: example.goals.map((g) => ({ ...g, owner: g.owner === null ? null : swap(g.owner) })),
    stakeholders: example.stakeholders.map((s) => ({ ...s, id: swap(s.id) })),
    incentives: example.incentives.map((i) => ({ ...i, stakeholderId: swap(i.stakeholderId) })),
    conflicts: example.conflicts.map((c) => ({
      ...c,
      parties: c.parties.map(swap),
      perspectives: Object.fromEntries(
        Object.entries(c.perspectives).map(([k, v]) => [k === from ? to : k, v]),
      ),
    })),
    reportingLines: example.reportingLines.map((r) => ({
      ...r,
      from: swap(r.from),
      to: swap(r.to),
    })),
  };
}

describe('1. any id, "constructor" and "__proto__" included', () => {
  it.each(['constructor', '__proto__', 'prototype', 'toString', 'a.b', 'x["y"]'])(
    'a party called %j analyses, and the export it came from imports again',
    async (id) => {
      const doc = withPartyId(id);
      const { code, out, err } = await analyze(fileWith('party.json', exportMapJson(doc)));
      expect(err).toEqual([]);
      expect(code).toBe(0);
      const printed: unknown = JSON.parse(out);
      expect(JSON.stringify(printed)).toContain(JSON.stringify(id));
    },
  );
});

describe('2. big maps: the matrix up to the documented limit, a note beyond it', () => {
  it(`${MAX_MATRIX_STAKEHOLDERS.toLocaleString('en-US')} stakeholders: the whole matrix`, async () => {
    const path = fileWith(
      'limit.json',
      exportMapJson(manyPeopleOnOneGoal(MAX_MATRIX_STAKEHOLDERS)),
    );
    const { code, out } = await analyze(path);
    expect(code).toBe(0);
    const printed = JSON.parse(out) as { matrix: { climbs: number[][] } };
    expect(printed.matrix.climbs).toHaveLength(MAX_MATRIX_STAKEHOLDERS);
    expect(printed.matrix.climbs.every((row) => row.every((c) => c === 0))).toBe(true);
  }, 60_000);

  it('5,000 stakeholders: exit 0, conflicts answered, the matrix left out with a note', async () => {
    const { code, out, err } = await analyze(
      fileWith('org.json', exportMapJson(manyPeopleOnOneGoal(5_000))),
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const printed = JSON.parse(out) as Record<string, unknown>;
    expect(printed.matrix).toBeNull();
    expect(printed.matrixOmitted).toBe(
      '5,000 stakeholders; the matrix is written for at most 2,000',
    );
    expect(printed.conflicts).toHaveLength(2);
  });
});

describe('3. 300 people on the leaf of a 50,000-goal chain', () => {
  it('share the leaf: every cell is 0 and names it', () => {
    const { matrix } = analyzeMap(deepChain(50_000, 300));
    expect(new Set(matrix?.climbs.flat())).toEqual(new Set([0]));
    expect(new Set(matrix?.nearest.flat())).toEqual(new Set(['g49999']));
  });
});

describe('4. one reader, one verdict', () => {
  it('a title saved as Latin-1 is refused, as the app refuses it', async () => {
    const latin1 = Buffer.from(exampleText.replace('Northwind Analytics', 'Caf\u00e9'), 'latin1');
    const { code, err } = await analyze(fileWith('latin1.json', latin1));
    expect(code).toBe(1);
    expect(err).toEqual([
      expect.stringMatching(
        /latin1\.json: whole file: not valid UTF-8 text; JSON files must be saved as UTF-8$/,
      ),
    ]);
  });

  it.each([
    ['utf16le-bom.json', Uint8Array.from([0xff, 0xfe, ...utf16(exampleText, 'le')]), 'UTF-16 text'],
    ['utf16be.json', Uint8Array.from(utf16(exampleText, 'be')), 'UTF-16 text'],
    ['archive.json', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'a ZIP archive'],
    ['map.json.gz', Uint8Array.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]), 'a gzip-compressed file'],
  ])('%s: says what the file is', async (name, bytes, what) => {
    const { code, err } = await analyze(fileWith(name, bytes));
    expect(code).toBe(1);
    expect(err[0]).toContain(`${name}: whole file: this is ${what}`);
    expect(err[0]).not.toContain('not valid JSON');
  });
});

/** UTF-16 code units as bytes, in either byte order. */
function utf16(text: string, order: 'le' | 'be'): number[] {
  return Array.from({ length: text.length }, (_, i) => {
    const code = text.charCodeAt(i);
    return order === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
  }).flat();
}

describe('4b. the app reads PNGs and CSVs too; the command line says what it does with them', () => {
  it('a PNG exported by the app: analysed like its JSON', async () => {
    const png = embedMapInPng(plainPng(), exampleText);
    const fromPng = await analyze(fileWith('map.png', png));
    const fromJson = await analyze(fileWith('map.json', exampleText));
    expect(fromPng.code).toBe(0);
    expect(fromPng.out).toBe(fromJson.out);
  });

  it('a CSV of goals: not a map (exit 1), with what to do instead', async () => {
    const { code, err } = await analyze(fileWith('goals.csv', 'id,title,parent\nm,Mission,\n'));
    expect(code).toBe(1);
    expect(err[0]).toContain('whole file: this is a CSV of goals, not a map');
  });
});

describe('5. files with more problems than anyone reads', () => {
  const header =
    '{"format":"common-ground","version":1,"map":{"id":"m","name":"M","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"},"goals":[],"links":[],"stakeholders":[],"incentives":[],';

  it('a conflicts list of 150,000 zeros: the first problems, then how many more', async () => {
    const zeros = `${header}"conflicts":[${new Array(150_000).fill('0').join(',')}]}`;
    const { code, err } = await analyze(fileWith('zeros.json', zeros));
    expect(code).toBe(1);
    expect(err).toHaveLength(MAX_PROBLEMS + 1);
    expect(err[0]).toBe(
      'zeros.json: conflicts[0]: expected an object, got 0'.replace('zeros', join(dir, 'zeros')),
    );
    expect(err.at(-1)).toContain('whole file: and 149,900 more problems like these');
  }, 60_000);

  it('200,000 bad goals: capped the same way, never the unexpected-error fallback', async () => {
    const goals = new Array(200_000).fill('{"id":"g"}').join(',');
    const text = exampleText.replace(/"goals": \[[\s\S]*?\n {2}\],/, `"goals": [${goals}],`);
    const { code, err } = await analyze(fileWith('bad-goals.json', text));
    expect(code).toBe(1);
    expect(err).toHaveLength(MAX_PROBLEMS + 1);
    expect(err.join('\n')).not.toContain('unexpected error');
  }, 60_000);
});

describe('6. a file over the limit is refused before it is read; only regular files are read', () => {
  it('a 1.2 GB file: refused on its size (exit 1)', async () => {
    const path = fileWith('huge.json', '');
    truncateSync(path, 1_200 * 1024 * 1024);
    const { code, err } = await analyze(path);
    expect(code).toBe(1);
    expect(err).toEqual([`${path}: whole file: file is 1200.0 MB; the limit is ${MAX_FILE_MB} MB`]);
  });

  it.each([
    ['/dev/zero', 'this is a device, not a regular file'],
    [dir, 'this is a directory, not a regular file'],
    [join(dir, 'missing.json'), 'ENOENT'],
  ])('%s: cannot be read (exit 2)', async (path, why) => {
    const { code, err } = await analyze(path);
    expect(code).toBe(2);
    expect(err[0]).toContain(why);
  });

  it('a named pipe with no writer: refused at once, never waited on', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const { code, err } = await analyze(fifo);
    expect(code).toBe(2);
    expect(err[0]).toContain('this is a named pipe, not a regular file');
  });

  it('the class: at the limit a file is read, one byte over it is refused on its size', async () => {
    const limit = 1_000;
    const at = fileWith('at-limit', 'x'.repeat(limit));
    const over = fileWith('over-limit', 'x'.repeat(limit + 1));
    expect((await readFileBytes(at, limit)).status).toBe('read');
    expect(await readFileBytes(over, limit)).toEqual({
      status: 'too-big',
      problem: { path: '', message: 'file is 0.0 MB; the limit is 0.00095367431640625 MB' },
    });
  });

  it('a file whose size says 0 but holds more (like /proc files) stops being read at the limit', async () => {
    const read = await readFileBytes('/proc/self/status', 16);
    expect(read.status).toBe('too-big');
  });
});

/** The line a piece of text starts on. */
const lineOf = (text: string, piece: string): number =>
  text.slice(0, text.indexOf(piece)).split('\n').length;

describe('7. keys given twice', () => {
  it('a field: a warning with the line, the last value kept', async () => {
    const text = exampleText.replace(
      '"name": "Northwind Analytics",',
      '"name": "First",\n    "name": "Northwind Analytics",',
    );
    const { code, err, out } = await analyze(fileWith('title-twice.json', text));
    expect(code).toBe(0);
    expect(err).toEqual([
      `${join(dir, 'title-twice.json')}: warning: map.name (line ${lineOf(text, '"name": "Northwind')}): given twice (also on line ${lineOf(text, '"name": "First"')}); the last one is kept`,
    ]);
    expect(JSON.parse(out)).toMatchObject({ map: { name: 'Northwind Analytics' } });
  });

  it('a top-level list: an error with the line, instead of "unknown goal" everywhere', async () => {
    const text = exampleText.replace('\n  "links": [', '\n  "goals": [],\n  "links": [');
    const { code, err } = await analyze(fileWith('goals-twice.json', text));
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toBe(
      `${join(dir, 'goals-twice.json')}: goals (line ${lineOf(text, '"goals": []')}): given twice (also on line ${lineOf(text, '"goals": [\n')}); a map file has one "goals"`,
    );
  });
});

describe('8. messages', () => {
  it('a tangle of cycles lists the first ones and counts the rest', async () => {
    const size = 2_000;
    const goals = Array.from(
      { length: size },
      (_, i) => `{"id":"g${i}","title":"G${i}","kind":"kpi"}`,
    );
    const links = Array.from(
      { length: size },
      (_, i) => `{"id":"l${i}","from":"g${i}","to":"g${(i + 1) % size}"}`,
    );
    const back = Array.from(
      { length: size },
      (_, i) => `{"id":"b${i}","from":"g${(i + 2) % size}","to":"g${i}"}`,
    );
    const text = exampleText
      .replace(/"goals": \[[\s\S]*?\n {2}\],/, `"goals": [${goals.join(',')}],`)
      .replace(/"links": \[[\s\S]*?\n {2}\],/, `"links": [${[...links, ...back].join(',')}],`)
      .replace(/"incentives": \[[\s\S]*?\n {2}\],/, '"incentives": [],')
      .replace(/"conflicts": \[[\s\S]*?\n {2}\]/, '"conflicts": []');
    const { code, err } = await analyze(fileWith('tangle.json', text));
    expect(code).toBe(1);
    expect(err.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
    expect(
      err.some((line) => line.includes('more links, this one first, would each create a cycle')),
    ).toBe(true);
  });

  it('whole-file problems have a place, so a message is never read as one', async () => {
    const { code, err } = await analyze(fileWith('empty.json', ''));
    expect(code).toBe(1);
    expect(err).toEqual([`${join(dir, 'empty.json')}: whole file: file is empty`]);
    const broken = await analyze(fileWith('broken.json', '{"format": }'));
    expect(broken.err).toEqual([
      `${join(dir, 'broken.json')}: line 1, column 12: not valid JSON: expected a value but found "}"`,
    ]);
  });

  it('paths are written one way, whatever the key', async () => {
    const stray = (key: string) =>
      exampleText.replace(
        /"perspectives": \{/,
        `"perspectives": {\n        ${JSON.stringify(key)}: "",`,
      );
    const plain = await analyze(fileWith('stray.json', stray('s3')));
    const proto = await analyze(fileWith('stray-proto.json', stray('__proto__')));
    const spaced = await analyze(fileWith('stray-spaced.json', stray('s 3')));
    expect(plain.err[0]).toMatch(/: conflicts\[0\]\.perspectives\.s3: not a party$/);
    expect(proto.err[0]).toMatch(/: conflicts\[0\]\.perspectives\.__proto__: not a party$/);
    expect(spaced.err[0]).toMatch(/: conflicts\[0\]\.perspectives\["s 3"\]: not a party$/);
  });

  it('--help prints the usage with the limits and exit codes (exit 0)', async () => {
    const { code, out, err } = await analyze('--help');
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toBe(HELP);
    expect(out).toContain('Exit codes');
    expect(out).toContain('2,000 stakeholders');
  });

  it('a second file or an unknown option is a usage error (exit 2)', async () => {
    const file = fileWith('ok.json', exampleText);
    const two = await analyze(file, file);
    expect(two.code).toBe(2);
    expect(two.err[0]).toContain('one map file at a time');
    expect(two.err.join('\n')).toContain(USAGE);
    const option = await analyze('--matrix', file);
    expect(option.code).toBe(2);
    expect(option.err[0]).toBe(`unknown option --matrix\n${USAGE}`);
  });
});

describe('a reader that stops early', () => {
  it('piped into a reader that closes after one line: no EPIPE crash, exit 0', () => {
    const path = fileWith('for-head.json', exportMapJson(manyPeopleOnOneGoal(300)));
    const script = `npx tsx src/cli/analyze.ts ${JSON.stringify(path)} | head -n 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const status = execFileSync('bash', ['-c', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(status.trim()).toBe('0');
  }, 60_000);
});
