/**
 * Trade-off curves on an edit that moves nothing (a title typed, a note, a weight). The canvas
 * bends every trade-off's curve around the boxes where they are drawn; it used to do that again
 * on every document change. Now it keeps the curves while every box stays where it was, and such
 * an edit costs building the boxes and comparing them with the last ones: the baseline, measured
 * in the same run. Generated maps of 150, 500 and 2,000 goals laid out by our layout, with
 * trade-offs between random goals.
 */
import { toLayoutInput } from '../../src/canvas/layoutInput';
import type { LayoutInput, LayoutPositions } from '../../src/domain/layoutTypes';
import { goalNodeId } from '../../src/domain/nodeIds';
import { sameRects, type Rect } from '../../src/domain/routeGeometry';
import { tradeOffCurves } from '../../src/domain/tradeOffGeometry';
import { computeLayout } from '../../src/layout/layout';
import { generateMap, seeded } from './browser/generator';
import { ms, percentile, samplerFor, type BenchTable, type SuiteOptions } from './table';

const SIZES = [
  { goals: 150, tradeOffs: 50 },
  { goals: 500, tradeOffs: 200 },
  { goals: 2_000, tradeOffs: 500 },
] as const;

/** Every node's box by node id, where the layout put it (as the canvas's boxesOf builds them). */
function boxesOf(input: LayoutInput, positions: LayoutPositions): Map<string, Rect> {
  const boxes = new Map<string, Rect>();
  for (const node of [...input.goals, ...input.stakeholders]) {
    const at = positions[node.id];
    if (at) boxes.set(node.id, { x: at.x, y: at.y, width: node.width, height: node.height });
  }
  return boxes;
}

/** `count` trade-offs between distinct random goals, as curve ends (node ids). */
function randomTradeOffs(goalIds: readonly string[], count: number, random: () => number) {
  const pick = () => goalIds[Math.floor(random() * goalIds.length)] ?? '';
  return Array.from({ length: count }, (_, i) => {
    const a = pick();
    let b = pick();
    while (b === a) b = pick();
    return { id: `t${i}`, a: goalNodeId(a), b: goalNodeId(b) };
  });
}

export function run(options: SuiteOptions = {}): Promise<BenchTable[]> {
  const sample = samplerFor(options);
  const sizes = options.smoke ? SIZES.slice(0, 1) : SIZES;
  const rows = sizes.map(({ goals, tradeOffs }) => {
    const doc = generateMap(goals);
    const input = toLayoutInput(doc);
    const positions = computeLayout(input);
    const ends = randomTradeOffs(
      doc.goals.map((g) => g.id),
      tradeOffs,
      seeded(goals),
    );
    const last = boxesOf(input, positions);
    const curves = sample(() => tradeOffCurves(last, last.values(), ends), 20, 3);
    const compared = sample(() => sameRects(last, boxesOf(input, positions)), 20, 3);
    const [before, now] = [percentile(curves, 50), percentile(compared, 50)];
    return [
      goals,
      doc.stakeholders.length,
      tradeOffs,
      ms(before),
      ms(percentile(curves, 95)),
      ms(now),
      `${(before / now).toFixed(0)}×`,
    ];
  });
  return Promise.resolve([
    {
      title: 'Trade-off curves on an edit that moves nothing: bent again (before) or kept (now)',
      columns: [
        'goals',
        'stakeholders',
        'trade-offs',
        'every curve bent p50 ms (before)',
        'p95 ms',
        'baseline: boxes built and compared p50 ms (now)',
        'before ÷ now',
      ],
      rows,
      note: 'Per edit on the open map while nothing moves; a move (a drag, a layout) still bends every curve, within its budget of 8,000 chord tests.',
    },
  ]);
}
