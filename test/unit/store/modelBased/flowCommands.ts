import fc from 'fast-check';
import { expect } from 'vitest';
import { renameMap } from '../../../../src/domain/commands';
import { asMapId } from '../../../../src/domain/ids';
import type { MapDocument } from '../../../../src/domain/model';
import { ok } from '../../../../src/domain/result';
import { exportMapJson } from '../../../../src/io/json';
import { arbMapDocument } from '../../domain/arbitraries';
import type { HideSignal, SavedTable } from './appPage';
import type { Reference } from './reference';
import { crashAndReopen, Flow, renameSurely, type ModelCommand } from './steps';
import { verifyStorage, type Real } from './verify';

/**
 * What happens around the edits: time passing, the page being hidden or reloaded (cleanly or by
 * a crash), the library switching or renaming maps, and files imported as a new map or in place
 * of the open one. After each, the open map and everything stored are compared with the reference.
 */

/** Nobody types for a while: autosave writes the open map. */
class Idle extends Flow {
  protected async act(model: Reference, real: Real) {
    await real.page.idle();
    model.save();
  }
  toString = () => 'idle';
}

/** The tab is hidden or the page hidden (and kept), or the library is shown: pending edits flush. */
class Flush extends Flow {
  constructor(private readonly via: HideSignal | 'library') {
    super();
  }
  protected async act(model: Reference, real: Real) {
    if (this.via === 'library') await real.page.showLibraryAndBack();
    else await real.page.hide(this.via);
    model.save();
  }
  toString = () => `flush via ${this.via}`;
}

/**
 * A new page on the same disk. Clean: the old page got its pagehide and flushed. Crash: it died
 * as it was, so only what it had written survives. Either way the last-opened map reopens.
 */
class Reload extends Flow {
  constructor(private readonly crash: boolean) {
    super();
  }
  protected async act(model: Reference, real: Real) {
    if (!this.crash) {
      await real.page.hide('pagehide');
      model.save();
    }
    await crashAndReopen(model, real);
  }
  toString = () => (this.crash ? 'crash and reload' : 'reload');
}

/**
 * A surely-changing edit (a rename) meets a full disk when pagehide flushes it: the save reports
 * the error and nothing stored changes, whichever of the two puts failed. Then either the tab is
 * shown and hidden again and the kept edit is written, or the page crashes and the old revision
 * is what reopens.
 */
class DiskFull extends Flow {
  constructor(
    private readonly table: SavedTable,
    private readonly then: 'retry' | 'crash',
  ) {
    super();
  }
  protected async act(model: Reference, real: Real) {
    renameSurely(model, real);
    real.page.refuseNextPut(this.table);
    await real.page.hide('pagehide');
    expect(real.page.saveState(), 'the save indicator on a full disk').toBe('error');
    await verifyStorage(model, real);
    if (this.then === 'retry') {
      await real.page.hide('visibilitychange');
      model.save();
      return;
    }
    await crashAndReopen(model, real);
  }
  toString = () => `disk full on ${this.table}, then ${this.then}`;
}

/** Opens another map from the library; the open one is written first. */
class Switch extends Flow {
  constructor(private readonly pick: number) {
    super();
  }
  protected async act(model: Reference, real: Real) {
    const ids = [...model.stored.keys()].sort();
    const id = ids[this.pick % ids.length] ?? model.openId;
    await real.page.switchTo(id);
    if (id !== model.openId) {
      model.save();
      model.open(id);
    }
  }
  toString = () => `open map #${this.pick}`;
}

/** Renames the open map from the library: one undoable edit, written at once; blank is refused. */
class Rename extends Flow {
  constructor(private readonly name: string) {
    super();
  }
  protected async act(model: Reference, real: Real) {
    await real.page.rename(model.openId, this.name);
    const name = this.name.trim();
    if (name === '') return;
    model.edit(renameMap(model.current, name));
    model.save();
  }
  toString = () => `rename to "${this.name}"`;
}

type FileSource =
  | { readonly kind: 'map'; readonly doc: MapDocument }
  | { readonly kind: 'open map' }
  | { readonly kind: 'broken'; readonly text: string };

/** Imports a file as a new map (stored, then opened) or in place of the open map (one edit). */
class Import extends Flow {
  constructor(
    private readonly as: 'new' | 'replace',
    private readonly source: FileSource,
  ) {
    super();
  }
  protected async act(model: Reference, real: Real) {
    const { source } = this;
    const file = source.kind === 'map' ? source.doc : model.current;
    const step = await real.page.importFile(
      source.kind === 'broken' ? source.text : exportMapJson(file),
      this.as,
    );
    expect(step, 'the import step afterwards').toBe(source.kind === 'broken' ? 'failed' : 'idle');
    if (source.kind === 'broken') return;
    if (this.as === 'replace') {
      const { id, createdAt } = model.current.map;
      model.edit(ok({ ...file, map: { ...file.map, id, createdAt } }));
      return;
    }
    // The file's id is kept unless a stored map has it; then the new map gets a fresh one.
    const id = real.page.openMapId() ?? '';
    expect(id === file.map.id, `kept the file's id ${file.map.id}`).toBe(
      !model.stored.has(file.map.id),
    );
    model.save();
    model.store({ ...file, map: { ...file.map, id: asMapId(id) } });
    model.open(id);
  }
  toString = () =>
    `import ${this.source.kind === 'map' ? this.source.doc.map.id : this.source.kind} as ${this.as}`;
}

const fileSource: fc.Arbitrary<FileSource> = fc.oneof(
  fc
    .record({ doc: arbMapDocument({ maxGoals: 6, maxStakeholders: 3 }), n: fc.nat(2) })
    .map(({ doc, n }) => {
      // Its own id, name and times, so that whatever replace must keep from the open map shows.
      const at = `2025-0${n + 1}-01T00:00:00.000Z`;
      const map = { ...doc.map, id: asMapId(`m-file${n}`), name: `File ${n}`, createdAt: at };
      return { kind: 'map' as const, doc: { ...doc, map: { ...map, updatedAt: at } } };
    }),
  fc.constant({ kind: 'open map' as const }),
  fc
    .constantFrom('{', '', '{"format":"common-ground","version":1}', '[]')
    .map((text) => ({ kind: 'broken' as const, text })),
);

export const flowCommands: fc.Arbitrary<ModelCommand>[] = [
  fc.constant(new Idle()),
  fc
    .constantFrom<HideSignal | 'library'>('pagehide', 'visibilitychange', 'library')
    .map((via) => new Flush(via)),
  fc.boolean().map((crash) => new Reload(crash)),
  fc
    .record({
      table: fc.constantFrom<SavedTable>('maps', 'documents'),
      then: fc.constantFrom<'retry' | 'crash'>('retry', 'crash'),
    })
    .map(({ table, then }) => new DiskFull(table, then)),
  fc.nat(5).map((pick) => new Switch(pick)),
  fc.constantFrom('Pricing review', '  Q3 plan ', ' ').map((name) => new Rename(name)),
  fc
    .record({ as: fc.constantFrom<'new' | 'replace'>('new', 'replace'), source: fileSource })
    .map(({ as, source }) => new Import(as, source)),
];
