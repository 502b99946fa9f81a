// @vitest-environment happy-dom
// Mermaid's parser sanitises labels with DOMPurify, which needs a DOM; happy-dom provides one.
import fc from 'fast-check';
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asGoalId, asLinkId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import { exportMermaid, mermaidLabel } from '../../../src/io/mermaid';
import { arbMapDocument } from '../domain/arbitraries';

const example = createExampleMap('2026-01-01T00:00:00.000Z');

interface ParsedFlowchart {
  readonly texts: ReadonlyMap<string, string>;
  readonly edgeCount: number;
}

/** Runs Mermaid's own parser and reads back the nodes and edges it understood. */
async function parseFlowchart(text: string): Promise<ParsedFlowchart> {
  await mermaid.parse(text);
  // parse() returns no model; getDiagramFromText is the one public way to read what it parsed.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
  const vertices: unknown = callMethod(db, 'getVertices');
  const edges: unknown = callMethod(db, 'getEdges');
  if (!(vertices instanceof Map) || !Array.isArray(edges)) throw new Error('not a flowchart');
  const texts = new Map<string, string>();
  for (const [id, vertex] of vertices) {
    const label: unknown =
      typeof vertex === 'object' && vertex !== null && Reflect.get(vertex, 'text');
    texts.set(String(id), typeof label === 'string' ? label : '');
  }
  return { texts, edgeCount: edges.length };
}

function callMethod(target: unknown, name: string): unknown {
  const method: unknown =
    typeof target === 'object' && target !== null && Reflect.get(target, name);
  if (typeof method !== 'function') throw new Error(`no ${name}`);
  return Reflect.apply(method, target, []);
}

/**
 * Mermaid keeps entity codes as markers in its model and turns them into characters when it
 * draws; this does the same, so a test can compare a label with the title it came from.
 */
function decodeLabel(text: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, name: string) => named[name] ?? name);
}

const nodeCount = (doc: MapDocument) => doc.goals.length + doc.stakeholders.length;
/** Links, incentives, trade-offs (dotted, two-way) and reporting lines each draw one edge. */
const edgeCount = (doc: MapDocument) =>
  doc.links.length + doc.incentives.length + doc.tradeOffs.length + doc.reportingLines.length;

describe('exportMermaid', () => {
  it('writes the example map as a bottom-to-top flowchart Mermaid can parse', async () => {
    const text = exportMermaid(example);
    expect(text.startsWith('flowchart BT\n')).toBe(true);
    const parsed = await parseFlowchart(text);
    expect(parsed.texts.size).toBe(nodeCount(example));
    expect(parsed.edgeCount).toBe(edgeCount(example));
  });

  it('draws links child → parent, incentives labelled by kind, motivated ones dotted', () => {
    const lines = exportMermaid(example)
      .split('\n')
      .map((l) => l.trim());
    expect(lines).toContain('g_g_nrr --> g_g_retain');
    expect(lines).toContain('s_s_vp_sales -->|"rewarded"| g_g_new_arr');
    expect(lines.some((l) => /^s_\w+ -\.->\|"motivated"\| g_\w+$/.test(l))).toBe(true);
    expect(lines).toContain(
      'g_g_mission{{"Every mid-market team decides with trustworthy data"}}:::mission',
    );
    expect(lines).toContain('g_g_new_arr("New ARR<br>2400 €k → 3600 €k ↑"):::kpi');
  });

  it('gives every goal a distinct id made of letters, digits and _', async () => {
    const ids = ['a-b', 'a_b', 'a b', 'ä', 'end', '1'];
    const doc: MapDocument = {
      ...example,
      goals: ids.map((id) => ({
        id: asGoalId(id),
        title: id,
        kind: 'objective',
        description: '',
        metric: null,
        position: null,
        owner: null,
      })),
      links: [
        {
          id: asLinkId('l1'),
          from: asGoalId('a-b'),
          to: asGoalId('a_b'),
        },
      ],
      stakeholders: [],
      incentives: [],
      conflicts: [],
    };
    const parsed = await parseFlowchart(exportMermaid(doc));
    expect([...parsed.texts.keys()]).toEqual([
      'g_a_b',
      'g_a_b_2',
      'g_a_b_3',
      'g__',
      'g_end',
      'g_1',
    ]);
    expect(parsed.edgeCount).toBe(1);
  });
});

describe('mermaidLabel keeps any title as written', () => {
  const titles = [
    'He said "ship it"',
    '[brackets] (parens) {braces} |pipes|',
    '<script>alert(1)</script> & <img src=x onerror=alert(1)>',
    '%%{init: {"theme": "dark"}}%% and %% a comment',
    'end',
    'A --> B; style A fill:#f00',
    '#quot; is not a quote',
    '`markdown` **bold**',
    '🚀 Ünïcödé مرحبا',
    'back\\slash',
  ];

  it.each(titles)('%s', async (title) => {
    const text = `flowchart BT\n  a[${mermaidLabel([title])}] --> b(${mermaidLabel([title])})\n`;
    const parsed = await parseFlowchart(text);
    expect([...parsed.texts.keys()]).toEqual(['a', 'b']);
    expect(decodeLabel(parsed.texts.get('a') ?? '')).toBe(title);
    expect(parsed.edgeCount).toBe(1);
  });

  it('turns newlines into line breaks and other control characters into spaces', () => {
    expect(mermaidLabel(['one\r\ntwo\nthree\u0007'])).toBe('"one<br>two<br>three "');
  });
});

describe('exportMermaid on random maps', () => {
  const arbTitle = fc
    .string({
      unit: fc.constantFrom(
        '"',
        '#',
        '%',
        '<',
        '>',
        '&',
        '`',
        '[',
        ']',
        '{',
        '}',
        '(',
        ')',
        '|',
        ';',
        ':',
        '\n',
        '-',
        'end',
        'o',
        'x',
        ' ',
        'é',
      ),
      minLength: 1,
      maxLength: 16,
    })
    .filter((t) => t.trim() !== '');

  it('always parses, with one node per goal and stakeholder and one edge per link, incentive, trade-off and reporting line', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbMapDocument({ maxGoals: 12 }).chain((doc) =>
          fc
            .array(arbTitle, { minLength: doc.goals.length, maxLength: doc.goals.length })
            .map((titles): MapDocument => ({
              ...doc,
              goals: doc.goals.map((g, i) => ({ ...g, title: titles[i] ?? g.title })),
            })),
        ),
        async (doc) => {
          const parsed = await parseFlowchart(exportMermaid(doc));
          expect(parsed.texts.size).toBe(nodeCount(doc));
          expect(parsed.edgeCount).toBe(edgeCount(doc));
        },
      ),
      { numRuns: 40 },
    );
  });
});
