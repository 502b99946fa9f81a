import { describe, expect, it } from 'vitest';
import {
  addGoal,
  removeStakeholder,
  removeTradeOff,
  setReportsTo,
  updateGoal,
} from '../../../src/domain/commands';
import { diffMaps } from '../../../src/domain/diff';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asGoalId, asStakeholderId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import type { CommandResult } from '../../../src/domain/commands';
import { describeSize } from '../../../src/ui/describeSize';
import { describeChanges } from '../../../src/ui/history/historyText';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const unwrap = (result: CommandResult): MapDocument => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('describeChanges', () => {
  it('one line per kind of record, counted and named, the rest summed up', () => {
    let later = example;
    for (let n = 1; n <= 6; n++) {
      later = unwrap(addGoal(later, { id: asGoalId(`g-new-${n}`), title: `New ${n}` }));
    }
    const [mission] = example.goals;
    const [person] = example.stakeholders;
    if (!mission || !person) throw new Error('example map changed');
    // An imported file may hold a title of spaces; commands refuse one.
    later = {
      ...later,
      goals: later.goals.map((g) => (g.id === mission.id ? { ...g, title: ' ' } : g)),
    };
    later = unwrap(removeStakeholder(later, person.id));
    const lines = describeChanges(diffMaps(example, later));
    expect(lines[0]).toBe(
      'Goals: 6 added (“New 1”, “New 2”, “New 3”, “New 4” and 2 more); 1 changed (“untitled”)',
    );
    expect(lines[1]).toBe(`Stakeholders: 1 removed (“${person.name}”)`);
    expect(lines.some((l) => l.startsWith('Incentives: '))).toBe(true);
    // Removing the CEO removes the lines of those who report to her and her goals' owner.
    expect(lines).toContain(
      `Owners: 2 changed (“: ${person.name} → nobody”, “Grow ARR efficiently: ${person.name} → nobody”)`,
    );
    expect(lines.some((l) => l.startsWith('Reporting lines: 4 removed'))).toBe(true);
    expect(describeChanges(diffMaps(example, example))).toEqual([]);
  });
});

describe('describeChanges of trade-offs, reporting lines and owners', () => {
  it('names each, and an owner change from whom to whom', () => {
    const [tradeOff] = example.tradeOffs;
    if (!tradeOff) throw new Error('example map changed');
    const later = [
      (d: MapDocument) => removeTradeOff(d, tradeOff.id),
      (d: MapDocument) => setReportsTo(d, asStakeholderId('s-head-cs'), asStakeholderId('s-ceo')),
      (d: MapDocument) => updateGoal(d, asGoalId('g-retain'), { owner: asStakeholderId('s-cfo') }),
    ].reduce((d, step) => unwrap(step(d)), example);
    expect(describeChanges(diffMaps(example, later))).toEqual([
      'Trade-offs: 1 removed (“ARR growth rate ⇄ Operating margin”)',
      'Reporting lines: 1 added (“Sam Fischer → Maya Lindqvist”); 1 removed (“Sam Fischer → Dana Reyes”)',
      'Owners: 1 changed (“Customers stay and expand: Sam Fischer → Tom Okafor”)',
    ]);
  });
});

describe('describeSize', () => {
  it('reads as bytes, KB, MB or GB', () => {
    expect(describeSize(840)).toBe('840 bytes');
    expect(describeSize(13_300)).toBe('13 KB');
    expect(describeSize(3.44 * 1024 * 1024)).toBe('3.4 MB');
    expect(describeSize(11 * 1024 ** 3)).toBe('11.0 GB');
  });
});
