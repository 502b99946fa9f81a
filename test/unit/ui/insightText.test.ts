import { describe, expect, it } from 'vitest';
import { buildGoalIndex, findCommonGround } from '../../../src/domain/engine';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asConflictId, asGoalId, asStakeholderId } from '../../../src/domain/ids';
import { nearestGoalOf, partiesLine, sameMembers } from '../../../src/ui/conflicts/conflictText';
import { namesOf } from '../../../src/ui/explain';
import { describeHealthItem, groupOf, healthSummary } from '../../../src/ui/health/healthText';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const names = namesOf(example);
const conflictOf = (id: string) => example.conflicts.find((c) => c.id === id);
const s = asStakeholderId;

describe('health item sentences', () => {
  it('names the goals, people and conflicts involved', () => {
    const say = (item: Parameters<typeof describeHealthItem>[0]) =>
      describeHealthItem(item, names, conflictOf);
    expect(
      say({
        kind: 'separate-trees',
        topGoalIds: [asGoalId('g-mission'), asGoalId('g-uptime')],
      }),
    ).toBe(
      'The map has 2 separate trees. People whose goals sit in different trees can never share a goal.',
    );
    expect(say({ kind: 'goal-without-parent', goalId: asGoalId('g-uptime') })).toBe(
      '“Uptime” contributes to no other goal and is not the mission.',
    );
    expect(say({ kind: 'stakeholder-without-incentives', stakeholderId: s('s-cfo') })).toBe(
      'Tom Okafor holds no incentives, so nothing ties them to the tree.',
    );
    const conflict = {
      kind: 'conflict-without-common-goal',
      conflictId: asConflictId('c-enterprise-sso'),
    } as const;
    expect(say({ ...conflict, reason: 'no-common-goal', partiesWithoutIncentives: [] })).toBe(
      '“The SSO deal promised before it exists”: Dana Reyes, Lea Martin, and Jonas Weber share no goal; their goals sit in separate trees.',
    );
    expect(
      say({
        ...conflict,
        reason: 'party-without-incentives',
        partiesWithoutIncentives: [s('s-vp-sales'), s('s-cto')],
      }),
    ).toBe(
      '“The SSO deal promised before it exists”: Dana Reyes and Jonas Weber hold no incentives, so there is no common ground to find.',
    );
    expect(
      say({ kind: 'stakeholder-without-manager', stakeholderId: s('s-cmo'), topId: s('s-ceo') }),
    ).toBe(
      'Priya Natarajan reports to nobody on the map, while others report up to Maya Lindqvist: a conflict between them has nowhere to escalate.',
    );
    expect(
      say({
        kind: 'escalation-owns-no-goal',
        conflictId: asConflictId('c-roadmap'),
        managerId: s('s-ceo'),
        nearestGoalId: asGoalId('g-adoption'),
      }),
    ).toBe(
      '“Upsell features or onboarding fixes”: if it escalates, it lands with Maya Lindqvist, who owns no goal on either party’s path to “Drive product adoption”.',
    );
  });

  it('groups items and counts them', () => {
    expect(groupOf({ kind: 'goal-without-parent', goalId: asGoalId('g') })).toBe('Goal tree');
    expect(groupOf({ kind: 'stakeholder-without-incentives', stakeholderId: s('p') })).toBe(
      'People',
    );
    expect(healthSummary(1)).toBe('1 thing to look at');
    expect(healthSummary(3)).toBe('3 things to look at');
  });
});

describe('conflict helpers', () => {
  it('compares parties as sets', () => {
    expect(sameMembers(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameMembers(['a', 'b'], ['a', 'b', 'c'])).toBe(false);
    expect(sameMembers(['a', 'a'], ['a', 'b'])).toBe(false);
  });

  it('suggests the engine’s nearest common goal, and nothing when there is none', () => {
    const index = buildGoalIndex(example);
    expect(nearestGoalOf(findCommonGround(index, [s('s-vp-sales'), s('s-cfo')]))).toBe(
      'g-grow-arr',
    );
    expect(nearestGoalOf(findCommonGround(index, [s('s-vp-sales')]))).toBeNull();
    expect(nearestGoalOf(null)).toBeNull();
  });

  it('lists the parties by name', () => {
    const sso = conflictOf('c-enterprise-sso');
    if (!sso) throw new Error('example conflict missing');
    expect(partiesLine(sso, names)).toBe('Dana Reyes vs Lea Martin vs Jonas Weber');
  });
});
