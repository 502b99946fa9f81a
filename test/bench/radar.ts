/**
 * Conflict radar on the engine bench's layered maps (100 stakeholders) with 500 trade-offs: what
 * the Conflict radar panel costs each time the document changes. Half the trade-offs join goals
 * somebody holds (an incentive's goal or the one above it), so the radar has many pairs to rank and
 * a nearest common goal to find for each; the other half join random goals, as a real map's would.
 * Baseline, same run: building the engine's goal index, which the radar reuses.
 */
import { buildGoalIndex, findConflictRadar } from '../../src/domain/engine';
import { asGoalId, asTradeOffId, type GoalId } from '../../src/domain/ids';
import type { MapDocument, TradeOff } from '../../src/domain/model';
import { layeredMap, seeded } from './engine';
import { ms, percentile, samplerFor, type BenchTable, type SuiteOptions } from './table';

const SIZES = [1_000, 10_000, 100_000] as const;
const TRADE_OFFS = 500;
/** The target for 10k goals. */
const TARGET_MS = 50;

function withTradeOffs(doc: MapDocument, random: () => number): MapDocument {
  const held: GoalId[] = doc.incentives.flatMap((i) => [
    i.goalId,
    ...doc.links.filter((l) => l.from === i.goalId).map((l) => l.to),
  ]);
  const pick = (list: readonly GoalId[]): GoalId =>
    list[Math.floor(random() * list.length)] ?? doc.goals[0]?.id ?? asGoalId('');
  const all = doc.goals.map((g) => g.id);
  const seen = new Set<string>();
  const tradeOffs: TradeOff[] = [];
  while (tradeOffs.length < TRADE_OFFS) {
    const pool = tradeOffs.length % 2 === 0 ? held : all;
    const [a, b] = [pick(pool), pick(pool)];
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    tradeOffs.push({ id: asTradeOffId(`t${tradeOffs.length}`), a, b, note: '' });
  }
  return { ...doc, tradeOffs };
}

export function run(options: SuiteOptions = {}): Promise<BenchTable[]> {
  const sample = samplerFor(options);
  const sizes = options.smoke ? SIZES.slice(0, 1) : SIZES;
  const rows = sizes.map((size) => {
    const random = seeded(size);
    const doc = withTradeOffs(layeredMap(size, random), random);
    const index = buildGoalIndex(doc);
    const pairs = findConflictRadar(doc, index).length;
    const radar = sample(() => findConflictRadar(doc, index), 20, 3);
    const build = sample(() => buildGoalIndex(doc), 20, 3);
    const p95 = percentile(radar, 95);
    return [
      size,
      doc.stakeholders.length,
      TRADE_OFFS,
      pairs,
      ms(percentile(radar, 50)),
      ms(p95),
      ms(percentile(build, 50)),
      size === 10_000 ? (p95 <= TARGET_MS ? 'yes' : 'NO') : '',
    ];
  });
  return Promise.resolve([
    {
      title: "Conflict radar: findConflictRadar with each pair's nearest common goal",
      columns: [
        'goals',
        'stakeholders',
        'trade-offs',
        'radar pairs',
        'p50 ms',
        'p95 ms',
        'baseline: goal index p50 ms',
        `10k p95 ≤ ${TARGET_MS} ms`,
      ],
      rows,
      note: 'Runs once per document revision while the Conflict radar panel is open; the goal index is shared with the other panels.',
    },
  ]);
}
