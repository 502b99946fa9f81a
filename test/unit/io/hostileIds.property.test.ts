import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createMap, loadMap } from '../../../src/db/repository';
import { openDatabase } from '../../../src/db/schema';
import { buildGoalIndex, findCommonGround } from '../../../src/domain/engine';
import { asStakeholderId } from '../../../src/domain/ids';
import {
  exportMapJson,
  formatProblem,
  importMapJson,
  importMapObject,
  toFileObject,
} from '../../../src/io/json';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { arbHostileDocument, PROTOTYPE_NAMES } from './hostileIds';

function imported(text: string) {
  const result = importMapJson(text);
  if (!result.ok) throw new Error(result.error.map(formatProblem).join('\n'));
  return result.value;
}

describe('any id string survives export → import → store → reload', () => {
  it('a party called "constructor" (and its siblings) exports a file that imports again (#13 case 1)', async () => {
    const example = createExampleMap('2026-01-01T00:00:00.000Z');
    const [first, second] = example.stakeholders;
    const [conflict] = example.conflicts;
    if (!first || !second || !conflict) throw new Error('the example has people and conflicts');
    for (const name of PROTOTYPE_NAMES) {
      const id = asStakeholderId(name);
      const rename = (s: string) => (s === first.id ? id : s);
      const doc = {
        ...example,
        goals: example.goals.map((g) => ({
          ...g,
          owner: g.owner === null ? null : asStakeholderId(rename(g.owner)),
        })),
        reportingLines: example.reportingLines.map((r) => ({
          ...r,
          from: asStakeholderId(rename(r.from)),
          to: asStakeholderId(rename(r.to)),
        })),
        stakeholders: example.stakeholders.map((s) => ({
          ...s,
          id: asStakeholderId(rename(s.id)),
        })),
        incentives: example.incentives.map((i) => ({
          ...i,
          stakeholderId: asStakeholderId(rename(i.stakeholderId)),
        })),
        conflicts: [
          {
            ...conflict,
            parties: [id, second.id],
            perspectives: Object.fromEntries([
              [id, `${name} wants it`],
              [second.id, ''],
            ]),
          },
          ...example.conflicts.slice(1),
        ],
      };
      const text = exportMapJson(doc);
      expect(text).toContain(`"${name}": "${name} wants it"`);
      const back = imported(text);
      expect(back.warnings).toEqual([]);
      expect(exportMapJson(back.doc)).toBe(text);
      const answer = findCommonGround(buildGoalIndex(back.doc), [id, second.id]);
      expect(answer.status).not.toBe('unknown-party');
      const db = openDatabase(`proto-${name}`, new IDBFactory(), IDBKeyRange);
      await createMap(db, back.doc);
      const loaded = await loadMap(db, back.doc.map.id);
      db.close();
      expect(loaded.status).toBe('ok');
      if (loaded.status === 'ok') expect(exportMapJson(loaded.doc)).toBe(text);
    }
  });

  it('whole documents with hostile ids everywhere an id can stand', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(arbHostileDocument, async (doc) => {
        const text = exportMapJson(doc);
        const back = imported(text);
        expect(back).toEqual({ doc, warnings: [] });
        expect(exportMapJson(back.doc)).toBe(text);
        // The database path: a structured clone of the file object, read by importMapObject.
        expect(importMapObject(structuredClone(toFileObject(doc)))).toEqual({
          ok: true,
          value: { doc, warnings: [] },
        });
        const db = openDatabase(`hostile-ids-${run++}`, new IDBFactory(), IDBKeyRange);
        const saved = await createMap(db, back.doc);
        expect(saved.status).toBe('saved');
        const loaded = await loadMap(db, back.doc.map.id);
        db.close();
        if (loaded.status !== 'ok') throw new Error(`stored map is ${loaded.status}`);
        expect(loaded.warnings).toEqual([]);
        expect(exportMapJson(loaded.doc)).toBe(text);
        expect(Reflect.get({}, 'polluted')).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('hostile keys as extra fields anywhere: the same map, each reported as an unknown field', () => {
    const arbExtra = fc.record({
      doc: arbHostileDocument,
      key: fc.constantFrom(...PROTOTYPE_NAMES),
      where: fc.constantFrom('map', 'goals', 'links', 'stakeholders', 'incentives', 'conflicts'),
    });
    fc.assert(
      fc.property(arbExtra, ({ doc, key, where }) => {
        const file: unknown = JSON.parse(exportMapJson(doc));
        const section: unknown = Reflect.get(Object(file), where);
        const target: unknown = Array.isArray(section) ? section[0] : section;
        if (typeof target !== 'object' || target === null) return;
        // Defined, so "__proto__" becomes a key of the text rather than a prototype.
        Object.defineProperty(target, key, { value: { polluted: true }, enumerable: true });
        const back = imported(JSON.stringify(file));
        expect(back.doc).toEqual(doc);
        expect(back.warnings.map((w) => w.message)).toEqual(['unknown field, ignored']);
        expect(Reflect.get({}, 'polluted')).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});
