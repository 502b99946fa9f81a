import type { CommonGroundDb } from '../../../src/db/schema';

/** Every table, every row, as one string: equal strings mean nothing stored changed. */
export async function dumpTables(database: CommonGroundDb): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of database.tables) tables[table.name] = await table.toArray();
  return JSON.stringify(tables);
}
