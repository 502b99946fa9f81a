/** The database every tab of the app opens (tests open their own, by other names). */
export const DEFAULT_DATABASE_NAME = 'common-ground';

/**
 * Whether the browser holds no database of this name yet: a first visit, or one after the
 * browser discarded the maps. Asked of IndexedDB itself, so knowing needs none of Dexie's code:
 * a first visit draws its example map before that code loads. When the browser cannot say, the
 * answer is no, and the app starts as it does on a return visit (storage first).
 */
export async function isNewDatabase(
  name: string,
  factory: Partial<Pick<IDBFactory, 'databases'>> = globalThis.indexedDB,
): Promise<boolean> {
  try {
    // Older browsers cannot list their databases; one without IndexedDB fails here (caught).
    if (factory.databases === undefined) return false;
    const known = await factory.databases();
    return !known.some((database) => database.name === name);
  } catch {
    return false;
  }
}
