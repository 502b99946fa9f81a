import { describe, expect, it } from 'vitest';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asGoalId } from '../../../src/domain/ids';
import { checkInvariants } from '../../../src/domain/invariants';
import type { MapDocument } from '../../../src/domain/model';
import { exportGoalsCsv, parseGoalCsv, planCsvImport } from '../../../src/io/csv';

const NEW_MAP = { name: 'KPIs', now: '2026-01-01T00:00:00.000Z' };
const example = createExampleMap(NEW_MAP.now);

const problems = (text: string) => parseGoalCsv(text).problems;

/** Parses and applies `text`, failing the test on any problem. */
function importCsv(text: string, doc: MapDocument | null = null) {
  const parsed = parseGoalCsv(text);
  expect(parsed.problems).toEqual([]);
  const plan = planCsvImport(doc, parsed.rows, NEW_MAP);
  if (!plan.ok) throw new Error(JSON.stringify(plan.error));
  expect(checkInvariants(plan.value.doc)).toEqual([]);
  return plan.value;
}

function planProblems(text: string, doc: MapDocument | null = null) {
  const parsed = parseGoalCsv(text);
  expect(parsed.problems).toEqual([]);
  const plan = planCsvImport(doc, parsed.rows, NEW_MAP);
  return plan.ok ? [] : plan.error;
}

const linkPairs = (doc: MapDocument) => doc.links.map((l) => `${l.from}→${l.to}`).sort();

describe('parseGoalCsv reads what spreadsheets write', () => {
  it('a KPI tree with a header in any case, several parents and metric columns', () => {
    const text =
      'ID,Title,PARENT,Kind,Unit,Current,Target,Direction\n' +
      'm,Make work joyful,,mission,,,,\n' +
      'o,Grow revenue,m,,,,,\n' +
      'k,Net revenue retention,o|m,KPI,%,104,115,up\n';
    const { rows } = parseGoalCsv(text);
    expect(rows).toEqual([
      {
        row: 2,
        id: 'm',
        title: 'Make work joyful',
        parents: [],
        kind: 'mission',
        unit: '',
        current: null,
        target: null,
        direction: null,
      },
      {
        row: 3,
        id: 'o',
        title: 'Grow revenue',
        parents: ['m'],
        kind: null,
        unit: '',
        current: null,
        target: null,
        direction: null,
      },
      {
        row: 4,
        id: 'k',
        title: 'Net revenue retention',
        parents: ['o', 'm'],
        kind: 'kpi',
        unit: '%',
        current: 104,
        target: 115,
        direction: 'up',
      },
    ]);
  });

  it('semicolons, decimal commas, a byte order mark and CRLF line ends', () => {
    const text =
      '\uFEFFid;title;parent;current\r\nm;Mission, with a comma;;\r\nk;Margin;m;12,5\r\n';
    const { rows, problems: found } = parseGoalCsv(text);
    expect(found).toEqual([]);
    expect(rows.map((r) => [r.id, r.title, r.current])).toEqual([
      ['m', 'Mission, with a comma', null],
      ['k', 'Margin', 12.5],
    ]);
  });

  it('tab-separated text, as spreadsheets copy it', () => {
    const { rows } = parseGoalCsv('id\ttitle\tparent\nm\tMission, one\t\nk\tKPI\tm\n');
    expect(rows.map((r) => [r.id, r.title, r.parents])).toEqual([
      ['m', 'Mission, one', []],
      ['k', 'KPI', ['m']],
    ]);
  });

  it('quoted cells holding separators, doubled quotes and newlines', () => {
    const text =
      'id,title,parent,description\r\nm,"Say ""hi"", then go",,"line one\r\nline two"\r\n';
    const [row] = parseGoalCsv(text).rows;
    expect(row?.title).toBe('Say "hi", then go');
    expect(row?.description).toBe('line one\r\nline two');
  });

  it('skips blank lines but keeps counting rows as a spreadsheet does', () => {
    const text = 'id,title,parent\n\nm,Mission,\n , ,\nk,KPI,nope\n';
    const { rows } = parseGoalCsv(text);
    expect(rows.map((r) => r.row)).toEqual([3, 5]);
  });

  it('accepts "parents" for the parent column and ignores columns it does not know', () => {
    const { rows } = parseGoalCsv('id,title,parents,owner,constructor\nk,KPI,a|b,Dana,x\n');
    expect(rows[0]?.parents).toEqual([asGoalId('a'), asGoalId('b')]);
  });

  it('names a new map after the file', () => {
    expect(parseGoalCsv('id,title,parent\nm,M,\n', 'C:\\exports\\KPI tree 2026.csv').mapName).toBe(
      'KPI tree 2026',
    );
  });
});

