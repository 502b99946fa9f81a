import { describe, expect, it } from 'vitest';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { buildConflictBrief } from '../../../src/io/brief';
import { parseBrief, parseInline } from '../../../src/ui/importExport/briefBlocks';
import { fileNameFor } from '../../../src/ui/importExport/download';
import {
  fitToPrint,
  PRINT_LONG_SIDE,
  PRINT_SHORT_SIDE,
} from '../../../src/ui/importExport/rasterize';

describe('fileNameFor', () => {
  it.each([
    ['Acme 2026', 'Acme 2026.json'],
    ['Q3: Sales/Finance <draft>?', 'Q3- Sales-Finance -draft-.json'],
    ['  ..hidden. ', 'hidden.json'],
    ['line\nbreak\ttab', 'line-break-tab.json'],
    ['CON', 'map.json'],
    ['', 'map.json'],
    ['???', 'map.json'],
  ])('%j → %j', (name, expected) => {
    expect(fileNameFor(name, 'json')).toBe(expected);
  });

  it('keeps names short', () => {
    expect(fileNameFor('x'.repeat(500), 'png')).toBe(`${'x'.repeat(100)}.png`);
  });
});

describe('fitToPrint', () => {
  it('keeps the requested scale when the picture fits A3 at 300 dpi', () => {
    expect(fitToPrint(2000, 1000, 2)).toEqual({
      scale: 2,
      width: 4000,
      height: 2000,
      reduced: false,
    });
  });

  it('lowers the scale so the long side is A3 at 300 dpi, keeping the aspect', () => {
    const size = fitToPrint(20_000, 3000, 2);
    expect(size.reduced).toBe(true);
    expect(size.width).toBe(PRINT_LONG_SIDE);
    expect(size.height).toBe(Math.floor(3000 * (PRINT_LONG_SIDE / 20_000)));
  });

  it('lowers the scale so the short side is A3 at 300 dpi when that binds first', () => {
    const size = fitToPrint(13_552, 9600, 2);
    expect(size.reduced).toBe(true);
    expect(size.height).toBe(PRINT_SHORT_SIDE);
    expect(size.width).toBeLessThanOrEqual(PRINT_LONG_SIDE);
    expect(Math.abs(size.width / size.height - 13_552 / 9600)).toBeLessThan(0.001);
  });

  it('turns the sheet for a tall picture', () => {
    const size = fitToPrint(3000, 12_000, 3);
    expect(size.height).toBe(PRINT_LONG_SIDE);
    expect(size.width).toBeLessThanOrEqual(PRINT_SHORT_SIDE);
  });
});

describe('parseBrief', () => {
  it('reads the example brief into headings, lists, quotes and paragraphs', () => {
    const doc = createExampleMap('2026-01-01T00:00:00.000Z');
    const conflict = doc.conflicts[0];
    if (!conflict) throw new Error('example needs a conflict');
    const blocks = parseBrief(buildConflictBrief(doc, conflict.id));
    expect(blocks[0]).toEqual({
      kind: 'heading',
      level: 1,
      content: [{ text: `Conflict brief: ${conflict.title}`, strong: false, em: false }],
    });
    const kinds = new Set(blocks.map((b) => b.kind));
    expect(kinds).toEqual(new Set(['heading', 'paragraph', 'list', 'quote']));
    const talking = blocks.at(-1);
    expect(talking?.kind === 'list' && talking.ordered).toBe(true);
  });

  it('shows escaped user text exactly as typed', () => {
    const title = '**not bold** _nor this_ <img src=x onerror=alert(1)> [x](javascript:1)';
    const doc = createExampleMap('2026-01-01T00:00:00.000Z');
    const first = doc.conflicts[0];
    if (!first) throw new Error('example needs a conflict');
    const renamed = { ...doc, conflicts: [{ ...first, title }, ...doc.conflicts.slice(1)] };
    const [heading] = parseBrief(buildConflictBrief(renamed, first.id));
    expect(heading).toEqual({
      kind: 'heading',
      level: 1,
      content: [{ text: `Conflict brief: ${title}`, strong: false, em: false }],
    });
  });

  it('reads bold, italics and escapes', () => {
    expect(parseInline('a **b** _c_ \\*d\\*')).toEqual([
      { text: 'a ', strong: false, em: false },
      { text: 'b', strong: true, em: false },
      { text: ' ', strong: false, em: false },
      { text: 'c', strong: false, em: true },
      { text: ' *d*', strong: false, em: false },
    ]);
  });

  it('keeps the paragraphs of a quote apart', () => {
    expect(parseBrief('> one\n> two\n>\n> three')).toEqual([
      {
        kind: 'quote',
        paragraphs: [
          [{ text: 'one two', strong: false, em: false }],
          [{ text: 'three', strong: false, em: false }],
        ],
      },
    ]);
  });
});
