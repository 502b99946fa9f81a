import type { DBCore, DBCoreTable } from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { vi } from 'vitest';
import { createExampleMap } from '../../../../src/domain/exampleMap';
import { asMapId } from '../../../../src/domain/ids';
import type { MapDocument } from '../../../../src/domain/model';
import { commitDrag, draggedPositions } from '../../../../src/canvas/canvasEvents';
import { ensureStarterMaps, getLastOpenedMapId } from '../../../../src/db/repository';
import { openDatabase } from '../../../../src/db/schema';
import { createApp, type App } from '../../../../src/store/app';
import type { Command } from '../../../../src/store/documentStore';
import { openAsNewMap, replaceCurrentMap } from '../../../../src/store/importExport';
import { startImport } from '../../../../src/store/importSteps';
import type { Notice } from '../../../../src/store/sessionStore';
import type { StartingPoint } from '../../../../src/store/startingPoints';
import type { RawTables } from '../../db/storedMaps';

/**
 * One page of the app on a fake-indexeddb "disk": its own app (createApp: fresh stores on its own
 * database connection, as a browser tab has), booted the way src/app/boot.ts boots, and driven
 * through the same store functions the UI calls.
 * Autosave's debounce runs on fake timers, so time passes only when a command says so.
 */

export const DATABASE_NAME = 'model-based';
export const T0 = '2026-01-01T00:00:00.000Z';

/** Longer than any quiet time autosave waits for. */
const QUIET_MS = 60_000;
/** Enough fake-indexeddb turns for any write the page started to finish. */
const MAX_TICKS = 500;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

type Database = ReturnType<typeof openDatabase>;

export type HideSignal = 'pagehide' | 'visibilitychange';

/** The two tables one save writes; a full disk may refuse either put. */
export type SavedTable = 'maps' | 'documents';

/**
 * Refuses the next put into a table, the way a full disk does, once; Dexie then aborts the
 * whole transaction, which must leave the other table's put undone too.
 */
class DiskFull {
  private next: SavedTable | null = null;

  refuseNextPut(table: SavedTable): void {
    this.next = table;
  }

  middleware = {
    stack: 'dbcore' as const,
    name: 'disk-full',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if (req.type !== 'put' || this.next !== name) return table.mutate(req);
            this.next = null;
            return Promise.reject(new DOMException('The disk is full', 'QuotaExceededError'));
          },
        };
      },
    }),
  };
}

/** What a page has that the stores do not: its window and document, for the hide events. */
class PageGlobals {
  readonly window = new EventTarget();
  readonly document = Object.assign(new EventTarget(), { visibilityState: 'visible' });

  /** The autosave binds to the hide events of whatever page is current when a map opens. */
  install(): void {
    vi.stubGlobal('window', this.window);
    vi.stubGlobal('document', this.document);
  }

  hide(signal: HideSignal): void {
    if (signal === 'pagehide') {
      this.window.dispatchEvent(new Event('pagehide'));
      return;
    }
    this.document.visibilityState = 'hidden';
    this.document.dispatchEvent(new Event('visibilitychange'));
    this.document.visibilityState = 'visible';
  }
}

export class AppPage {
  /**
   * An autosave run says 'saving' when it starts and 'saved' (or 'error') when it ends; an edit
   * made meanwhile says 'pending' while the run is still writing.
   */
  private writing = false;
  private readonly disk = new DiskFull();

  private constructor(
    private readonly app: App,
    private readonly db: Database,
    private readonly globals: PageGlobals,
  ) {
    db.use(this.disk.middleware);
    app.sessionStore.subscribe(({ saveStatus }) => {
      if (saveStatus?.state === 'saving') this.writing = true;
      else if (saveStatus?.state !== 'pending') this.writing = false;
    });
  }

  /** Boots a new page on `disk`, as src/app/boot.ts does. */
  static async open(disk: IDBFactory): Promise<AppPage> {
    const globals = new PageGlobals();
    globals.install();
    const db = openDatabase(DATABASE_NAME, disk, IDBKeyRange);
    const page = new AppPage(createApp({ db }), db, globals);
    await ensureStarterMaps(db, () => createExampleMap(T0));
    await page.library().start();
    await page.settle();
    return page;
  }

  private library() {
    return this.app.libraryStore.getState();
  }

  private documents() {
    return this.app.documentStore.getState();
  }

