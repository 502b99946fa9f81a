import type { MapChanges, NamedRecord, RecordChanges } from '../../domain/diff';
import type { SnapshotRow } from '../../db/schema';

/** Sentences of the History panel, kept apart from its components so they can be tested. */

export function describeReason(reason: SnapshotRow['reason']): string {
  switch (reason) {
    case 'pause':
      return 'Kept when editing resumed after a pause';
    case 'before-restore':
      return 'Kept before an older version was restored';
    case 'before-replace':
      return 'Kept before an imported file replaced the map';
    case 'recovered':
      return 'Unsaved edits of a tab that closed, kept because the map had changed since';
  }
}

/** Names shown per list before "and N more"; the counts always cover every record. */
const NAMES_SHOWN = 4;

function listNames(records: readonly NamedRecord[]): string {
  const names = records.slice(0, NAMES_SHOWN).map((r) => `“${r.name.trim() || 'untitled'}”`);
  const more = records.length - NAMES_SHOWN;
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

function describeRecords(label: string, changes: RecordChanges): string | null {
  const parts = (
    [
      ['added', changes.added],
      ['removed', changes.removed],
      ['changed', changes.changed],
    ] as const
  )
    .filter(([, records]) => records.length > 0)
    .map(([verb, records]) => `${records.length} ${verb} (${listNames(records)})`);
  return parts.length > 0 ? `${label}: ${parts.join('; ')}` : null;
}

/** What happened since a version, one line per kind of record; empty when nothing did. */
export function describeChanges(changes: MapChanges): string[] {
  const lines = [
    describeRecords('Goals', changes.goals),
    describeRecords('Stakeholders', changes.stakeholders),
    describeRecords('Conflicts', changes.conflicts),
    describeRecords('Links', changes.links),
    describeRecords('Incentives', changes.incentives),
    describeRecords('Trade-offs', changes.tradeOffs),
    describeRecords('Reporting lines', changes.reportingLines),
  ];
  if (changes.owners.length > 0) {
    lines.push(`Owners: ${changes.owners.length} changed (${listNames(changes.owners)})`);
  }
  if (changes.moved.length > 0) {
    lines.push(`Moved on the canvas: ${changes.moved.length} (${listNames(changes.moved)})`);
  }
  if (changes.details.renamed) lines.push('The map was renamed');
  if (changes.details.describedAnew) lines.push('The map’s description changed');
  return lines.filter((line) => line !== null);
}
