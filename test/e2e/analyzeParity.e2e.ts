import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { analyzeMap } from '../../src/cli/analysis';
import { asMapId } from '../../src/domain/ids';
import type { MapDocument } from '../../src/domain/model';
import { arbMapDocument } from '../unit/domain/arbitraries';
import { headline, namesOf } from '../../src/ui/explain';
import { newAppPage } from './browser';
import { openMapFile } from './openMapFile';
import { setUpBrowser } from './launch';

/**
 * A random map with readable, unique names, so each conflict's button and each goal's title can
 * be found on screen without ambiguity.
 */
function generatedMap(seed: number): MapDocument {
  const [doc] = fc.sample(arbMapDocument({ maxGoals: 18, minStakeholders: 3 }), {
    seed,
    numRuns: 1,
  });
  if (!doc) throw new Error('no sample');
  return {
    ...doc,
    map: { ...doc.map, id: asMapId(`m-generated-${seed}`), name: `Generated ${seed}` },
    goals: doc.goals.map((g, i) => ({ ...g, title: `Goal ${i + 1}` })),
    stakeholders: doc.stakeholders.map((s, i) => ({ ...s, name: `Person ${i + 1}` })),
    conflicts: doc.conflicts.map((c, i) => ({ ...c, title: `Conflict ${i + 1}` })),
  };
}

/**
 * The headline the app must show for a conflict, worded from `npm run analyze`'s own output
 * ("Nearest common goal: …", or the message of the edge case the CLI reports).
 */
function expectedHeadline(doc: MapDocument, conflictIndex: number): string {
  const result = analyzeMap(doc).conflicts[conflictIndex]?.result;
  if (!result) throw new Error(`analyze has no conflict ${conflictIndex}`);
  return headline(result, namesOf(doc));
}

let browser: Browser;
setUpBrowser((launched) => (browser = launched));

describe('the app and npm run analyze agree', () => {
  for (const seed of [11, 47, 83]) {
    it(`on every conflict of generated map ${seed}`, async () => {
      const doc = generatedMap(seed);
      const { page, errors } = await newAppPage(browser);
      await page.goto(inject('baseUrl'));
      await page.getByRole('button', { name: 'Add goal' }).waitFor();
      await openMapFile(page, doc);
      expect(doc.conflicts.length).toBeGreaterThan(0);
      for (const [i, conflict] of doc.conflicts.entries()) {
        const expected = expectedHeadline(doc, i);
        await page.getByRole('button', { name: 'Conflicts', exact: true }).click();
        await page.getByRole('button', { name: `Open conflict: ${conflict.title}` }).click();
        const region = page.getByRole('region', { name: 'Common ground', exact: true });
        await expect.poll(() => region.textContent()).toContain(expected);
      }
      expect(errors).toEqual([]);
    });
  }
});