  /** Waits for the writes the page started in the background (autosave, the last-opened map). */
  private async settle(): Promise<void> {
    for (let i = 0; i < MAX_TICKS; i++) {
      const last = await getLastOpenedMapId(this.db);
      if (!this.writing && last === this.library().openMapId) return;
      await tick();
    }
    throw new Error('The page never finished its writes (or never stored its last-opened map)');
  }

  doc(): MapDocument {
    const doc = this.documents().doc;
    if (!doc) throw new Error('No map is open');
    return doc;
  }

  openMapId(): string | null {
    return this.library().openMapId;
  }

  /** How many undo and redo steps the page offers. */
  history(): { readonly undo: number; readonly redo: number } {
    const { pastStates, futureStates } = this.app.documentStore.temporal.getState();
    return { undo: pastStates.length, redo: futureStates.length };
  }

  saveState(): string | undefined {
    return this.app.sessionStore.getState().saveStatus?.state;
  }

  apply<E>(command: Command<E>): E | null {
    return this.documents().apply(command);
  }

  undo(): void {
    this.documents().undo();
  }

  redo(): void {
    this.documents().redo();
  }

  /** Reads a JSON file and opens it as a new map or puts it in place of the open one. */
  async importFile(text: string, as: 'new' | 'replace'): Promise<string> {
    const { app } = this;
    const bytes = new TextEncoder().encode(text);
    const arrayBuffer = () => Promise.resolve(bytes.slice().buffer);
    await startImport(app, { name: 'map.json', size: bytes.length, arrayBuffer });
    if (as === 'new') await openAsNewMap(app);
    else await replaceCurrentMap(app);
    const { step } = app.importStore.getState();
    await this.settle();
    return step;
  }

  /**
   * The browser says the page may go away (a clean reload or a tab switch); `meanwhile` runs
   * while the flush this starts is still writing.
   */
  async hide(signal: HideSignal, meanwhile?: () => void): Promise<void> {
    this.globals.hide(signal);
    meanwhile?.();
    await this.settle();
  }

  async showLibraryAndBack(): Promise<void> {
    await this.library().showLibrary();
    this.library().showEditor();
    await this.settle();
  }

  async switchTo(id: string): Promise<void> {
    await this.library().openMap(asMapId(id));
    await this.settle();
  }

  /** The library's Rename, on any stored map. */
  async rename(id: string, name: string): Promise<void> {
    await this.library().renameMap(asMapId(id), name);
    await this.settle();
  }

  async createMap(from: StartingPoint): Promise<void> {
    await this.library().createMap(from);
    await this.settle();
  }

  async duplicate(id: string): Promise<void> {
    await this.library().duplicateMap(asMapId(id));
    await this.settle();
  }

  /** Deletes a map from the library, then maybe presses "Undo delete". */
  async delete(id: string, undo: boolean): Promise<void> {
    await this.library().deleteMap(asMapId(id));
    if (undo) await this.library().undoDelete();
    await this.settle();
  }

  /**
   * A drag of the node `id` (a node id) through `places` as the canvas sees it (React Flow's
   * position changes, then the drop), dropped where it ends. Returns the notice the page shows afterwards.
   */
  drag(id: string, places: readonly { x: number; y: number }[]): Notice | null {
    let dragging = new Map<string, { x: number; y: number }>();
    for (const position of places) {
      const moved = draggedPositions([{ type: 'position', id, position, dragging: true }]);
      dragging = new Map([...dragging, ...moved]);
    }
    this.app.sessionStore.getState().dismissNotice();
    commitDrag(this.app, this.doc(), dragging);
    return this.app.sessionStore.getState().notice;
  }

  /** Time passes with nobody typing: the debounced save runs. */
  async idle(): Promise<void> {
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    await this.settle();
  }

  /** The next put into `table` fails as on a full disk. */
  refuseNextPut(table: SavedTable): void {
    this.disk.refuseNextPut(table);
  }

  /** Both tables in one transaction: as they are at one moment. */
  tables(): Promise<RawTables> {
    const { db } = this;
    return db.transaction('r', [db.maps, db.documents], async () => ({
      maps: await db.maps.toArray(),
      documents: await db.documents.toArray(),
    }));
  }

  /** The page dies: nothing it has not written yet survives, no timer of it ever runs. */
  crash(): void {
    vi.clearAllTimers();
    this.db.close();
  }
}
