import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { validateStoredMaps, type ValidatedRows } from '../../db/storedMaps';
import type { AppPage } from './appPage';
import { withoutStamp, type Reference } from './reference';

/** The real side of a run: the "disk" every page of the run shares, and the page open now. */
export interface Real {
  readonly disk: IDBFactory;
  page: AppPage;
  /** Stored rows this run has validated already. */
  readonly validated: ValidatedRows;
}

/** toEqual, with a fast path for the usual case, equal documents; toEqual says where they differ. */
function expectSame(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, what).toEqual(expected);
}

/** The open map, its undo history and the save indicator agree with the reference. */
export function verifyOpenMap(model: Reference, real: Real): void {
  expect(real.page.openMapId(), 'the open map').toBe(model.openId);
  expectSame(withoutStamp(real.page.doc()), withoutStamp(model.current), 'the open document');
  expect(real.page.history(), 'undo and redo steps').toEqual({
    undo: model.undoSteps,
    redo: model.redoSteps,
  });
  expect(real.page.saveState(), 'the save indicator').not.toBe('error');
}

/**
 * Every stored map validates and matches its library row (see validateStoredMaps), and the
 * database holds exactly the maps, with the contents, the reference says.
 */
export async function verifyStorage(model: Reference, real: Real): Promise<void> {
  const stored = validateStoredMaps(await real.page.tables(), real.validated);
  expect([...stored.keys()].sort(), 'the stored maps').toEqual([...model.stored.keys()].sort());
  for (const [id, doc] of model.stored) {
    const found = stored.get(id)?.doc;
    expectSame(found && withoutStamp(found), withoutStamp(doc), `the stored map ${id}`);
  }
}

/** After a reload the open document is the stored one, byte for byte (its stamp included). */
export async function verifyReopened(real: Real): Promise<void> {
  const stored = validateStoredMaps(await real.page.tables(), real.validated);
  const open = real.page.openMapId();
  expectSame(real.page.doc(), open && stored.get(open)?.doc, 'the reopened map');
}
