/**
 * Talking points for the conflict brief: plain sentences a facilitator can say out loud, built
 * only from the map (incentives, paths, metrics), so each one is true of this conflict.
 */
import type { CommonGoalAnswer, CommonGround, PartyClimb } from '../domain/engine';
import type { Conflict, MapDocument } from '../domain/model';
import { KIND_PHRASES, formatWeight, levels, missionOf, type BriefNames } from './briefText';
import { escapeMarkdown } from './markdown';
import { formatMetricValue } from './metric';

const INCENTIVES_NOT_PEOPLE =
  'Talk about incentives, not people: each side is doing what it is measured and rewarded on.';

export function talkingPoints(
  doc: MapDocument,
  conflict: Conflict,
  result: CommonGround,
  names: BriefNames,
): string[] {
  switch (result.status) {
    case 'found':
    case 'already-shared': {
      const [nearest, ...alternatives] = result.answers;
      if (nearest === undefined) return [INCENTIVES_NOT_PEOPLE];
      return [
        ...sharedGoalPoints(doc, conflict, nearest, names),
        ...(alternatives.length > 0
          ? [
              `If that does not land, try ${alternatives
                .slice(0, 2)
                .map((a) => names.goal(a.goalId))
                .join(' or ')}.`,
            ]
          : []),
        INCENTIVES_NOT_PEOPLE,
      ];
    }
    case 'no-common-goal':
      return [
        'There is no goal you all reach yet: your incentives sit in separate trees.',
        `Ask whether ${result.topGoals
          .flatMap((t) => t.topGoals.slice(0, 1))
          .map((g) => names.goal(g))
          .join(
            ' and ',
          )} both serve ${missionOf(doc, names)}; if the room agrees, link them in the map.`,
        INCENTIVES_NOT_PEOPLE,
      ];
    case 'party-without-incentives': {
      const who = result.partiesWithoutIncentives.map((p) => names.party(p));
      const verb = who.length === 1 ? 'is' : 'are';
      return [
        `Before the meeting, find out what ${who.join(' and ')} ${verb} measured, rewarded and motivated by.`,
        INCENTIVES_NOT_PEOPLE,
      ];
    }
    case 'too-few-parties':
    case 'unknown-party':
      return [INCENTIVES_NOT_PEOPLE];
  }
}

function sharedGoalPoints(
  doc: MapDocument,
  conflict: Conflict,
  nearest: CommonGoalAnswer,
  names: BriefNames,
): string[] {
  const goal = names.goal(nearest.goalId);
  const everyone = conflict.parties.length > 2 ? 'all' : 'both';
  const points = [
    nearest.totalClimb === 0
      ? `Start from what you already share: you ${everyone} hold an incentive on ${goal}.`
      : `Start from what you share: your incentives ${everyone} lead up to ${goal}.`,
    ...nearest.climbs.map((climb) => climbPoint(doc, climb, goal, names)),
  ];
  const metric = doc.goals.find((g) => g.id === nearest.goalId)?.metric;
  if (metric && metric.current !== null && metric.target !== null) {
    const now = escapeMarkdown(formatMetricValue(metric.current, metric.unit));
    const target = escapeMarkdown(formatMetricValue(metric.target, metric.unit));
    points.push(
      `${goal} is at ${now} against a target of ${target}: ask what each side would do to close the gap.`,
    );
  }
  points.push(
    `Ask each party: what would you do differently if ${goal} were the goal you were ${everyone} judged on?`,
  );
  return points;
}

/** "Dana is rewarded on New ARR (weight 60%), 2 levels below Grow ARR efficiently." */
function climbPoint(doc: MapDocument, climb: PartyClimb, goal: string, names: BriefNames): string {
  const start = climb.path[0];
  const incentive = doc.incentives.find(
    (i) => i.stakeholderId === climb.stakeholderId && i.goalId === start,
  );
  const phrase = incentive ? KIND_PHRASES[incentive.kind] : 'tied to';
  const weight = incentive?.weight == null ? '' : ` (${formatWeight(incentive.weight)})`;
  const who = names.party(climb.stakeholderId);
  if (climb.climb === 0) return `${who} is ${phrase} ${goal}${weight} directly.`;
  return `${who} is ${phrase} ${names.goal(start ?? '')}${weight}, ${levels(climb.climb)} below ${goal}.`;
}
