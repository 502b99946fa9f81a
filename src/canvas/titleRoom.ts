/** A goal's box as drawn, and whether it keeps a large title when zoomed far out. */
export interface TitledBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly large: boolean;
}

/** Zoomed far out, a large title may spread over this many box widths where there is room. */
export const TITLE_SPREAD = 2.4;
/** Space kept between two neighbouring large titles, in flow units. */
const TITLE_GAP = 16;

/**
 * How wide each large title may be (flow units, centred on its box) so that no two large titles
 * side by side overlap: two boxes that share some height split the space between their centres,
 * less a gap, and a title never gets narrower than its own box (a neighbour closer than that
 * gives up the difference) nor wider than TITLE_SPREAD box widths. Sorted by height first, so
 * each box meets only the boxes level with it.
 */
export function largeTitleRooms(boxes: readonly TitledBox[]): Map<string, number> {
  const titled = boxes.filter((b) => b.large).sort((a, b) => a.y - b.y);
  const half = new Map(titled.map((b) => [b.id, (b.width * TITLE_SPREAD) / 2]));
  const centre = (b: TitledBox) => b.x + b.width / 2;
  /** a's half-width next to b: half the free space, less what b's own box needs beyond it. */
  const share = (a: TitledBox, b: TitledBox, space: number) =>
    Math.max(a.width / 2, space - Math.max(0, b.width / 2 - space));
  for (let i = 0; i < titled.length; i++) {
    const a = titled[i];
    if (!a) continue;
    for (let j = i + 1; j < titled.length; j++) {
      const b = titled[j];
      if (!b || b.y >= a.y + a.height) break;
      const space = (Math.abs(centre(a) - centre(b)) - TITLE_GAP) / 2;
      half.set(a.id, Math.min(half.get(a.id) ?? Infinity, share(a, b, space)));
      half.set(b.id, Math.min(half.get(b.id) ?? Infinity, share(b, a, space)));
    }
  }
  return new Map([...half].map(([id, h]) => [id, 2 * h]));
}
