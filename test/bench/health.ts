/**
 * Map health on the engine bench's layered maps (1k/10k/100k goals, 100 stakeholders) with 50
 * conflicts: what the Map health panel costs each time the document changes while it is open.
 */
import { newConflict } from '../../src/domain/factories';
import { computeMapHealth } from '../../src/domain/health';
import type { MapDocument } from '../../src/domain/model';
import { layeredMap, seeded } from './engine';
import { ms, percentile, samplerFor, type BenchTable, type SuiteOptions } from './table';

const SIZES = [1_000, 10_000, 100_000] as const;
const CONFLICTS = 50;

/** Conflicts between neighbouring stakeholders, so every one needs a common-ground query. */
function withConflicts(doc: MapDocument): MapDocument {
  const people = doc.stakeholders;
  const conflicts = Array.from({ length: CONFLICTS }, (_, k) => {
    const [a, b] = [people[(2 * k) % people.length], people[(2 * k + 1) % people.length]];
    if (!a || !b) throw new Error('the bench map needs stakeholders');
    return newConflict({ title: `Conflict ${k}`, parties: [a.id, b.id] });
  });
  return { ...doc, conflicts };
}

export function run(options: SuiteOptions = {}): Promise<BenchTable[]> {
  const sample = samplerFor(options);
  const sizes = options.smoke ? SIZES.slice(0, 1) : SIZES;
  const rows = sizes.map((size) => {
    const doc = withConflicts(layeredMap(size, seeded(size)));
    const times = sample(() => computeMapHealth(doc), 10, 2);
    return [
      size,
      doc.stakeholders.length,
      CONFLICTS,
      ms(percentile(times, 50)),
      ms(percentile(times, 95)),
    ];
  });
  return Promise.resolve([
    {
      title: 'Map health: computeMapHealth (goal index built inside, as the panel does)',
      columns: ['goals', 'stakeholders', 'conflicts', 'p50 ms', 'p95 ms'],
      rows,
      note: 'Runs once per document revision while the Map health panel is open.',
    },
  ]);
}
