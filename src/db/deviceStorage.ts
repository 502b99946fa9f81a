/**
 * This device's localStorage: what must be kept synchronously (a keystroke before a reload, the
 * unsaved map of a closing tab) or outside IndexedDB (the database's stamp), and small settings
 * of this device. Browsers may refuse it (privacy settings make even reading `localStorage`
 * throw), so every use goes through here and works on without it.
 */

/** The parts of Web Storage used (tests pass their own). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or null where there is none or the browser refuses it. */
export function deviceStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** A setting kept on this device; null when never set or storage is refused. */
export function readDeviceSetting(key: string): string | null {
  try {
    return deviceStorage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Keeps a setting on this device; false when the browser refused it (full, or switched off). */
export function keepDeviceSetting(key: string, value: string): boolean {
  try {
    const storage = deviceStorage();
    storage?.setItem(key, value);
    return storage !== null;
  } catch {
    return false;
  }
}
