import fc from 'fast-check';
import { expect } from 'vitest';
import { createExampleMap } from '../../../../src/domain/exampleMap';
import { createEmptyMap } from '../../../../src/domain/factories';
import { asMapId } from '../../../../src/domain/ids';
import type { MapDocument } from '../../../../src/domain/model';
import { uniqueName, type StartingPoint } from '../../../../src/store/startingPoints';
import { validateStoredMaps } from '../../db/storedMaps';
import type { Reference } from './reference';
import { Flow, type ModelCommand } from './steps';
import type { Real } from './verify';

/**
 * The library's actions on maps other than through the editor: new maps, copies, renames and
 * deletions (with "Undo delete") of any stored map. A new map's id and time are the app's to
 * choose: the reference takes them from the one map that appeared, and predicts the rest.
 */

/** The one map stored now that the reference does not know yet. */
async function appearedMap(model: Reference, real: Real): Promise<MapDocument> {
  const stored = validateStoredMaps(await real.page.tables(), real.validated);
  const appeared = [...stored.values()].filter((m) => !model.stored.has(m.doc.map.id));
  expect(appeared.length, 'maps that appeared').toBe(1);
  const [first] = appeared;
  if (!first) throw new Error('no map appeared');
  return first.doc;
}

/** The `pick`-th stored map (by id), cycling. */
function storedAt(model: Reference, pick: number): MapDocument | undefined {
  const ids = [...model.stored.keys()].sort();
  const id = ids[pick % ids.length];
  return id === undefined ? undefined : model.stored.get(id);
}

/** New map: the open one is written first, then a new map is stored and opened. */
class NewMap extends Flow {
  constructor(private readonly from: StartingPoint) {
    super();
  }
  protected async act(model: Reference, real: Real) {
    const taken = [...model.stored.values()].map((d) => d.map.name);
    await real.page.createMap(this.from);
    model.save();
    const { id, createdAt } = (await appearedMap(model, real)).map;
    const base =
      this.from === 'empty' ? createEmptyMap('', createdAt) : createExampleMap(createdAt);
    const name = uniqueName(
      this.from === 'empty' ? 'Untitled map' : `${base.map.name} (example)`,
      taken,
    );
    model.store({ ...base, map: { ...base.map, id: asMapId(id), name } });
    model.open(id);
  }
  toString = () => `new ${this.from} map`;
}

/** Duplicate: the copy holds the open map's latest edits when it is the open map. */
class Duplicate extends Flow {
  constructor(private readonly pick: number) {
    super();
  }
  protected async act(model: Reference, real: Real) {
    const original = storedAt(model, this.pick);
    if (!original) return;
    await real.page.duplicate(original.map.id);
    if (original.map.id === model.openId) model.save();
    const source = model.stored.get(original.map.id) ?? original;
    const { id, createdAt } = (await appearedMap(model, real)).map;
    const name = `${source.map.name} (copy)`;
    model.store({ ...source, map: { ...source.map, id, name, createdAt } });
  }
  toString = () => `duplicate map #${this.pick}`;
}

/** A library action on a stored map other than the open one; with none, nothing happens. */
abstract class OnOtherMap<Options> extends Flow {
  constructor(
    protected readonly pick: number,
    protected readonly options: Options,
  ) {
    super();
  }
  protected async act(model: Reference, real: Real) {
    const target = storedAt(model, this.pick);
    if (target && target.map.id !== model.openId) await this.actOn(target, model, real);
  }
  protected abstract actOn(target: MapDocument, model: Reference, real: Real): Promise<void>;
}

/** Rename in the library; the open map is renamed as an edit (see Rename), others in storage. */
class RenameStored extends OnOtherMap<{ name: string }> {
  protected async actOn(target: MapDocument, model: Reference, real: Real) {
    await real.page.rename(target.map.id, this.options.name);
    const name = this.options.name.trim();
    if (name !== '') model.store({ ...target, map: { ...target.map, name } });
  }
  toString = () => `rename map #${this.pick} to "${this.options.name}"`;
}

/** Deletes a map that is not open, and maybe undoes that; the open map is never touched. */
class DeleteStored extends OnOtherMap<{ undo: boolean }> {
  protected async actOn(target: MapDocument, model: Reference, real: Real) {
    await real.page.delete(target.map.id, this.options.undo);
    if (!this.options.undo) model.forget(target.map.id);
  }
  toString = () => `delete map #${this.pick}${this.options.undo ? ', then undo' : ''}`;
}

export const libraryCommands: fc.Arbitrary<ModelCommand>[] = [
  fc.constantFrom<StartingPoint>('empty', 'example').map((from) => new NewMap(from)),
  fc.nat(5).map((pick) => new Duplicate(pick)),
  fc
    .record({ pick: fc.nat(5), name: fc.constantFrom('Side project', ' Board ', '') })
    .map(({ pick, name }) => new RenameStored(pick, { name })),
  fc
    .record({ pick: fc.nat(5), undo: fc.boolean() })
    .map(({ pick, undo }) => new DeleteStored(pick, { undo })),
];
