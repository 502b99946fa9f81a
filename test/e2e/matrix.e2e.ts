import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  buildAlignmentMatrix,
  buildGoalIndex,
  findCommonGround,
  findConflictRadar,
} from '../../src/domain/engine';
import { createExampleMap } from '../../src/domain/exampleMap';
import type { MapDocument } from '../../src/domain/model';
import { describeRadarReason } from '../../src/domain/radarReason';
import { layeredMap, seeded } from '../bench/engine';
import { openMapFile } from './openMapFile';
import { setUpBrowser, showsNode, openApp, type Viewport } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const mission = example.goals.find((g) => g.kind === 'mission');
const nameOf = (id: string) => example.stakeholders.find((s) => s.id === id)?.name ?? id;
const titleOf = (id: string) => example.goals.find((g) => g.id === id)?.title ?? id;

let browser: Browser;
setUpBrowser((launched) => (browser = launched));

const openExample = (viewport?: Viewport) =>
  openApp(browser, { viewport, ready: showsNode(mission?.title ?? '') });

const table = (page: Page) => page.getByRole('table', { name: 'Alignment matrix' });

async function openMatrix(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Alignment matrix' }).click();
  await table(page).waitFor();
}

/** The climbs column by column, for the rows in the order the table shows them. */
function columnClimbs(page: Page, column: number): Promise<string[]> {
  return table(page)
    .locator('tbody tr')
    .evaluateAll(
      (rows, j) => rows.map((row) => row.querySelectorAll('td')[j]?.textContent ?? ''),
      column,
    );
}

describe('alignment matrix', () => {
  it('shows every pair with the engine’s climb and nearest goal, and opens a pair on the canvas', async () => {
    const { page, errors } = await openExample();
    await openMatrix(page);
    const index = buildGoalIndex(example);
    const matrix = buildAlignmentMatrix(index);
    // Pairs on the conflict radar say so, with its reason, and are marked ⚠ after the climb.
    const radar = new Map(
      findConflictRadar(example, index).map((p) => [
        [...p.parties].sort().join(' '),
        describeRadarReason(example, p),
      ]),
    );
    const expected = matrix.stakeholders.flatMap((a, i) =>
      matrix.stakeholders.flatMap((b, j) => {
        const goal = matrix.nearest[i]?.[j];
        if (i === j || !goal) return [];
        const climb = matrix.climbs[i]?.[j] ?? Infinity;
        const reason = radar.get([a, b].sort().join(' '));
        const onRadar = reason === undefined ? '' : `. ⚠ On the conflict radar: ${reason}`;
        return [
          `${nameOf(a)} and ${nameOf(b)}: total climb ${climb} to ${titleOf(goal)}${onRadar}`,
        ];
      }),
    );
    expect(radar.size).toBeGreaterThan(0);
    const cells = table(page).locator('td [role="button"]');
    const labels = await cells.evaluateAll((buttons) =>
      buttons.map((b) => `${b.getAttribute('aria-label') ?? ''}|${b.textContent}`),
    );
    expect(labels.map((l) => l.split('|')[0]).sort()).toEqual([...expected].sort());
    for (const label of labels) {
      const mark = label.includes('On the conflict radar') ? ' ⚠' : '';
      expect(label).toMatch(new RegExp(`total climb (\\d+) to .*\\|\\1${mark}$`));
    }

    const dana = example.stakeholders.find((s) => s.name === 'Dana Reyes');
    const tom = example.stakeholders.find((s) => s.name === 'Tom Okafor');
    if (!dana || !tom) throw new Error('example people missing');
    const answer = findCommonGround(buildGoalIndex(example), [dana.id, tom.id]);
    if (answer.status !== 'found') throw new Error(`unexpected ${answer.status}`);
    const goal = titleOf(answer.answers[0]?.goalId ?? '');
    await table(page)
      .getByRole('button', {
        name: `Dana Reyes and Tom Okafor: total climb ${answer.answers[0]?.totalClimb ?? -1} to ${goal}`,
      })
      .click();
    await table(page).waitFor({ state: 'detached' });
    const region = page.getByRole('region', { name: 'Common ground', exact: true });
    await expect.poll(() => region.textContent()).toContain(`Nearest common goal: ${goal}`);
    for (const person of example.stakeholders) {
      const box = page.getByRole('checkbox', { name: person.name });
      expect(await box.isChecked()).toBe(person === dana || person === tom);
    }
    expect(errors).toEqual([]);
  });

  it('sorts: furthest apart first, and by the climb to one person with aria-sort', async () => {
    const { page } = await openExample();
    await openMatrix(page);
    await page.getByRole('button', { name: 'Furthest apart first' }).click();
    const firstRow = table(page).locator('tbody th').first();
    expect(await firstRow.textContent()).toBe('Dana Reyes');

    await page.getByRole('button', { name: 'Map order' }).click();
    const jonas = table(page).getByRole('columnheader', { name: 'Jonas Weber' });
    await jonas.getByRole('button').click();
    expect(await jonas.getAttribute('aria-sort')).toBe('ascending');
    const column = example.stakeholders.findIndex((s) => s.name === 'Jonas Weber');
    const up = (await columnClimbs(page, column)).map((t) => (t === '∞' ? Infinity : Number(t)));
    const numbers = up.filter((n) => !Number.isNaN(n));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    await jonas.getByRole('button').click();
    expect(await jonas.getAttribute('aria-sort')).toBe('descending');

    await page.keyboard.press('Escape');
    await table(page).waitFor({ state: 'detached' });
  });

  it('works with the keyboard alone: one tab stop, arrows between cells, Enter opens the pair', async () => {
    const { page } = await openExample();
    await openMatrix(page);
    const first = table(page).locator('td [role="button"][tabindex="0"]');
    expect(await first.count()).toBe(1);
    await first.focus();
    // Row Maya, column Tom; Down skips Tom's own cell and lands on Dana and Tom.
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(await focused()).toMatch(/^Dana Reyes and Tom Okafor: total climb/);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatch(/^Dana Reyes and Priya Natarajan: total climb/);
    await page.keyboard.press('Enter');
    await table(page).waitFor({ state: 'detached' });
    expect(await page.getByRole('checkbox', { name: 'Priya Natarajan' }).isChecked()).toBe(true);
  });

  it('is clear at 1280×720 and 1920×1080', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      const { page } = await openExample(viewport);
      await openMatrix(page);
      await page.screenshot({
        path: `test-results/matrix-${viewport.width}x${viewport.height}.png`,
      });
      await page.context().close();
    }
  });

  it('draws every pair for 100 stakeholders on a 1,000-goal map', async () => {
    // How long it takes to open on 10,000 goals is measured in `npm run bench browser`.
    const big: MapDocument = layeredMap(1_000, seeded(1_000));
    const { page } = await openExample({ width: 1920, height: 1080 });
    await openMapFile(page, big);
    await openMatrix(page);
    // The first screenful is drawn at once, the other rows in the frames after it.
    await expect
      .poll(() => table(page).locator('td [role="button"]').count(), { timeout: 30_000 })
      .toBe(100 * 99);
    await page.screenshot({ path: 'test-results/matrix-100-stakeholders.png' });
  });
});
