import { describe, expect, it } from 'vitest';
import { Position } from '@xyflow/react';
import { createEdgeBuilder, createNodeBuilder } from '../../../src/canvas/adapters';
import { toHighlightLookup } from '../../../src/canvas/highlight';
import { TRADE_OFF_HANDLES } from '../../../src/canvas/connect';
import { edgeId } from '../../../src/canvas/edgeIds';
import { goalNodeId } from '../../../src/domain/nodeIds';
import { addTradeOff, moveGoals } from '../../../src/domain/commands';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asGoalId, asIncentiveId, asTradeOffId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import { nodeView } from './nodeView';

const pinned = (doc: MapDocument, id: string): MapDocument => {
  const result = moveGoals(doc, new Map([[asGoalId(id), { x: 5, y: 5, pinned: true }]]));
  if (!result.ok) throw new Error('could not pin');
  return result.value;
};

const none = toHighlightLookup(null);

describe('node and edge builders', () => {
  const doc = createExampleMap('2026-01-01T00:00:00.000Z');
  const moved = pinned(doc, 'g-nrr');

  it('hands back the same node objects except for the goal an edit moved', () => {
    const build = createNodeBuilder();
    const before = build(doc, nodeView(doc));
    const after = build(moved, nodeView(moved));
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed).toEqual([goalNodeId('g-nrr')]);
  });

  it('puts every node’s tree handles on its left and right sides once the map runs left to right', () => {
    const build = createNodeBuilder();
    const before = build(doc, nodeView(doc));
    const after = build(doc, nodeView(doc, { orientation: 'leftRight' }));
    expect(
      before.every(
        (n) => n.sourcePosition === Position.Top && n.targetPosition === Position.Bottom,
      ),
    ).toBe(true);
    expect(
      after.every((n) => n.sourcePosition === Position.Left && n.targetPosition === Position.Right),
    ).toBe(true);
  });

  it('hands back the same edge objects when an edit does not touch links or incentives', () => {
    const build = createEdgeBuilder();
    const before = build(doc, none, new Set());
    const after = build(moved, none, new Set());
    expect(after).toBe(before);
  });

  it('redraws only the edge whose selection changed', () => {
    const build = createEdgeBuilder();
    const before = build(doc, none, new Set());
    const link = doc.links[3];
    if (!link) throw new Error('example map needs links');
    const after = build(doc, none, new Set([edgeId('link', link.id)]));
    const changed = after.filter((e, i) => e !== before[i]);
    expect(changed.map((e) => [e.id, e.selected])).toEqual([[`link:${link.id}`, true]]);
  });
});

describe('trade-off edges', () => {
  const doc = createExampleMap('2026-01-01T00:00:00.000Z');
  const result = addTradeOff(doc, { a: asGoalId('g-nrr'), b: asGoalId('g-cloud-cost') });
  if (!result.ok) throw new Error(result.error.message);
  const withTradeOff = result.value;
  const tradeOff = withTradeOff.tradeOffs.at(-1);

  it('are drawn dashed and labelled between side handles, apart from links', () => {
    const edge = createEdgeBuilder()(withTradeOff, none, new Set()).find(
      (e) => e.id === `tradeOff:${tradeOff?.id}`,
    );
    expect(edge).toMatchObject({
      type: 'tradeOff',
      source: goalNodeId('g-nrr'),
      target: goalNodeId('g-cloud-cost'),
      sourceHandle: TRADE_OFF_HANDLES.right,
      targetHandle: TRADE_OFF_HANDLES.left,
      label: '⇄ trades off',
      style: { strokeDasharray: '8 5' },
    });
  });

  it('are selectable on their own: only the selected one is redrawn', () => {
    const build = createEdgeBuilder();
    const before = build(withTradeOff, none, new Set());
    const after = build(withTradeOff, none, new Set([edgeId('tradeOff', tradeOff?.id ?? '')]));
    const changed = after.filter((e, i) => e !== before[i]);
    expect(changed.map((e) => [e.id, e.selected])).toEqual([[`tradeOff:${tradeOff?.id}`, true]]);
  });
});

describe('edge ids', () => {
  it('never collide between a link, a tie and a trade-off with the same record id', () => {
    const doc = createExampleMap('2026-01-01T00:00:00.000Z');
    const [link] = doc.links;
    const [incentive] = doc.incentives;
    if (!link || !incentive) throw new Error('example map needs a link and a tie');
    const added = addTradeOff(
      {
        ...doc,
        incentives: [{ ...incentive, id: asIncentiveId(link.id) }, ...doc.incentives.slice(1)],
      },
      { id: asTradeOffId(link.id), a: asGoalId('g-nrr'), b: asGoalId('g-cloud-cost') },
    );
    if (!added.ok) throw new Error(added.error.message);
    const edges = createEdgeBuilder()(added.value, none, new Set([edgeId('link', link.id)]));
    const named = edges.filter((e) => e.id.endsWith(`:${link.id}`));
    expect(named.map((e) => [e.id, e.selected]).sort()).toEqual(
      [
        [edgeId('incentive', link.id), false],
        [edgeId('link', link.id), true],
        [edgeId('tradeOff', link.id), false],
      ].sort(),
    );
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  });
});
