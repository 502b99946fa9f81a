/** What the browser says about keeping this site's data (the maps) on this device. */
export interface StorageHealth {
  /**
   * True: the browser keeps the maps until the user clears them. False: it may clear them by
   * itself when the device runs low on space. Null: this browser cannot say.
   */
  readonly persisted: boolean | null;
  /** Bytes this site stores, and how many it may; null where the browser does not say. */
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
}

/** The parts of the browser's StorageManager we use; any of them may be missing. */
export interface StorageManagerLike {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

const browserStorage = (): StorageManagerLike | undefined =>
  typeof navigator === 'undefined' ? undefined : navigator.storage;

const orNull = async <T>(read: (() => Promise<T>) | undefined): Promise<T | null> => {
  if (!read) return null;
  try {
    return await read();
  } catch {
    // Some browsers refuse in private windows; "cannot say" is the honest answer.
    return null;
  }
};

export async function readStorageHealth(
  storage: StorageManagerLike | undefined = browserStorage(),
): Promise<StorageHealth> {
  const persisted = await orNull(storage?.persisted?.bind(storage));
  const estimate = await orNull(storage?.estimate?.bind(storage));
  return {
    persisted,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
  };
}

/**
 * Asks the browser to keep the maps even when space runs low. Chromium decides by itself (it
 * grants installed or often used sites), Firefox asks the user. Returns what the browser says now.
 */
export async function requestPersistence(
  storage: StorageManagerLike | undefined = browserStorage(),
): Promise<StorageHealth> {
  await orNull(storage?.persist?.bind(storage));
  return readStorageHealth(storage);
}
