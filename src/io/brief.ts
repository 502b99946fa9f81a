/**
 * The conflict brief: one page of Markdown a product manager takes into a hard meeting. It says
 * who the parties are, what each is measured, rewarded and motivated by, how far each has to
 * climb to the nearest common goal, what each has said, and a few talking points drawn from it.
 */
import { describeEscalation } from '../domain/escalation';
import {
  goalIndexOf,
  findCommonGround,
  type CommonGoalAnswer,
  type CommonGround,
} from '../domain/engine';
import type { ConflictId } from '../domain/ids';
import type { Conflict, MapDocument, Stakeholder } from '../domain/model';
import { talkingPoints } from './briefTalkingPoints';
import {
  KIND_PHRASES,
  briefNames,
  formatWeight,
  levels,
  missionOf,
  type BriefNames,
} from './briefText';
import { escapeMarkdown, quoteBlock } from './markdown';
import { formatMetric } from './metric';

/** The brief for one conflict, whatever the engine answers; never throws. */
export function buildConflictBrief(doc: MapDocument, conflictId: ConflictId): string {
  const conflict = doc.conflicts.find((c) => c.id === conflictId);
  if (conflict === undefined) {
    return '# Conflict brief\n\nThis conflict is no longer in the map.\n';
  }
  const result = findCommonGround(goalIndexOf(doc), conflict.parties);
  const names = briefNames(doc);
  const sections = [
    header(doc, conflict),
    partiesSection(doc, conflict),
    commonGroundSection(doc, result, names),
    escalationSection(doc, conflict, result),
    perspectivesSection(doc, conflict),
    agreementSection(conflict, result, names),
    [
      '## Talking points',
      '',
      ...talkingPoints(doc, conflict, result, names).map((p, i) => `${i + 1}. ${p}`),
    ],
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** Where it lands if it escalates, next to the goal the parties already serve and its owner. */
function escalationSection(doc: MapDocument, conflict: Conflict, result: CommonGround): string[] {
  const nearest =
    result.status === 'found' || result.status === 'already-shared'
      ? (result.answers[0]?.goalId ?? null)
      : null;
  return [
    '## If it escalates',
    '',
    escapeMarkdown(describeEscalation(doc, conflict.parties, nearest)),
  ];
}

function header(doc: MapDocument, conflict: Conflict): string[] {
  const status = conflict.status === 'open' ? 'Open' : 'Resolved';
  return [
    `# Conflict brief: ${escapeMarkdown(conflict.title)}`,
    '',
    `${escapeMarkdown(doc.map.name)} · ${status} · ${conflict.parties.length} parties`,
  ];
}

function partyHeading(s: Stakeholder): string {
  const about = [s.role, s.team].filter((t) => t.trim() !== '').map(escapeMarkdown);
  return `### ${escapeMarkdown(s.name)}${about.length > 0 ? ` (${about.join(', ')})` : ''}`;
}

function partiesSection(doc: MapDocument, conflict: Conflict): string[] {
  const lines = ['## The parties'];
  for (const party of conflict.parties) {
    const person = doc.stakeholders.find((s) => s.id === party);
    if (person === undefined) continue;
    lines.push('', partyHeading(person), '');
    const incentives = doc.incentives.filter((i) => i.stakeholderId === party);
    if (incentives.length === 0) {
      lines.push('- No incentives recorded yet.');
      continue;
    }
    for (const incentive of incentives) {
      const goal = doc.goals.find((g) => g.id === incentive.goalId);
      const figures = goal?.metric && formatMetric(goal.metric);
      const metric = figures ? ` (${escapeMarkdown(figures)})` : '';
      const weight = incentive.weight === null ? '' : `, ${formatWeight(incentive.weight)}`;
      const note = incentive.note.trim() === '' ? '' : `: “${escapeMarkdown(incentive.note)}”`;
      const phrase = KIND_PHRASES[incentive.kind];
      const title = escapeMarkdown(goal?.title ?? incentive.goalId);
      lines.push(`- ${capitalise(phrase)} **${title}**${metric}${weight}${note}`);
    }
  }
  return lines;
}

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function commonGroundSection(doc: MapDocument, result: CommonGround, names: BriefNames): string[] {
  const lines = ['## Common ground', ''];
  switch (result.status) {
    case 'found':
    case 'already-shared': {
      const [nearest, ...alternatives] = result.answers;
      if (nearest === undefined) return lines;
      lines.push(...answerLines(nearest, result.status, names));
      if (alternatives.length > 0) {
        lines.push('', 'Also shared, a little further away:', '');
        for (const a of alternatives) {
          lines.push(
            `- ${names.goal(a.goalId)} (total climb ${a.totalClimb}, longest ${a.maxClimb})`,
          );
        }
      }
      return lines;
    }
    case 'no-common-goal':
      lines.push('No common goal yet: the parties’ goals sit in separate trees.', '');
      for (const { stakeholderId, topGoals } of result.topGoals) {
        lines.push(
          `- ${names.party(stakeholderId)} reaches up to ${topGoals.map((g) => names.goal(g)).join(', ')}`,
        );
      }
      return [
        ...lines,
        '',
        `Linking those goals to ${missionOf(doc, names)} would give everyone a shared goal.`,
      ];
    case 'party-without-incentives':
      return [
        ...lines,
        `${result.partiesWithoutIncentives.map((p) => names.party(p)).join(', ')}: no incentives recorded, so there is nothing to walk up from yet.`,
      ];
    case 'too-few-parties':
    case 'unknown-party':
      return [...lines, 'This conflict needs at least two parties who are in the map.'];
  }
}

function answerLines(
  answer: CommonGoalAnswer,
  status: 'found' | 'already-shared',
  names: BriefNames,
): string[] {
  const goal = names.goal(answer.goalId);
  const lines =
    status === 'already-shared'
      ? [`You already share ${goal}: every party holds an incentive on it.`]
      : [
          `Nearest common goal: ${goal}, a total climb of ${levels(answer.totalClimb)} (the longest is ${levels(answer.maxClimb)}).`,
        ];
  lines.push('');
  for (const climb of answer.climbs) {
    const path = climb.path.map((g) => names.goal(g)).join(' → ');
    const who = names.party(climb.stakeholderId);
    lines.push(
      climb.climb === 0
        ? `- ${who} is already there: ${path}`
        : `- ${who} climbs ${levels(climb.climb)}: ${path}`,
    );
  }
  return lines;
}

function perspectivesSection(doc: MapDocument, conflict: Conflict): string[] {
  const lines = ['## Each party’s perspective'];
  for (const party of conflict.parties) {
    const name = doc.stakeholders.find((s) => s.id === party)?.name ?? party;
    const view = Object.hasOwn(conflict.perspectives, party)
      ? (conflict.perspectives[party] ?? '')
      : '';
    lines.push(
      '',
      `### ${escapeMarkdown(name)}`,
      '',
      view.trim() === '' ? '_Not captured yet._' : quoteBlock(view),
    );
  }
  return lines;
}

function agreementSection(conflict: Conflict, result: CommonGround, names: BriefNames): string[] {
  const lines = ['## Agreed goal', ''];
  if (conflict.agreedGoalId === null) lines.push('_Not agreed yet._');
  else {
    lines.push(names.goal(conflict.agreedGoalId));
    const nearest = 'answers' in result ? result.answers[0]?.goalId : undefined;
    if (nearest !== undefined && nearest !== conflict.agreedGoalId) {
      lines.push('', `The nearest common goal the map shows is ${names.goal(nearest)}.`);
    }
  }
  lines.push(
    '',
    '## Notes',
    '',
    conflict.notes.trim() === '' ? '_None._' : quoteBlock(conflict.notes),
  );
  return lines;
}
