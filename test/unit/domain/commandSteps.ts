/*
 * Random domain edits for property tests: weighted steps that pick records of the document they
 * run on. `side` keeps the fresh ids of two independent edit sequences apart.
 */
import fc from 'fast-check';
import {
  addConflict,
  addGoal,
  addIncentive,
  addStakeholder,
  linkGoals,
  moveGoal,
  removeConflict,
  removeGoals,
  removeIncentive,
  removeStakeholder,
  renameMap,
  unlinkGoals,
  updateConflict,
  updateGoal,
  updateIncentive,
  updateStakeholder,
} from '../../../src/domain/commands';
import type { CommandResult } from '../../../src/domain/commands';
import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asLinkId,
  asStakeholderId,
} from '../../../src/domain/ids';
import type { GoalId, StakeholderId } from '../../../src/domain/ids';
import { GOAL_KINDS, INCENTIVE_KINDS } from '../../../src/domain/model';
import type { MapDocument } from '../../../src/domain/model';

/** Record numbers are taken modulo the list's length, so most of them hit something. */
const arbNumber = fc.nat({ max: 40 });
const arbTitle = fc.constantFrom('Revenue', 'Churn', ' ', 'NPS');
const arbWeight = fc.oneof(
  fc.constant(null),
  fc.double({ min: -0.5, max: 1.5, noNaN: true }),
  fc.constant(Number.NaN),
);

/** Picks records of the document a step runs on, and fresh ids unique to the step. */
interface Context {
  readonly goal: (n: number) => GoalId;
  readonly party: (n: number) => StakeholderId;
  readonly pick: (list: readonly { readonly id: string }[], n: number) => string;
  readonly fresh: (prefix: string) => string;
}

export function contextOf(doc: MapDocument, step: number, side = ''): Context {
  // Wraps around the list, or makes up an id when the list is empty.
  const pick = (list: readonly { readonly id: string }[], n: number): string =>
    list[n % Math.max(list.length, 1)]?.id ?? `missing${n}`;
  return {
    goal: (n) => asGoalId(pick(doc.goals, n)),
    party: (n) => asStakeholderId(pick(doc.stakeholders, n)),
    pick,
    fresh: (prefix) => `${prefix}${side}${step}`,
  };
}

export interface Step {
  readonly name: string;
  readonly args: unknown;
  readonly run: (doc: MapDocument, at: Context) => CommandResult;
}

/** A weighted random step: `args` are shown in a counterexample, `run` applies the command. */
export const arbStep = <T>(
  weight: number,
  name: string,
  arbArgs: fc.Arbitrary<T>,
  run: (doc: MapDocument, args: T, at: Context) => CommandResult,
) => ({
  weight,
  arbitrary: arbArgs.map((args): Step => ({ name, args, run: (doc, at) => run(doc, args, at) })),
});

export const goalSteps = [
  arbStep(
    4,
    'addGoal',
    fc.tuple(arbTitle, fc.constantFrom(...GOAL_KINDS), fc.option(arbNumber)),
    (doc, [title, kind, reuse], at) =>
      addGoal(doc, {
        id: reuse === null ? asGoalId(at.fresh('goal')) : at.goal(reuse),
        title,
        kind,
      }),
  ),
  arbStep(
    2,
    'updateGoal',
    fc.tuple(arbNumber, arbTitle, fc.constantFrom(...GOAL_KINDS), fc.option(fc.double())),
    (doc, [n, title, kind, current], at) =>
      updateGoal(doc, at.goal(n), {
        title,
        kind,
        metric: { unit: '', current, target: null, direction: 'up' },
      }),
  ),
  arbStep(1, 'removeGoals', fc.array(arbNumber, { maxLength: 3 }), (doc, ns, at) =>
    removeGoals(doc, ns.map(at.goal)),
  ),
  arbStep(1, 'moveGoal', fc.tuple(arbNumber, fc.double()), (doc, [n, x], at) =>
    moveGoal(doc, at.goal(n), { x, y: 0, pinned: true }),
  ),
  arbStep(6, 'linkGoals', fc.tuple(arbNumber, arbNumber), (doc, [a, b], at) =>
    linkGoals(doc, at.goal(a), at.goal(b), asLinkId(at.fresh('link'))),
  ),
  arbStep(1, 'unlinkGoals by id', arbNumber, (doc, n, at) =>
    unlinkGoals(doc, { linkId: asLinkId(at.pick(doc.links, n)) }),
  ),
  arbStep(1, 'unlinkGoals by pair', fc.tuple(arbNumber, arbNumber), (doc, [a, b], at) =>
    unlinkGoals(doc, { from: at.goal(a), to: at.goal(b) }),
  ),
  arbStep(1, 'renameMap', arbTitle, (doc, name) => renameMap(doc, name)),
];

export const peopleSteps = [
  arbStep(
    2,
    'addStakeholder',
    fc.tuple(arbTitle, fc.constantFrom(undefined, '#AbCdEf', 'red')),
    (doc, [name, color], at) =>
      addStakeholder(doc, { id: asStakeholderId(at.fresh('person')), name, color }),
  ),
  arbStep(
    1,
    'updateStakeholder',
    fc.tuple(arbNumber, fc.constantFrom('#123456', 'blue')),
    (doc, [n, color], at) => updateStakeholder(doc, at.party(n), { color }),
  ),
  arbStep(1, 'removeStakeholder', arbNumber, (doc, n, at) => removeStakeholder(doc, at.party(n))),
  arbStep(
    3,
    'addIncentive',
    fc.tuple(arbNumber, arbNumber, fc.constantFrom(...INCENTIVE_KINDS), arbWeight),
    (doc, [sn, gn, kind, weight], at) =>
      addIncentive(doc, {
        id: asIncentiveId(at.fresh('tie')),
        stakeholderId: at.party(sn),
        goalId: at.goal(gn),
        kind,
        weight,
      }),
  ),
  arbStep(
    1,
    'updateIncentive',
    fc.tuple(arbNumber, arbNumber, fc.constantFrom(...INCENTIVE_KINDS), arbWeight),
    (doc, [n, gn, kind, weight], at) =>
      updateIncentive(doc, asIncentiveId(at.pick(doc.incentives, n)), {
        goalId: at.goal(gn),
        kind,
        weight,
      }),
  ),
  arbStep(1, 'removeIncentive', arbNumber, (doc, n, at) =>
    removeIncentive(doc, asIncentiveId(at.pick(doc.incentives, n))),
  ),
  arbStep(
    2,
    'addConflict',
    fc.tuple(fc.array(arbNumber, { maxLength: 4 }), fc.option(arbNumber), fc.option(arbNumber)),
    (doc, [ns, agreed, viewOf], at) =>
      addConflict(doc, {
        id: asConflictId(at.fresh('clash')),
        title: 'Clash',
        parties: ns.map(at.party),
        agreedGoalId: agreed === null ? null : at.goal(agreed),
        perspectives: viewOf === null ? {} : { [at.party(viewOf)]: 'my view' },
      }),
  ),
  arbStep(
    1,
    'updateConflict',
    fc.tuple(arbNumber, fc.option(fc.array(arbNumber, { maxLength: 4 })), fc.option(arbNumber)),
    (doc, [n, ns, agreed], at) =>
      updateConflict(doc, asConflictId(at.pick(doc.conflicts, n)), {
        ...(ns && { parties: ns.map(at.party) }),
        agreedGoalId: agreed === null ? null : at.goal(agreed),
      }),
  ),
  arbStep(1, 'removeConflict', arbNumber, (doc, n, at) =>
    removeConflict(doc, asConflictId(at.pick(doc.conflicts, n))),
  ),
];
