import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { databaseStamp, databaseWasReset, type MarkStorage } from '../../../src/app/storageReset';
import { openDatabase } from '../../../src/db/schema';

function memoryStorage(): MarkStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
  };
}

describe('databaseWasReset', () => {
  it('is false on a true first visit, and on every later visit to the same database', () => {
    const storage = memoryStorage();
    expect(databaseWasReset(storage, 'A', true)).toBe(false);
    expect(databaseWasReset(storage, 'A', false)).toBe(false);
    expect(databaseWasReset(storage, 'A', false)).toBe(false);
  });

  it('is true once when a new database replaced the one an earlier visit used', () => {
    const storage = memoryStorage();
    databaseWasReset(storage, 'A', true);
    expect(databaseWasReset(storage, 'B', true)).toBe(true);
    expect(databaseWasReset(storage, 'B', false)).toBe(false);
  });

  it('is false for a tab that opened a database another tab made a moment ago', () => {
    const storage = memoryStorage();
    // Both tabs saw no starter content; the one that did not make it stamps first.
    expect(databaseWasReset(storage, 'A', true)).toBe(false);
    expect(databaseWasReset(storage, 'A', true)).toBe(false);
  });

  it('tells nothing where localStorage is refused', () => {
    const refusing: MarkStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => undefined,
    };
    expect(databaseWasReset(refusing, 'B', true)).toBe(false);
    expect(databaseWasReset(null, 'B', true)).toBe(false);
  });
});

describe('databaseStamp', () => {
  it('is made once per database and read back after, even by two tabs at once', async () => {
    const factory = new IDBFactory();
    const [first, second] = [1, 2].map(() => openDatabase('stamp', factory, IDBKeyRange));
    if (!first || !second) throw new Error('two connections');
    let made = 0;
    const make = () => `stamp-${++made}`;
    const stamps = await Promise.all([databaseStamp(first, make), databaseStamp(second, make)]);
    expect(stamps).toEqual(['stamp-1', 'stamp-1']);
    expect(await databaseStamp(first, make)).toBe('stamp-1');
    first.close();
    second.close();
  });
});
