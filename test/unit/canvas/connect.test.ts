import type { Connection, InternalNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import {
  connectionCommand,
  dropConnection,
  missedDropText,
  nodeAtPoint,
  paneToFlow,
  TRADE_OFF_HANDLES,
} from '../../../src/canvas/connect';
import { createExampleMap } from '../../../src/domain/exampleMap';
import type { MapDocument } from '../../../src/domain/model';
import { asStakeholderId } from '../../../src/domain/ids';
import { goalNodeId, stakeholderNodeId } from '../../../src/domain/nodeIds';

const doc = createExampleMap('2026-01-01T00:00:00.000Z');
/** React Flow names a connection's ends by node id. */
const goal = goalNodeId;
const person = stakeholderNodeId;
const { left, right } = TRADE_OFF_HANDLES;

function placed(id: string, x: number, y: number, z = 0): InternalNode {
  const node = { id, position: { x, y }, data: {} };
  return {
    ...node,
    measured: { width: 100, height: 50 },
    internals: { positionAbsolute: { x, y }, z, userNode: node },
  };
}

describe('a drop on a node box', () => {
  const link = doc.links.find((l) => l.to !== 'g-mission');
  if (!link) throw new Error('the example has a link below an objective');

  it('from a goal’s top handle links that goal up to the goal dropped on', () => {
    const result = connectionCommand(
      dropConnection({ nodeId: goal(link.from), id: 'up', type: 'source' }, goal('g-mission')),
    )(doc);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.links).toContainEqual(
      expect.objectContaining({ from: link.from, to: 'g-mission' }),
    );
  });

  it('from a goal’s bottom handle links the goal dropped on below it', () => {
    const other = doc.goals.find(
      (g) => g.kind === 'kpi' && !doc.links.some((l) => l.from === g.id && l.to === link.from),
    );
    if (!other) throw new Error('the example has another KPI');
    const result = connectionCommand(
      dropConnection({ nodeId: goal(link.from), id: 'down', type: 'target' }, goal(other.id)),
    )(doc);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.links).toContainEqual(
      expect.objectContaining({ from: other.id, to: link.from }),
    );
  });

  it('is refused by the same rule as a handle drop (a cycle names its goals)', () => {
    const result = connectionCommand(
      dropConnection({ nodeId: goal(link.to), id: 'up', type: 'source' }, goal(link.from)),
    )(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/cycle/);
  });

  it('from a person makes an incentive on the goal dropped on', () => {
    const p = doc.stakeholders[0];
    if (!p) throw new Error('the example has people');
    const result = connectionCommand(
      dropConnection({ nodeId: person(p.id), id: 'up', type: 'source' }, goal(link.from)),
    )(doc);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.incentives.length).toBe(doc.incentives.length + 1);
  });
});

describe('nodeAtPoint', () => {
  const nodes = [placed('a', 0, 0), placed('b', 50, 0, 1), placed('c', 300, 0)];

  it('finds the box under the point, the one on top where boxes overlap', () => {
    expect(nodeAtPoint(nodes, { x: 10, y: 10 }, 'c')).toBe('a');
    expect(nodeAtPoint(nodes, { x: 60, y: 10 }, 'c')).toBe('b');
    expect(nodeAtPoint(nodes, { x: 350, y: 49 }, 'a')).toBe('c');
  });

  it('never the node the drag started from, and nothing between boxes', () => {
    expect(nodeAtPoint(nodes, { x: 350, y: 10 }, 'c')).toBeNull();
    expect(nodeAtPoint(nodes, { x: 200, y: 10 }, 'a')).toBeNull();
    expect(nodeAtPoint(nodes, { x: 10, y: 51 }, 'c')).toBeNull();
  });

  it('reads the pane point through the viewport’s pan and zoom', () => {
    expect(paneToFlow({ x: 120, y: 60 }, [20, 10, 2])).toEqual({ x: 50, y: 25 });
  });
});

describe('missedDropText', () => {
  it('names what was being linked', () => {
    const g = doc.goals[1];
    const p = doc.stakeholders[0];
    if (!g || !p) throw new Error('the example has goals and people');
    expect(missedDropText(doc, goal(g.id))).toContain(`“${g.title}”`);
    expect(missedDropText(doc, person(p.id))).toContain(p.name);
  });
});

function connect(
  source: string,
  sourceHandle: string | null,
  target: string,
  targetHandle: string | null,
): MapDocument {
  const connection: Connection = { source, sourceHandle, target, targetHandle };
  const result = connectionCommand(connection)(doc);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const added = <T>(before: readonly T[], after: readonly T[]) => after.slice(before.length);

describe('what a drag between handles makes', () => {
  it('a trade-off from a side handle to a side handle, in either direction', () => {
    const made = connect(goal('g-nrr'), right, goal('g-cloud-cost'), left);
    expect(added(doc.tradeOffs, made.tradeOffs)).toMatchObject([
      { a: 'g-nrr', b: 'g-cloud-cost', note: '' },
    ]);
    expect(made.links).toBe(doc.links);
    expect(connect(goal('g-nrr'), left, goal('g-cloud-cost'), left).tradeOffs).toHaveLength(
      doc.tradeOffs.length + 1,
    );
  });

  it('a trade-off from a side handle dropped on a goal with no handle under the pointer', () => {
    expect(connect(goal('g-nrr'), right, goal('g-cloud-cost'), null).tradeOffs).toHaveLength(
      doc.tradeOffs.length + 1,
    );
  });

  it('a link, not a trade-off, when either end is a top or bottom handle', () => {
    const made = connect(goal('g-cloud-cost'), 'up', goal('g-nrr'), right);
    expect(made.tradeOffs).toBe(doc.tradeOffs);
    expect(added(doc.links, made.links)).toMatchObject([{ from: 'g-cloud-cost', to: 'g-nrr' }]);
  });

  it('an incentive from a person, whichever handle of the goal it reaches', () => {
    const made = connect(person('s-cfo'), 'up', goal('g-nrr'), left);
    expect(added(doc.incentives, made.incentives)).toMatchObject([
      { stakeholderId: 's-cfo', goalId: 'g-nrr', kind: 'measured' },
    ]);
    expect(made.tradeOffs).toBe(doc.tradeOffs);
  });

  it('an incentive from a person to the goal that shares their id', () => {
    const shared: MapDocument = {
      ...doc,
      stakeholders: doc.stakeholders.map((s) =>
        s.id === 's-cfo' ? { ...s, id: asStakeholderId('g-nrr') } : s,
      ),
      incentives: doc.incentives.filter((i) => i.stakeholderId !== 's-cfo'),
    };
    const result = connectionCommand({
      source: person('g-nrr'),
      sourceHandle: 'up',
      target: goal('g-nrr'),
      targetHandle: 'down',
    })(shared);
    if (!result.ok) throw new Error(result.error.message);
    expect(added(shared.incentives, result.value.incentives)).toMatchObject([
      { stakeholderId: 'g-nrr', goalId: 'g-nrr', kind: 'measured' },
    ]);
  });
});
