import { describe, expect, it } from 'vitest';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { importMapObject } from '../../../src/io/json';
import { toFileObject } from '../../../src/io/json/document';
import {
  loadStoredMapReader,
  readStoredMap,
  readStoredMapNow,
} from '../../../src/db/storedMapReader';

describe('the stored-map reader (the importer, fetched beside the first screen)', () => {
  it('refuses to read before its code is loaded, instead of passing a map unchecked', () => {
    expect(() => readStoredMapNow({})).toThrow(/before the importer was loaded/);
  });

  it('reads exactly as the importer does, accepting and refusing the same maps', async () => {
    const file = toFileObject(createExampleMap('2026-01-01T00:00:00.000Z'));
    const blankTitle = { ...file, goals: file.goals.map((g) => ({ ...g, title: '   ' })) };
    for (const data of [file, blankTitle, null, { format: 'other' }]) {
      expect(await readStoredMap(data)).toEqual(importMapObject(data));
    }
    await loadStoredMapReader();
    expect(readStoredMapNow(blankTitle)).toEqual(importMapObject(blankTitle));
    expect(readStoredMapNow(blankTitle).ok).toBe(false);
  });
});
