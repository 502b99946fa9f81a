import { describe, expect, it } from 'vitest';
import { linkGoals, unlinkGoals } from '../../../src/domain/commands';
import { asLinkId } from '../../../src/domain/ids';
import { expectOk, expectRefusal, g, sampleMap } from './commands.fixture';

describe('linkGoals', () => {
  it('adds a link from the child up to its parent', () => {
    const after = expectOk(linkGoals(sampleMap(), g('g3'), g('g1'), asLinkId('l9')));
    expect(after.links.at(-1)).toEqual({ id: 'l9', from: 'g3', to: 'g1' });
    expect(after.links).toHaveLength(4);
  });

  it('refuses a link that closes a cycle, naming the goals by title', () => {
    expect(expectRefusal(linkGoals(sampleMap(), g('g2'), g('g3')))).toEqual({
      code: 'cycle',
      goals: ['g2', 'g3', 'g2'],
      message: 'Linking "Revenue" to "Churn" would create a cycle: Revenue → Churn → Revenue',
    });
  });

  it('names every goal of a longer cycle in walking order', () => {
    const error = expectRefusal(linkGoals(sampleMap(), g('g1'), g('g4')));
    expect(error).toMatchObject({ code: 'cycle', goals: ['g1', 'g4', 'g2', 'g1'] });
    expect(error.message).toBe(
      'Linking "Make work joyful" to "New ARR" would create a cycle: ' +
        'Make work joyful → New ARR → Revenue → Make work joyful',
    );
  });

  it('refuses a goal contributing to itself', () => {
    expect(expectRefusal(linkGoals(sampleMap(), g('g3'), g('g3')))).toEqual({
      code: 'invalid',
      field: 'to',
      message: '"Churn" cannot contribute to itself.',
    });
  });

  it('refuses a second link between the same two goals', () => {
    expect(expectRefusal(linkGoals(sampleMap(), g('g3'), g('g2')))).toEqual({
      code: 'duplicate',
      record: 'link',
      existingId: 'l2',
      message: '"Churn" already contributes to "Revenue".',
    });
  });

  it('refuses an id that is already taken', () => {
    const error = expectRefusal(linkGoals(sampleMap(), g('g3'), g('g1'), asLinkId('l1')));
    expect(error).toMatchObject({ code: 'duplicate', record: 'link', existingId: 'l1' });
  });

  it('refuses unknown goals at either end', () => {
    expect(expectRefusal(linkGoals(sampleMap(), g('g9'), g('g1')))).toMatchObject({
      code: 'not-found',
      record: 'goal',
      id: 'g9',
    });
    expect(expectRefusal(linkGoals(sampleMap(), g('g1'), g('g8')))).toMatchObject({
      code: 'not-found',
      record: 'goal',
      id: 'g8',
    });
  });
});

describe('unlinkGoals', () => {
  it('removes a link by its id', () => {
    const after = expectOk(unlinkGoals(sampleMap(), { linkId: asLinkId('l2') }));
    expect(after.links.map((l) => l.id)).toEqual(['l1', 'l3']);
  });

  it('removes a link by the goals it joins', () => {
    const after = expectOk(unlinkGoals(sampleMap(), { from: g('g4'), to: g('g2') }));
    expect(after.links.map((l) => l.id)).toEqual(['l1', 'l2']);
  });

  it('refuses an unknown link id', () => {
    expect(expectRefusal(unlinkGoals(sampleMap(), { linkId: asLinkId('l7') }))).toEqual({
      code: 'not-found',
      record: 'link',
      id: 'l7',
      message: 'There is no link "l7".',
    });
  });

  it('refuses to unlink goals that are not linked that way round', () => {
    expect(expectRefusal(unlinkGoals(sampleMap(), { from: g('g2'), to: g('g4') }))).toEqual({
      code: 'not-found',
      record: 'link',
      id: 'g2 → g4',
      message: '"Revenue" does not contribute to "New ARR".',
    });
  });
});