describe('parseGoalCsv says what is wrong and where', () => {
  it('a missing required column', () => {
    expect(problems('id,name,parent\nm,Mission,\n')).toEqual([
      { path: '', message: 'missing required column "title"' },
    ]);
  });

  it('an empty file, or a header with nothing below it', () => {
    expect(problems('\uFEFF \r\n')).toEqual([{ path: '', message: 'the file is empty' }]);
    expect(problems('id,title,parent\r\n')).toEqual([
      { path: '', message: 'the file has no goals below its header' },
    ]);
  });

  it('each bad cell with its row and column', () => {
    const text =
      'id,title,parent,kind,current,target,direction\n' +
      'k1,Fine,,kpi,1,2,up\n' +
      'k1,Again,,kpi,1,2,up\n' +
      ',No id,,,,,\n' +
      'k2,,,,,,\n' +
      'k3,Kind,,goalish,abc,1e999,sideways\n' +
      'k4,Self,k4|k1,,,,\n';
    expect(problems(text)).toEqual([
      { path: 'row 3, column "id"', message: 'duplicate id "k1" (also on row 2)' },
      { path: 'row 4, column "id"', message: 'id is empty' },
      { path: 'row 5, column "title"', message: 'title is empty' },
      { path: 'row 6, column "kind"', message: 'kind must be mission, objective or kpi' },
      { path: 'row 6, column "current"', message: 'current is not a number: "abc"' },
      { path: 'row 6, column "target"', message: 'target is not a number: "1e999"' },
      { path: 'row 6, column "direction"', message: 'direction must be up or down' },
      { path: 'row 7, column "parent"', message: '"k4" cannot be its own parent' },
    ]);
  });

  it('a row with more cells than the header, and a quote that is never closed', () => {
    expect(problems('id,title,parent\nk,Grow, fast,m\n')).toEqual([
      {
        path: 'row 2',
        message:
          'has more cells than the header: does a cell hold the separator without quotes around it?',
      },
    ]);
    expect(problems('id,title,parent\nm,"Grow fast,\n').map((p) => p.message)).toContain(
      'a quoted cell is never closed (a " is missing)',
    );
  });

  it('keeps only rows without problems', () => {
    const { rows } = parseGoalCsv('id,title,parent,kind\nm,Mission,,\nk,KPI,m,metric\n');
    expect(rows.map((r) => r.id)).toEqual(['m']);
  });
});

