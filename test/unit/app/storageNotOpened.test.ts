import { describe, expect, it } from 'vitest';
import { storageNotOpened } from '../../../src/app/boot';

describe('a first visit whose storage would not open', () => {
  it('says a newer version of the app opened the database, so the map is exported and the tab reloaded', () => {
    const newer = new DOMException(
      'The requested version is less than the existing one.',
      'VersionError',
    );
    expect(storageNotOpened(newer)).toEqual({ kind: 'upgraded-elsewhere', saved: false });
  });

  it('says any other failure in words, as a failed save is said', () => {
    expect(storageNotOpened(new Error('IndexedDB is switched off'))).toEqual({
      kind: 'write-failed',
      message: 'Common Ground could not open its local storage: IndexedDB is switched off',
      quota: false,
    });
  });
});
