import { describe, expect, it } from 'vitest';
import type { Connection } from '@xyflow/react';
import { connectionCommand, TRADE_OFF_HANDLES } from '../../../src/canvas/connect';
import { createExampleMap } from '../../../src/domain/exampleMap';
import type { MapDocument } from '../../../src/domain/model';

const doc = createExampleMap('2026-01-01T00:00:00.000Z');
const { left, right } = TRADE_OFF_HANDLES;

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
    const made = connect('g-nrr', right, 'g-cloud-cost', left);
    expect(added(doc.tradeOffs, made.tradeOffs)).toMatchObject([
      { a: 'g-nrr', b: 'g-cloud-cost', note: '' },
    ]);
    expect(made.links).toBe(doc.links);
    expect(connect('g-nrr', left, 'g-cloud-cost', left).tradeOffs).toHaveLength(
      doc.tradeOffs.length + 1,
    );
  });

  it('a trade-off from a side handle dropped on a goal with no handle under the pointer', () => {
    expect(connect('g-nrr', right, 'g-cloud-cost', null).tradeOffs).toHaveLength(
      doc.tradeOffs.length + 1,
    );
  });

  it('a link, not a trade-off, when either end is a top or bottom handle', () => {
    const made = connect('g-cloud-cost', 'up', 'g-nrr', right);
    expect(made.tradeOffs).toBe(doc.tradeOffs);
    expect(added(doc.links, made.links)).toMatchObject([{ from: 'g-cloud-cost', to: 'g-nrr' }]);
  });

  it('an incentive from a person, whichever handle of the goal it reaches', () => {
    const made = connect('s-cfo', 'up', 'g-nrr', left);
    expect(added(doc.incentives, made.incentives)).toMatchObject([
      { stakeholderId: 's-cfo', goalId: 'g-nrr', kind: 'measured' },
    ]);
    expect(made.tradeOffs).toBe(doc.tradeOffs);
  });
});
