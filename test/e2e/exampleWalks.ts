import { createExampleMap } from '../../src/domain/exampleMap';
import { buildGoalIndex, findCommonGround } from '../../src/domain/engine';

export const example = createExampleMap('2026-01-01T00:00:00.000Z');

/** What the engine says the walk for an example conflict looks like: its first answer. */
export function expectedWalk(conflictId: string) {
  const conflict = example.conflicts.find((c) => c.id === conflictId);
  if (!conflict) throw new Error(`no conflict ${conflictId}`);
  const result = findCommonGround(buildGoalIndex(example), conflict.parties);
  if (result.status !== 'found' && result.status !== 'already-shared') {
    throw new Error(`conflict ${conflictId} has no common goal`);
  }
  const answer = result.answers[0];
  if (!answer) throw new Error('no answer');
  return { conflict, answer };
}
