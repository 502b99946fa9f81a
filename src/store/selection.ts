import type { GoalId, IncentiveId, LinkId, StakeholderId, TradeOffId } from '../domain/ids';
import type { MapDocument } from '../domain/model';

/** The id type of each kind of record that can be selected. */
interface IdOfKind {
  readonly goal: GoalId;
  readonly stakeholder: StakeholderId;
  readonly link: LinkId;
  readonly incentive: IncentiveId;
  readonly tradeOff: TradeOffId;
}
export type SelectedKind = keyof IdOfKind;
type RecordOf<K extends SelectedKind> = { readonly kind: K; readonly id: IdOfKind[K] };

/** One selected record: its kind says which of the map's lists holds it. */
export type SelectedRecord = { [K in SelectedKind]: RecordOf<K> }[SelectedKind];

/** What is selected on the canvas, one entry per record, in the order it was picked. */
export type Selection = readonly SelectedRecord[];

const isKind = <K extends SelectedKind>(
  record: SelectedRecord,
  kind: K,
): record is SelectedRecord & RecordOf<K> => record.kind === kind;

/** The selected ids of one kind ("the selected goals"). */
export function selectedIdsOf<K extends SelectedKind>(
  selection: Selection,
  kind: K,
): IdOfKind[K][] {
  return selection.filter((r) => isKind(r, kind)).map((r) => r.id);
}

/**
 * The id the canvas draws a record under: its kind, then its id (as nodeId and edgeId make them).
 * Ids are unique within a kind only, so a goal and a person may share one.
 */
export const canvasIdOf = (record: SelectedRecord): string => `${record.kind}:${record.id}`;

const selectableCache = new WeakMap<MapDocument, ReadonlyMap<string, SelectedRecord>>();

/**
 * Every record of the map that can be selected, by canvas id (its node's or edge's id), kept
 * once per document revision: React Flow reports a click or a box selection by id alone.
 */
export function selectableRecords(doc: MapDocument): ReadonlyMap<string, SelectedRecord> {
  const cached = selectableCache.get(doc);
  if (cached) return cached;
  const records: SelectedRecord[] = [
    ...doc.goals.map((g) => ({ kind: 'goal' as const, id: g.id })),
    ...doc.stakeholders.map((s) => ({ kind: 'stakeholder' as const, id: s.id })),
    ...doc.links.map((l) => ({ kind: 'link' as const, id: l.id })),
    ...doc.incentives.map((i) => ({ kind: 'incentive' as const, id: i.id })),
    ...doc.tradeOffs.map((t) => ({ kind: 'tradeOff' as const, id: t.id })),
  ];
  const byId = new Map(records.map((r) => [canvasIdOf(r), r]));
  selectableCache.set(doc, byId);
  return byId;
}
