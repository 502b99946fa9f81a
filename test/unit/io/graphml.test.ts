import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asGoalId, asStakeholderId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import { GRAPHML_NS, exportGraphMl } from '../../../src/io/graphml';
import { arbMapDocument } from '../domain/arbitraries';
import { allElements, childElements, parseXmlStrict, rootOf, xmlTools } from './xmlHelpers';

const example = createExampleMap('2026-01-01T00:00:00.000Z');

function exportAndParse(doc: MapDocument) {
  const { xml, serializer } = xmlTools(GRAPHML_NS, 'graphml');
  const text = exportGraphMl(doc, xml, serializer, {
    positions: { [doc.goals[0]?.id ?? '']: { x: 10, y: 20 } },
  });
  const root = rootOf(parseXmlStrict(text, 'text/xml'));
  const elements = allElements(root);
  const named = (name: string) =>
    elements.filter((e) => e.localName === name && e.namespaceURI === GRAPHML_NS);
  return { text, root, named };
}

/** A node's or edge's GraphML attributes by their declared names. */
function attributesOf(
  element: Element,
  keyNames: ReadonlyMap<string, string>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const child of childElements(element)) {
    const name = keyNames.get(child.getAttribute('key') ?? '');
    if (child.localName === 'data' && name !== undefined) values[name] = child.textContent ?? '';
  }
  return values;
}

describe('exportGraphMl', () => {
  const { root, named } = exportAndParse(example);
  const keyNames = new Map(
    named('key')
      .filter((k) => k.getAttribute('attr.name') !== null)
      .map((k) => [k.getAttribute('id') ?? '', k.getAttribute('attr.name') ?? '']),
  );

  it('is a GraphML document with one directed graph', () => {
    expect(root.localName).toBe('graphml');
    expect(root.namespaceURI).toBe(GRAPHML_NS);
    const graphs = named('graph');
    expect(graphs).toHaveLength(1);
    expect(graphs[0]?.getAttribute('edgedefault')).toBe('directed');
  });

  it('has a node per goal and stakeholder, and an edge per link, incentive, trade-off and reporting line', () => {
    expect(named('node')).toHaveLength(example.goals.length + example.stakeholders.length);
    expect(example.tradeOffs.length * example.reportingLines.length).toBeGreaterThan(0);
    expect(named('edge')).toHaveLength(
      example.links.length +
        example.incentives.length +
        example.tradeOffs.length +
        example.reportingLines.length,
    );
  });

  it('declares every attribute it uses, with its type', () => {
    const declared = new Set(named('key').map((k) => k.getAttribute('id')));
    for (const data of named('data')) expect(declared.has(data.getAttribute('key'))).toBe(true);
    const types = new Map(
      named('key').map((k) => [k.getAttribute('attr.name'), k.getAttribute('attr.type')]),
    );
    expect(types.get('title')).toBe('string');
    expect(types.get('current')).toBe('double');
    expect(types.get('target')).toBe('double');
    expect(types.get('weight')).toBe('double');
  });

  it('carries goal, stakeholder and incentive fields as attributes', () => {
    const nodes = named('node').map((n) => attributesOf(n, keyNames));
    expect(nodes).toContainEqual({
      type: 'goal',
      recordId: 'g-nrr',
      title: 'Net revenue retention',
      kind: 'kpi',
      description: 'Expansion minus churn and contraction.',
      unit: '%',
      current: '104',
      target: '115',
      direction: 'up',
    });
    const dana = example.stakeholders.find((s) => s.id === asStakeholderId('s-vp-sales'));
    expect(nodes).toContainEqual({
      type: 'stakeholder',
      recordId: 's-vp-sales',
      name: dana?.name,
      role: dana?.role,
      team: dana?.team,
      color: dana?.color,
      notes: dana?.notes,
    });
    const edges = named('edge').map((e) => attributesOf(e, keyNames));
    expect(edges.filter((e) => e.type === 'link')).toHaveLength(example.links.length);
    const incentive = example.incentives.find((i) => i.goalId === asGoalId('g-new-arr'));
    expect(edges).toContainEqual({
      type: 'incentive',
      recordId: incentive?.id,
      kind: incentive?.kind,
      weight: String(incentive?.weight),
      note: incentive?.note,
    });
  });

  it('points links from the child goal to its parent', () => {
    const idOf = new Map(
      named('node').map((n) => [attributesOf(n, keyNames).recordId ?? '', n.getAttribute('id')]),
    );
    const link = example.links[0];
    const edge = named('edge')[0];
    expect(edge?.getAttribute('source')).toBe(idOf.get(link?.from ?? ''));
    expect(edge?.getAttribute('target')).toBe(idOf.get(link?.to ?? ''));
  });
});

describe('exportGraphMl on hostile text and random maps', () => {
  it('keeps markup in titles as text', () => {
    const title = '</data><node id="x"/><![CDATA[ & ]]>';
    const doc: MapDocument = { ...example, goals: example.goals.map((g) => ({ ...g, title })) };
    const { named } = exportAndParse(doc);
    expect(named('node')).toHaveLength(example.goals.length + example.stakeholders.length);
    const titles = named('data').filter((d) => d.getAttribute('key') === 'n_title');
    expect(titles.map((t) => t.textContent)).toEqual(example.goals.map(() => title));
  });

  it('counts and connects nodes and edges right on random maps', () => {
    fc.assert(
      fc.property(arbMapDocument({ maxGoals: 12 }), (doc) => {
        const { named } = exportAndParse(doc);
        const nodeIds = new Set(named('node').map((n) => n.getAttribute('id')));
        expect(nodeIds.size).toBe(doc.goals.length + doc.stakeholders.length);
        const edges = named('edge');
        expect(edges).toHaveLength(doc.links.length + doc.incentives.length);
        for (const edge of edges) {
          expect(nodeIds.has(edge.getAttribute('source'))).toBe(true);
          expect(nodeIds.has(edge.getAttribute('target'))).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});
