import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { exportMapJson } from '../../../src/io/json';
import { embedMapInPng } from '../../../src/io/png';
import { detectFileKind, readImportFile } from '../../../src/io/importFile';
import { arbMapDocument } from '../domain/arbitraries';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const example = createExampleMap('2026-01-01T00:00:00.000Z');
const CSV = 'id,title,parent\nm,Mission,\no,Objective,m\n';
const PLAIN_PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

describe('detectFileKind', () => {
  it.each([
    ['map.json', encode('{"format":"common-ground"}'), 'json'],
    ['map.txt', encode('\uFEFF  {"format":"common-ground"}'), 'json'],
    ['backup', encode('[1, 2]'), 'json'],
    ['broken.json', encode('format: yes'), 'json'],
    ['goals.csv', encode(CSV), 'csv'],
    ['goals.txt', encode(CSV), 'csv'],
    ['goals', encode('id;title;parent\n'), 'csv'],
    ['picture.json', PLAIN_PNG, 'png'],
  ])('%s is %s by its content', (name, bytes, kind) => {
    expect(detectFileKind(name, bytes)).toEqual({ ok: true, value: kind });
  });

  it('names binary files people pick by mistake', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
    const result = detectFileKind('photo.json', jpeg);
    expect(!result.ok && result.error[0]?.message).toMatch(/^this is a JPEG image;/);
  });

  it('refuses plain text that is neither JSON nor CSV', () => {
    const result = detectFileKind('notes.txt', encode('Remember the milk'));
    expect(!result.ok && result.error[0]?.message).toMatch(/^not a map file;/);
  });
});

describe('readImportFile', () => {
  it('reads a map from JSON and from a PNG it was embedded in', () => {
    const json = exportMapJson(example);
    const fromJson = readImportFile('map.json', encode(json));
    const fromPng = readImportFile('map.png', embedMapInPng(PLAIN_PNG, json));
    expect(fromJson.ok && fromJson.value.kind === 'map' && fromJson.value.doc).toEqual(example);
    expect(fromPng.ok && fromPng.value.kind === 'map' && fromPng.value.format).toBe('png');
    expect(fromPng.ok && fromPng.value.kind === 'map' && fromPng.value.doc).toEqual(example);
  });

  it('reads CSV rows and keeps per-row problems for the preview', () => {
    const read = readImportFile('kpis.csv', encode(`${CSV}x,,m\n`));
    if (!read.ok || read.value.kind !== 'csv') throw new Error('expected a CSV');
    expect(read.value.csv.rows.map((r) => r.id)).toEqual(['m', 'o']);
    expect(read.value.csv.problems[0]?.path).toBe('row 4, column "title"');
    expect(read.value.csv.mapName).toBe('kpis');
  });

  it('reads a Windows-1252 CSV (as Excel saves it) without mangling accents', () => {
    const latin1 = Uint8Array.from('id,title,parent\nm,Qualit\xe9,\n', (c) => c.charCodeAt(0));
    const read = readImportFile('goals.csv', latin1);
    expect(read.ok && read.value.kind === 'csv' && read.value.csv.rows[0]?.title).toBe('Qualité');
  });

  it('refuses a CSV without a single usable row, with its problems', () => {
    const read = readImportFile('empty.csv', encode('id,title,parent\n,,\n'));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.length).toBeGreaterThan(0);
  });

  it('refuses JSON that is not UTF-8', () => {
    const read = readImportFile('map.json', Uint8Array.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    expect(!read.ok && read.error[0]?.message).toBe(
      'not valid UTF-8 text; JSON files must be saved as UTF-8',
    );
  });
});

describe('round trips through the import pipeline', () => {
  it('reads back every random map exported as JSON or embedded in a PNG', () => {
    fc.assert(
      fc.property(arbMapDocument(), (doc) => {
        const json = exportMapJson(doc);
        const fromJson = readImportFile('map.json', encode(json));
        const fromPng = readImportFile('map.png', embedMapInPng(PLAIN_PNG, json));
        expect(fromJson.ok && fromJson.value.kind === 'map' && fromJson.value.doc).toEqual(doc);
        expect(fromPng.ok && fromPng.value.kind === 'map' && fromPng.value.doc).toEqual(doc);
      }),
      { numRuns: 60 },
    );
  });
});