describe('planCsvImport', () => {
  const tree = 'id,title,parent\nm,Mission,\no,Objective,m\nk,KPI,o\n';

  it('makes a new map from a file, guessing the kind of goals without one', () => {
    const plan = importCsv('id,title,parent,unit\nm,Mission,,\no,Objective,m,\nk,KPI,o,%\n');
    expect(plan.doc.map.name).toBe('KPIs');
    expect(plan.doc.goals.map((g) => g.kind)).toEqual(['mission', 'objective', 'kpi']);
    expect(plan.doc.goals[2]?.metric).toEqual({
      unit: '%',
      current: null,
      target: null,
      direction: 'up',
    });
    expect(linkPairs(plan.doc)).toEqual(['k→o', 'o→m']);
    expect([plan.created, plan.updated, plan.linked, plan.unlinked]).toEqual([3, 0, 2, 0]);
  });

  it('re-importing the same file updates by id instead of duplicating', () => {
    const first = importCsv(tree).doc;
    const again = importCsv(tree, first);
    expect(again.doc).toEqual(first);
    expect([again.created, again.updated, again.linked, again.unlinked]).toEqual([0, 0, 0, 0]);
  });

  it('updates changed goals and sets links to exactly the parents the file names', () => {
    const first = importCsv(tree).doc;
    const plan = importCsv('id,title,parent\nk,KPI renamed,m\nn,New KPI,o|m\n', first);
    expect(plan.doc.goals.map((g) => g.title)).toEqual([
      'Mission',
      'Objective',
      'KPI renamed',
      'New KPI',
    ]);
    expect(linkPairs(plan.doc)).toEqual(['k→m', 'n→m', 'n→o', 'o→m']);
    expect([plan.created, plan.updated, plan.linked, plan.unlinked]).toEqual([1, 1, 3, 1]);
  });

  it('keeps what the map has for columns the file leaves out', () => {
    const plan = importCsv('id,title,parent\ng-nrr,NRR,g-retain|g-grow-arr\n', example);
    const nrr = plan.doc.goals.find((g) => g.id === 'g-nrr');
    const before = example.goals.find((g) => g.id === 'g-nrr');
    expect(nrr).toEqual({ ...before, title: 'NRR' });
    expect(plan.doc.incentives).toBe(example.incentives);
  });

  it('reports parents that are neither in the file nor in the map', () => {
    expect(planProblems('id,title,parent\nm,Mission,\no,Objective,m\nk,KPI,g99\n')).toEqual([
      { path: 'row 4, column "parent"', message: 'unknown parent "g99"' },
    ]);
  });

  it('reports a cycle on the row that closes it', () => {
    expect(planProblems('id,title,parent\na,A,c\nb,B,a\nc,C,b\n')).toEqual([
      { path: 'row 4, column "parent"', message: 'would create a cycle: c → b → a → c' },
    ]);
  });

  it('reports a cycle through goals already in the map', () => {
    const text = 'id,title,parent\ng-mission,Mission,g-uptime\n';
    expect(planProblems(text, example)).toEqual([
      {
        path: 'row 2, column "parent"',
        message:
          'would create a cycle: g-mission → g-uptime → g-reliability → g-product → g-mission',
      },
    ]);
  });
});

describe('exportGoalsCsv', () => {
  it('writes a byte order mark, the header and CRLF line ends', () => {
    const lines = exportGoalsCsv(example).split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,title,parent,kind,description,unit,current,target,direction');
    expect(lines).toContain(
      'g-nrr,Net revenue retention,g-retain|g-grow-arr,kpi,Expansion minus churn and contraction.,%,104,115,up',
    );
    expect(lines.at(-1)).toBe('');
  });

  it('neutralises cells a spreadsheet would run as formulas, but not negative numbers', () => {
    const titles = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTab', '\rCR', "'quoted"];
    const doc: MapDocument = {
      ...example,
      goals: example.goals.slice(0, titles.length).map((g, i) => ({
        ...g,
        title: titles[i] ?? g.title,
        kind: 'kpi',
        metric: { unit: '=HYPERLINK("x")', current: -5, target: -0.5, direction: 'down' },
      })),
      links: [],
    };
    const lines = exportGoalsCsv(doc).split('\r\n').slice(1, -1);
    const cells = lines.map((l) => l.split(','));
    expect(cells.map((c) => c[1])).toEqual([
      `"'=1+1"`,
      `"'+SUM(A1)"`,
      `"'-2+3"`,
      `"'@cmd"`,
      `"'\tTab"`,
      `"'\rCR"`,
      `"''quoted"`,
    ]);
    for (const line of lines) expect(line.endsWith(`"'=HYPERLINK(""x"")",-5,-0.5,down`)).toBe(true);
    expect(importCsv(exportGoalsCsv(doc)).doc.goals.map((g) => g.title)).toEqual(titles);
  });
});
