import type { RadarPair, RadarSide } from './engine/radar';
import type { GoalId, StakeholderId } from './ids';
import { INCENTIVE_PHRASES, type MapDocument } from './model';

/**
 * A radar pair's reason in words, the sentence a facilitator reads out and the first note of the
 * conflict it becomes: "Dana is rewarded on New ARR, which contributes to Win rate; Tom is measured
 * on Gross margin; Win rate trades off against Gross margin".
 */
export function describeRadarReason(doc: MapDocument, pair: RadarPair): string {
  const title = titleOf(doc);
  const name = nameOf(doc);
  const [a, b] = pair.sides;
  const goalA = a.path.at(-1);
  const goalB = b.path.at(-1);
  const tradeOff = doc.tradeOffs.find((t) => t.id === pair.tradeOffId);
  const because =
    tradeOff !== undefined && tradeOff.note.trim() !== '' ? ` (${tradeOff.note.trim()})` : '';
  return [
    describeSide(a, name, title),
    describeSide(b, name, title),
    `${goalA === undefined ? '' : title(goalA)} trades off against ${goalB === undefined ? '' : title(goalB)}${because}`,
  ].join('; ');
}

function describeSide(
  side: RadarSide,
  name: (id: StakeholderId) => string,
  title: (id: GoalId) => string,
): string {
  const [first, ...above] = side.path;
  const start = `${name(side.stakeholderId)} is ${INCENTIVE_PHRASES[side.kind]} ${first === undefined ? '' : title(first)}`;
  return [start, ...above.map((g) => `which contributes to ${title(g)}`)].join(', ');
}

function titleOf(doc: MapDocument): (id: GoalId) => string {
  const titles = new Map<GoalId, string>(doc.goals.map((g) => [g.id, g.title]));
  return (id) => titles.get(id) ?? id;
}

function nameOf(doc: MapDocument): (id: StakeholderId) => string {
  const names = new Map<StakeholderId, string>(doc.stakeholders.map((s) => [s.id, s.name]));
  return (id) => names.get(id) ?? id;
}
