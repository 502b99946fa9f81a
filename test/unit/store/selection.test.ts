import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { EdgeChange } from '@xyflow/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySelectChanges } from '../../../src/canvas/canvasEvents';
import { openDatabase, type CommonGroundDb } from '../../../src/db/schema';
import { createExampleMap } from '../../../src/domain/exampleMap';
import type { MapDocument } from '../../../src/domain/model';
import { createApp, type App } from '../../../src/store/app';
import { deleteSelection } from '../../../src/store/deleteSelection';
import { selectableRecords, selectedIdsOf } from '../../../src/store/selection';
import { goalNodeId, stakeholderNodeId } from '../../../src/domain/nodeIds';
import { asStakeholderId } from '../../../src/domain/ids';
import { edgeId } from '../../../src/canvas/edgeIds';

const doc = createExampleMap('2026-01-01T00:00:00.000Z');
let db: CommonGroundDb;
let app: App;

const pick = <T>(list: readonly T[]): T => {
  const first = list[0];
  if (first === undefined) throw new Error('the example map lacks a record this test needs');
  return first;
};
const goal = pick(doc.goals);
const person = pick(doc.stakeholders);
const link = pick(doc.links);
const incentive = pick(doc.incentives);
const tradeOff = pick(doc.tradeOffs);

/** The canvas ids React Flow reports a click by. */
const canvas = {
  goal: goalNodeId(goal.id),
  person: stakeholderNodeId(person.id),
  link: edgeId('link', link.id),
  incentive: edgeId('incentive', incentive.id),
  tradeOff: edgeId('tradeOff', tradeOff.id),
};

const select = (id: string, selected = true): EdgeChange => ({ type: 'select', id, selected });
const selection = () => app.sessionStore.getState().selection;

beforeEach(() => {
  db = openDatabase('selection', new IDBFactory(), IDBKeyRange);
  app = createApp({ db });
  app.documentStore.getState().openDocument(doc);
});
afterEach(() => db.close());

describe('selection as one list of records', () => {
  it('knows the kind of every record the canvas can select, by its canvas id', () => {
    const records = selectableRecords(doc);
    expect(records.get(canvas.goal)).toEqual({ kind: 'goal', id: goal.id });
    expect(records.get(canvas.person)).toEqual({ kind: 'stakeholder', id: person.id });
    expect(records.get(canvas.link)).toEqual({ kind: 'link', id: link.id });
    expect(records.get(canvas.incentive)).toEqual({ kind: 'incentive', id: incentive.id });
    expect(records.get(canvas.tradeOff)).toEqual({ kind: 'tradeOff', id: tradeOff.id });
    expect(selectableRecords(doc)).toBe(records);
  });

  it('selects the person, not the goal, when a goal and a person share an id', () => {
    const shared: MapDocument = {
      ...doc,
      stakeholders: [{ ...person, id: asStakeholderId(goal.id) }, ...doc.stakeholders.slice(1)],
    };
    app.documentStore.getState().openDocument(shared);
    applySelectChanges(app, [select(stakeholderNodeId(goal.id))], shared);
    expect(selection()).toEqual([{ kind: 'stakeholder', id: goal.id }]);
    applySelectChanges(app, [select(goalNodeId(goal.id))], shared);
    expect(selection()).toEqual([
      { kind: 'stakeholder', id: goal.id },
      { kind: 'goal', id: goal.id },
    ]);
    applySelectChanges(app, [select(stakeholderNodeId(goal.id), false)], shared);
    expect(selection()).toEqual([{ kind: 'goal', id: goal.id }]);
  });

  it("applies React Flow's select changes in the order they come, by kind", () => {
    applySelectChanges(app, [select(canvas.goal)], doc);
    applySelectChanges(
      app,
      [select(canvas.tradeOff), select(canvas.person), select('goal:not-in-map')],
      doc,
    );
    expect(selection()).toEqual([
      { kind: 'goal', id: goal.id },
      { kind: 'tradeOff', id: tradeOff.id },
      { kind: 'stakeholder', id: person.id },
    ]);
    expect(selectedIdsOf(selection(), 'goal')).toEqual([goal.id]);
    expect(selectedIdsOf(selection(), 'tradeOff')).toEqual([tradeOff.id]);
    expect(selectedIdsOf(selection(), 'link')).toEqual([]);
    applySelectChanges(app, [select(canvas.goal, false)], doc);
    expect(selection().map((r) => r.id)).toEqual([tradeOff.id, person.id]);
  });

  it('drops records no longer in the map on the next change', () => {
    applySelectChanges(app, [select(canvas.goal), select(canvas.person)], doc);
    const withoutPerson: MapDocument = {
      ...doc,
      stakeholders: doc.stakeholders.filter((s) => s.id !== person.id),
    };
    applySelectChanges(app, [select(canvas.link)], withoutPerson);
    expect(selection()).toEqual([
      { kind: 'goal', id: goal.id },
      { kind: 'link', id: link.id },
    ]);
  });

  it('deletes a mixed selection as one undoable edit and says how many items went', () => {
    const other = pick(doc.goals.filter((g) => g.id !== goal.id && g.id !== link.from));
    app.sessionStore.getState().select([
      { kind: 'incentive', id: incentive.id },
      { kind: 'tradeOff', id: tradeOff.id },
      { kind: 'goal', id: other.id },
    ]);
    deleteSelection(app);
    const after = app.documentStore.getState().doc;
    expect(after?.incentives.some((i) => i.id === incentive.id)).toBe(false);
    expect(after?.tradeOffs.some((t) => t.id === tradeOff.id)).toBe(false);
    expect(after?.goals.some((g) => g.id === other.id)).toBe(false);
    expect(selection()).toEqual([]);
    expect(app.sessionStore.getState().notice?.text).toBe('Deleted 3 items. Undo with Ctrl+Z.');
    app.documentStore.getState().undo();
    expect(app.documentStore.getState().doc).toBe(doc);
  });
});
