import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asGoalId } from '../../../src/domain/ids';
import { checkInvariants } from '../../../src/domain/invariants';
import { newGoal, type MapDocument } from '../../../src/domain/model';
import { exportMapJson } from '../../../src/io/json';
import { readMapDocument } from '../../../src/rooms/readRoom';
import { listMap } from '../../../src/rooms/roomShape';
import { writeEdit, writeMapDocument } from '../../../src/rooms/writeRoom';
import { contextOf, goalSteps, peopleSteps } from '../domain/commandSteps';
import { arbMapDocumentV2 } from './arbitraries';

function roomOf(doc: MapDocument): Y.Doc {
  const ydoc = new Y.Doc();
  writeMapDocument(ydoc, doc);
  return ydoc;
}

/** A second device: a fresh Y.Doc given the first one's whole state as one update. */
function joined(ydoc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
  return other;
}

describe('a map in a Y.Doc', () => {
  it('reads back as the same document and exports the same file, here and on a peer', () => {
    fc.assert(
      fc.property(arbMapDocumentV2(), (doc) => {
        const ydoc = roomOf(doc);
        const here = readMapDocument(ydoc, doc.map);
        expect(here.setAside).toEqual([]);
        expect(here.doc).toEqual(doc);
        const there = readMapDocument(joined(ydoc), doc.map);
        expect(exportMapJson(there.doc)).toBe(exportMapJson(doc));
      }),
      { numRuns: 80 },
    );
    // A limit that only guards against a hang: the runs take a second or two, more on a loaded machine.
  }, 30_000);

  it('each edit written as a diff reads back as the edited document', () => {
    const arbSteps = fc.array(fc.oneof(...goalSteps, ...peopleSteps), { maxLength: 25 });
    fc.assert(
      fc.property(arbMapDocumentV2(8), arbSteps, (start, steps) => {
        const ydoc = roomOf(start);
        const peer = joined(ydoc);
        ydoc.on('update', (update: Uint8Array) => Y.applyUpdate(peer, update));
        let doc = start;
        steps.forEach((step, i) => {
          const result = step.run(doc, contextOf(doc, i));
          if (!result.ok) return;
          writeEdit(ydoc, doc, result.value, 'local');
          doc = result.value;
          expect(readMapDocument(ydoc, start.map).doc).toEqual(doc);
        });
        const there = readMapDocument(peer, start.map);
        expect(exportMapJson(there.doc)).toBe(exportMapJson(doc));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('writes only what an edit changed', () => {
    const ydoc = new Y.Doc();
    fc.assert(
      fc.property(arbMapDocumentV2(6), (doc) => {
        writeMapDocument(ydoc, doc);
        const [goal] = doc.goals;
        if (goal === undefined) return;
        const after = { ...doc, goals: [{ ...goal, title: 'Renamed' }, ...doc.goals.slice(1)] };
        const changed: string[] = [];
        ydoc.once('afterTransaction', (tr: Y.Transaction) => {
          for (const [, keys] of tr.changed) for (const key of keys) changed.push(String(key));
        });
        writeEdit(ydoc, doc, after, 'local');
        expect(changed).toEqual(['title']);
      }),
      { numRuns: 20 },
    );
  });

  it('sets aside a record that breaks its rules, with the reason, and reads the rest', () => {
    fc.assert(
      fc.property(arbMapDocumentV2(6), (doc) => {
        const ydoc = roomOf(doc);
        const goals = listMap(ydoc, 'goals');
        const broken = new Y.Map<unknown>();
        goals.set('g-broken', broken);
        broken.set('title', '   ');
        broken.set('kind', 'mission');
        goals.set('g-junk', 42);
        const read = readMapDocument(ydoc, doc.map);
        expect(read.doc).toEqual(doc);
        expect(read.setAside.map((item) => [item.id, item.cause])).toEqual([
          ['g-broken', 'unreadable'],
          ['g-junk', 'unreadable'],
        ]);
        expect(read.setAside[0]?.message).toContain(
          'goals["g-broken"].title: expected a non-empty string',
        );
        expect(checkInvariants(read.doc)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });

  it('keeps records in the order they are listed, a record placed between others included', () => {
    fc.assert(
      fc.property(arbMapDocumentV2(8), fc.nat(), (doc, at) => {
        const ydoc = roomOf(doc);
        const goal = newGoal({ id: asGoalId('g-new'), title: 'New' });
        const index = at % (doc.goals.length + 1);
        const goals = [...doc.goals.slice(0, index), goal, ...doc.goals.slice(index)];
        const moved = { ...doc, goals: [...goals].reverse() };
        writeEdit(ydoc, doc, { ...doc, goals }, 'local');
        expect(readMapDocument(ydoc, doc.map).doc.goals).toEqual(goals);
        writeEdit(ydoc, { ...doc, goals }, moved, 'local');
        expect(readMapDocument(joined(ydoc), doc.map).doc.goals).toEqual(moved.goals);
      }),
      { numRuns: 50 },
    );
  });
});
