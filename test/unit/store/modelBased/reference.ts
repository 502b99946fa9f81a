import type { MapDocument } from '../../../../src/domain/model';
import type { Result } from '../../../../src/domain/result';

/**
 * The reference the real stack is compared with: plain values, no storage, no timers. What the
 * database must hold per map, and the open map's undo history as an array with a pointer.
 * Documents are compared without map.updatedAt, which every edit stamps with the clock.
 */

export const withoutStamp = (doc: MapDocument): MapDocument => ({
  ...doc,
  map: { ...doc.map, updatedAt: '' },
});

/** Plain JSON data on both sides (the file format), so equal serialisations are equal content. */
const sameContent = (a: MapDocument, b: MapDocument): boolean =>
  JSON.stringify(withoutStamp(a)) === JSON.stringify(withoutStamp(b));

export class Reference {
  /** What the database must hold, by map id. */
  readonly stored = new Map<string, MapDocument>();
  openId: string;
  /** The open map's versions, oldest first; `at` is the one shown. */
  private history: MapDocument[];
  private at = 0;

  constructor(first: MapDocument) {
    this.stored.set(first.map.id, first);
    this.openId = first.map.id;
    this.history = [first];
  }

  get current(): MapDocument {
    const doc = this.history[this.at];
    if (!doc) throw new Error('the reference lost its open document');
    return doc;
  }

  get undoSteps(): number {
    return this.at;
  }

  get redoSteps(): number {
    return this.history.length - 1 - this.at;
  }

  /** An edit: refused or changing nothing, it is no step; otherwise it drops the redo steps. */
  edit(result: Result<MapDocument, unknown>): void {
    if (!result.ok || sameContent(result.value, this.current)) return;
    this.history = [...this.history.slice(0, this.at + 1), result.value];
    this.at += 1;
  }

  undo(): void {
    this.at = Math.max(0, this.at - 1);
  }

  redo(): void {
    this.at = Math.min(this.history.length - 1, this.at + 1);
  }

  /** The open map is written: a flush, a save after quiet time, or closing it. */
  save(): void {
    this.stored.set(this.openId, this.current);
  }

  /** Shows a stored map with fresh history, as opening it or reloading the page does. */
  open(id: string): void {
    const doc = this.stored.get(id);
    if (!doc) throw new Error(`the reference has no map ${id}`);
    this.openId = id;
    this.history = [doc];
    this.at = 0;
  }

  /** A map stored as it is (an import, a copy, a rename in the library); it is not opened. */
  store(doc: MapDocument): void {
    this.stored.set(doc.map.id, doc);
  }

  /** A map deleted from the library. */
  forget(id: string): void {
    this.stored.delete(id);
  }
}
