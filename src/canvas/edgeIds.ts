/** The records React Flow draws as edges. */
export type EdgeKind = 'link' | 'incentive' | 'tradeOff';

/**
 * A React Flow edge id: the record's kind, then its id. Ids are unique within a kind only, so a
 * link and a trade-off (or a tie) with the same id would otherwise be one edge to React Flow.
 */
export const edgeId = (kind: EdgeKind, recordId: string): string => `${kind}:${recordId}`;
