import { crc32 as zlibCrc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExampleMap } from '../../../src/domain/exampleMap';
import type { MapDocument } from '../../../src/domain/model';
import { exportMapJson } from '../../../src/io/json';
import {
  MAP_KEYWORD,
  NOT_A_PNG,
  NO_MAP_INSIDE,
  damagedAt,
  embedMapInPng,
  extractMapFromPng,
  importMapPng,
} from '../../../src/io/png';
import { crc32 } from '../../../src/io/png/crc32';
import { arbMapDocument } from '../domain/arbitraries';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** A chunk written independently of the code under test, with node's own CRC-32. */
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlibCrc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A real 2×1 RGB PNG, as a canvas would hand it over. */
function tinyPng(extra: Buffer[] = []): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const pixels = deflateSync(Buffer.from([0, 255, 0, 0, 0, 0, 255]));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from(SIGNATURE),
      chunk('IHDR', ihdr),
      ...extra,
      chunk('IDAT', pixels),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}

function problemsOf(result: { ok: true } | { ok: false; error: readonly { message: string }[] }) {
  return result.ok ? [] : result.error.map((p) => p.message);
}

function roundTrip(doc: MapDocument): MapDocument {
  const imported = importMapPng(embedMapInPng(tinyPng(), exportMapJson(doc)));
  if (!imported.ok) throw new Error(problemsOf(imported).join('; '));
  return imported.value.doc;
}

const example = createExampleMap('2026-01-01T00:00:00.000Z');

describe('embedMapInPng', () => {
  it('adds one iTXt chunk just before IEND and keeps the picture byte for byte', () => {
    const png = tinyPng();
    const out = embedMapInPng(png, '{"a":1}');
    const iend = png.length - 12;
    expect(out.subarray(0, iend)).toEqual(png.subarray(0, iend));
    expect(out.subarray(out.length - 12)).toEqual(png.subarray(iend));
    const expected = chunk(
      'iTXt',
      Buffer.concat([
        Buffer.from(MAP_KEYWORD, 'latin1'),
        Buffer.from([0, 0, 0, 0, 0]),
        Buffer.from('{"a":1}'),
      ]),
    );
    expect(Buffer.from(out.subarray(iend, out.length - 12))).toEqual(expected);
  });

  it('replaces the map a PNG already carries instead of adding a second one', () => {
    const twice = embedMapInPng(embedMapInPng(tinyPng(), '"first"'), '"second"');
    expect(extractMapFromPng(twice)).toEqual({ ok: true, value: '"second"' });
    expect(twice.length).toBe(embedMapInPng(tinyPng(), '"second"').length);
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => embedMapInPng(new Uint8Array([1, 2, 3]), '{}')).toThrow(NOT_A_PNG);
  });
});

describe('PNG export → import', () => {
  it('gives back the example map exactly', () => {
    expect(roundTrip(example)).toEqual(example);
  });

  it('keeps any text: emoji, right-to-left scripts, NUL-free control characters', () => {
    const doc: MapDocument = {
      ...example,
      map: { ...example.map, name: 'Ünïcödé 🚀 مرحبا \u0001 "quoted" <b>' },
    };
    expect(roundTrip(doc)).toEqual(doc);
  });

  it('gives back random maps exactly', () => {
    fc.assert(
      fc.property(arbMapDocument(), (doc) => {
        expect(roundTrip(doc)).toEqual(doc);
      }),
      { numRuns: 60 },
    );
  });
});

describe('extractMapFromPng says what is wrong', () => {
  it('not a PNG: empty, too short, or another format', () => {
    for (const bytes of [[], [137, 80, 78], [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49]]) {
      expect(problemsOf(extractMapFromPng(new Uint8Array(bytes)))).toEqual([NOT_A_PNG]);
    }
  });

  it('a PNG with no map in it, even with other text chunks', () => {
    const other = chunk('tEXt', new Uint8Array(Buffer.from('Software\0Paint')));
    expect(problemsOf(extractMapFromPng(tinyPng([other])))).toEqual([NO_MAP_INSIDE]);
  });

  it('a file cut short, with the byte where it stops making sense', () => {
    const png = embedMapInPng(tinyPng(), exportMapJson(example));
    const mapStart = tinyPng().length - 12;
    expect(problemsOf(extractMapFromPng(png.subarray(0, mapStart + 100)))).toEqual([
      damagedAt(mapStart),
    ]);
    expect(problemsOf(extractMapFromPng(png.subarray(0, 8)))).toEqual([damagedAt(8)]);
  });

  it('a changed byte in the map, caught by the CRC', () => {
    const png = embedMapInPng(tinyPng(), exportMapJson(example));
    const mapStart = tinyPng().length - 12;
    png[mapStart + 200] = (png[mapStart + 200] ?? 0) ^ 1;
    expect(problemsOf(extractMapFromPng(png))).toEqual([damagedAt(mapStart)]);
  });

  it('a compressed map chunk, which no export of ours writes', () => {
    const data = Buffer.concat([
      Buffer.from(MAP_KEYWORD),
      Buffer.from([0, 1, 0, 0, 0]),
      deflateSync('{}'),
    ]);
    expect(problemsOf(extractMapFromPng(tinyPng([chunk('iTXt', data)])))).toEqual([
      'the map inside this PNG is compressed, which Common Ground does not read',
    ]);
  });

  it('never throws on a damaged file: any cut, any flipped byte', () => {
    const png = embedMapInPng(tinyPng(), exportMapJson(example));
    fc.assert(
      fc.property(
        fc.nat(png.length),
        fc.array(fc.record({ at: fc.nat(png.length - 1), value: fc.nat(255) }), { maxLength: 4 }),
        (cut, flips) => {
          const bytes = png.slice(0, cut);
          for (const { at, value } of flips) if (at < bytes.length) bytes[at] = value;
          const result = extractMapFromPng(bytes);
          if (!result.ok) expect(result.error).toHaveLength(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

it('crc32 agrees with zlib', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    }),
  );
});
