import * as Y from 'yjs';
import { isSameContent } from '../domain/sameValue';
import type { MapDocument } from '../domain/model';
import { repairMapDocument, type Resolution, type SetAsideItem } from '../domain/repair';
import { RoomReader } from './readRoom';
import { writeResolution } from './resolveRoom';
import { listMap, metaMap, ROOM_LISTS } from './roomShape';
import { writeEdit } from './writeRoom';

/**
 * Connects a room's Y.Doc to whatever holds the map on this device (the document store), both
 * ways, through callbacks only. A local edit goes in as the smallest Y change that carries it,
 * in one transaction whose origin is this binding; every change to the Y.Doc that this device did
 * not type (another device's edits, an undo or redo, a repair that a local edit made necessary)
 * comes out as the repaired map and what it sets aside, once per transaction.
 *
 * Undo here undoes only this device's edits: a Y.UndoManager tracks this binding's origin alone,
 * so another participant's edits stay when you undo yours. One call of `applyLocalEdit` is one
 * undo step; a caller that wants a drag to be one step writes the drag once, when it ends.
 */

/** The map as every device in the room shows it, and what the repair set aside. */
export interface RoomView {
  readonly doc: MapDocument;
  readonly setAside: readonly SetAsideItem[];
}

/**
 * What made the view change: another device, this device's undo or redo, a repair, or a set-aside
 * item this device resolved.
 */
export type ViewChange = 'remote' | 'undo' | 'redo' | 'repair' | 'resolve';

export interface RoomBindingOptions {
  /**
   * The map as this device has it. Its own fields stand in for the room's until the room has
   * them (before the first sync); the room's records are what the view shows. The view keeps
   * this map's id: each device stores the room's map under an id of its own, so joining never
   * collides with a map already there.
   */
  readonly local: MapDocument;
  /** Called once per Y.Doc transaction that changed what this device should show. */
  readonly onChange: (view: RoomView, change: ViewChange) => void;
}

export class RoomBinding {
  private readonly reader: RoomReader;
  private readonly undoManager: Y.UndoManager;
  private readonly dirty = new Map<(typeof ROOM_LISTS)[number], Set<string>>();
  private readonly observers: (() => void)[] = [];
  private current: RoomView;
  /** Set while a local edit is written: the document the caller now shows. */
  private writing: MapDocument | null = null;
  private undoing: 'undo' | 'redo' | null = null;
  private metaChanged = false;

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly options: RoomBindingOptions,
  ) {
    this.reader = new RoomReader(ydoc);
    this.current = this.compute();
    const meta = metaMap(ydoc);
    const scope: Y.Map<unknown>[] = [meta];
    const onMeta = () => {
      this.metaChanged = true;
    };
    meta.observe(onMeta);
    this.observers.push(() => meta.unobserve(onMeta));
    for (const list of ROOM_LISTS) {
      const records = listMap(ydoc, list);
      scope.push(records);
      const observe = (events: Y.YEvent<Y.Map<unknown>>[]) => this.mark(list, events);
      records.observeDeep(observe);
      this.observers.push(() => records.unobserveDeep(observe));
    }
    // captureTimeout 0: every transaction is its own step, whatever time passes between them.
    this.undoManager = new Y.UndoManager(scope, {
      trackedOrigins: new Set([this]),
      captureTimeout: 0,
    });
    const after = (tr: Y.Transaction) => this.afterTransaction(tr);
    ydoc.on('afterTransaction', after);
    this.observers.push(() => ydoc.off('afterTransaction', after));
  }

  /** The repaired map and its set-aside items as they stand now. */
  get view(): RoomView {
    return this.current;
  }

  /**
   * Writes one local edit: `before` is the map this device showed (the last view or edit),
   * `after` the map the edit made. One undo step.
   */
  applyLocalEdit(before: MapDocument, after: MapDocument): void {
    this.writing = after;
    try {
      writeEdit(this.ydoc, before, after, this);
    } finally {
      this.writing = null;
    }
  }

  canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  /** Undoes this device's last edit (other devices' edits stay); false when there is none. */
  undo(): boolean {
    return this.step('undo');
  }

  redo(): boolean {
    return this.step('redo');
  }

  /**
   * Settles a set-aside item with one of its resolutions (`attachTo`: the goal or person a
   * reattach points the record at), as one undoable edit of this device; false, nothing written,
   * when it cannot be settled that way (see resolveRoom.ts).
   */
  resolve(item: SetAsideItem, resolution: Resolution, attachTo?: string): boolean {
    let wrote = false;
    this.ydoc.transact(() => {
      wrote = writeResolution(this.ydoc, this.current.doc, item, resolution, attachTo);
    }, this);
    return wrote;
  }

  destroy(): void {
    for (const stop of this.observers) stop();
    this.undoManager.destroy();
  }

  private step(which: 'undo' | 'redo'): boolean {
    this.undoing = which;
    try {
      return (which === 'undo' ? this.undoManager.undo() : this.undoManager.redo()) !== null;
    } finally {
      this.undoing = null;
    }
  }

  /** Remembers which records a transaction touched: the path's first key is the record's id. */
  private mark(
    list: (typeof ROOM_LISTS)[number],
    events: readonly Y.YEvent<Y.Map<unknown>>[],
  ): void {
    const ids = this.dirty.get(list) ?? new Set<string>();
    for (const event of events) {
      const [id] = event.path;
      if (typeof id === 'string') ids.add(id);
      else for (const key of event.changes.keys.keys()) ids.add(key);
    }
    this.dirty.set(list, ids);
  }

  private compute(): RoomView {
    const read = this.reader.read(this.options.local.map);
    const repaired = repairMapDocument(read.doc);
    const map = { ...repaired.doc.map, id: this.options.local.map.id };
    return { doc: { ...repaired.doc, map }, setAside: [...read.setAside, ...repaired.setAside] };
  }

  private afterTransaction(tr: Y.Transaction): void {
    if (this.dirty.size === 0 && !this.metaChanged) return;
    this.metaChanged = false;
    for (const [list, ids] of this.dirty) this.reader.refresh(list, ids);
    this.dirty.clear();
    const before = this.current;
    this.current = this.compute();
    const writing = this.writing;
    if (tr.origin === this && writing !== null) {
      // The edit shows as typed unless, with what other devices did, it needs repair (or it
      // changed what is set aside, which the caller lists).
      const quiet = before.setAside.length === 0 && this.current.setAside.length === 0;
      if (quiet && isSameContent(this.current.doc, writing)) return;
      this.options.onChange(this.current, 'repair');
      return;
    }
    const change = this.undoing ?? (tr.origin === this ? 'resolve' : 'remote');
    this.options.onChange(this.current, change);
  }
}
