import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapDocument } from '../../../src/domain/model';
import { importMapObject, toFileObject, type MapFile } from '../../../src/io/json';
import { arbMapDocument } from '../domain/arbitraries';
import { writeV1 } from './v1Writer';

const FIXTURES = new URL('../../fixtures/v1/', import.meta.url);

/** What version 1 can say of a version 2 file: everything but the four additions. */
function sayInV1(file: MapFile): unknown {
  return {
    format: file.format,
    version: 1,
    map: file.map,
    goals: file.goals.map(({ id, title, kind, description, metric, position }) => ({
      id,
      title,
      kind,
      description,
      metric,
      position,
    })),
    links: file.links,
    stakeholders: file.stakeholders.map(({ id, name, role, team, color, notes }) => ({
      id,
      name,
      role,
      team,
      color,
      notes,
    })),
    incentives: file.incentives,
    conflicts: file.conflicts,
  };
}

function importOk(data: unknown): MapDocument {
  const result = importMapObject(data);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.doc;
}

describe('version 1 → 2', () => {
  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.json')))(
    'v1/%s migrates and exports back to the same version 1 content',
    (name) => {
      const original: unknown = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
      const doc = importOk(original);
      expect(doc.tradeOffs).toEqual([]);
      expect(doc.reportingLines).toEqual([]);
      const file = toFileObject(doc);
      expect(file.version).toBe(2);
      expect(sayInV1(file)).toEqual(writeV1(doc));
      // Every value the fixture spelled out survives, except fields v1 ignored as unknown.
      const known = importOk(sayInV1(file));
      expect(known).toEqual(doc);
    },
  );

  // Heavy, not timed: the limit only guards against a hang (past 5 s on a loaded machine).
  it('1,000 random version 1 maps migrate and export back unchanged', () => {
    fc.assert(
      fc.property(arbMapDocument(), (doc) => {
        const v1 = writeV1(doc);
        const migrated = importOk(structuredClone(v1));
        expect(migrated).toEqual(doc);
        expect(sayInV1(toFileObject(migrated))).toEqual(v1);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('ignores version 2 field names a version 1 file carried, as version 1 did', () => {
    const doc = importOk(
      structuredClone(
        writeV1(importOk(JSON.parse(readFileSync(new URL('example.json', FIXTURES), 'utf8')))),
      ),
    );
    const stray = writeV1(doc);
    const file = {
      ...stray,
      goals: stray.goals.map((g) => ({ ...g, owner: 's1' })),
      stakeholders: stray.stakeholders.map((s) => ({
        ...s,
        position: { x: 1, y: 2, pinned: true },
      })),
      tradeOffs: [{ id: 't1', a: 'g1', b: 'g2' }],
      reportingLines: [{ id: 'r1', from: 's1', to: 's2' }],
    };
    expect(importOk(file)).toEqual(doc);
  });
});
