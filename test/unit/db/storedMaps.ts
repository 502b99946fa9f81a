import { expect } from 'vitest';
import type { MapDocument } from '../../../src/domain/model';
import { formatProblem, importMapObject } from '../../../src/io/json';

/**
 * Checks what the app stored, judged from the raw rows with the same importer a user's file goes
 * through: shared by the crash test (rows read in the browser) and the model-based test.
 */

export interface RawTables {
  readonly maps: readonly unknown[];
  readonly documents: readonly unknown[];
}

export interface StoredMap {
  readonly doc: MapDocument;
  readonly revision: number;
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;

/** What the library row of a stored document must say: its name, times, counts and revision. */
function expectedRow({ doc, revision }: StoredMap) {
  const { id, name, createdAt, updatedAt } = doc.map;
  const [goals, stakeholders, conflicts] = [doc.goals, doc.stakeholders, doc.conflicts].map(
    (records) => records.length,
  );
  return { id, name, createdAt, updatedAt, counts: { goals, stakeholders, conflicts }, revision };
}

function validateDocument(row: unknown): StoredMap {
  const id = field(row, 'id');
  const revision = field(row, 'revision');
  if (typeof id !== 'string' || typeof revision !== 'number') {
    throw new Error(`A document row has no id or revision: ${JSON.stringify(row).slice(0, 200)}`);
  }
  const imported = importMapObject(field(row, 'file'));
  if (!imported.ok) {
    throw new Error(
      `The stored map ${id} does not validate: ${imported.error.map(formatProblem).join('; ')}`,
    );
  }
  const { doc, warnings } = imported.value;
  expect(warnings.map(formatProblem), `warnings reading ${id}`).toEqual([]);
  expect(doc.map.id, `the map stored as ${id}`).toBe(id);
  return { doc, revision };
}

/** Rows already validated, by their serialisation: a row read again unchanged is not re-read. */
export type ValidatedRows = Map<string, StoredMap>;

function validateDocumentOnce(row: unknown, validated: ValidatedRows | undefined): StoredMap {
  if (!validated) return validateDocument(row);
  const key = JSON.stringify(row);
  const known = validated.get(key);
  if (known) return known;
  const map = validateDocument(row);
  validated.set(key, map);
  return map;
}

/**
 * Every document validates and says it is the map it is stored as, without warnings; every
 * library row belongs to a document and agrees with it (revision, name, times, counts), and no
 * document lacks its row. Returns the stored maps by id.
 */
export function validateStoredMaps(
  tables: RawTables,
  validated?: ValidatedRows,
): Map<string, StoredMap> {
  const stored = new Map<string, StoredMap>();
  for (const row of tables.documents) {
    const map = validateDocumentOnce(row, validated);
    stored.set(map.doc.map.id, map);
  }
  const rowIds = tables.maps.map((row) => field(row, 'id'));
  expect(rowIds.toSorted(), 'library rows and documents').toEqual([...stored.keys()].sort());
  for (const row of tables.maps) {
    const map = stored.get(String(field(row, 'id')));
    if (map) expect(row, `the library row of ${map.doc.map.id}`).toEqual(expectedRow(map));
  }
  return stored;
}
