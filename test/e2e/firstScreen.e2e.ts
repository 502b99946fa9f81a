import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import { buildGoalIndex, findCommonGround } from '../../src/domain/engine';
import { expectHeaderOnOneRow } from './headerFits';
import { setUpAppPage } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const mission = example.goals.find((g) => g.kind === 'mission');
const titleOf = (id: string) => example.goals.find((g) => g.id === id)?.title ?? id;

let page: Page;
let errors: string[];
setUpAppPage({}, (app) => ({ page, errors } = app));

describe('first screen', () => {
  it('opens the example map on first run, laid out with the mission on top', async () => {
    const missionNode = page.getByRole('group', { name: mission?.title ?? '' });
    await missionNode.waitFor();
    const kpi = example.goals.find((g) => g.kind === 'kpi');
    const kpiNode = page.getByRole('group', { name: kpi?.title ?? '' });
    const [top, below] = [await missionNode.boundingBox(), await kpiNode.boundingBox()];
    expect(top && below && top.y < below.y).toBe(true);
    await page.screenshot({ path: 'test-results/first-screen.png' });
  });

  it('fits the header on one row at 1280 px, the product still named as the page heading', async () => {
    await expectHeaderOnOneRow(page);
    await page
      .getByRole('heading', { level: 1, name: 'Common Ground' })
      .waitFor({ state: 'attached' });
  });

  it('names the nearest common goal of two picked stakeholders, as the engine does', async () => {
    const [a, b] = [example.stakeholders[1], example.stakeholders[2]];
    if (!a || !b) throw new Error('example map needs stakeholders');
    const expected = findCommonGround(buildGoalIndex(example), [a.id, b.id]);
    if (expected.status !== 'found' && expected.status !== 'already-shared') {
      throw new Error(`unexpected status ${expected.status}`);
    }
    const nearest = expected.answers[0];
    await page.getByRole('checkbox', { name: a.name }).check();
    await page.getByRole('checkbox', { name: b.name }).check();
    await page.getByRole('button', { name: 'Find common ground' }).click();
    const region = page.getByRole('region', { name: 'Common ground', exact: true });
    await expect
      .poll(() => region.textContent())
      .toContain(`Nearest common goal: ${titleOf(nearest?.goalId ?? '')}`);
    await page.screenshot({ path: 'test-results/common-ground.png' });
  });

  it('shows the paths to an alternative lowest common goal when picked', async () => {
    const conflict = example.conflicts.find((c) => c.id === 'c-roadmap');
    if (!conflict) throw new Error('example map needs the roadmap conflict');
    const expected = findCommonGround(buildGoalIndex(example), conflict.parties);
    if (expected.status !== 'found') throw new Error(`unexpected status ${expected.status}`);
    const alternative = expected.answers[1];
    if (!alternative) throw new Error('the roadmap conflict needs an alternative');
    await page.getByRole('button', { name: 'Conflicts', exact: true }).click();
    await page.getByRole('button', { name: `Open conflict: ${conflict.title}` }).click();
    const region = page.getByRole('region', { name: 'Common ground', exact: true });
    const choice = region.getByRole('button', { name: new RegExp(titleOf(alternative.goalId)) });
    await choice.click();
    await expect.poll(() => choice.getAttribute('aria-pressed')).toBe('true');
    expect(await region.textContent()).toContain(
      `Showing the alternative “${titleOf(alternative.goalId)}”`,
    );
    await expect
      .poll(() =>
        page.getByRole('group', { name: titleOf(alternative.goalId), exact: true }).textContent(),
      )
      .toContain('Nearest common goal');
  });

  it('runs under a strict Content-Security-Policy', async () => {
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('keeps an edit across a reload', async () => {
    const goal = example.goals.find((g) => g.kind === 'objective');
    if (!goal) throw new Error('example map needs an objective');
    await page.getByRole('group', { name: goal.title }).click();
    const title = page
      .getByRole('region', { name: 'Goal details' })
      .getByRole('textbox', { name: 'Title' });
    await title.fill('Win the mid-market, profitably');
    await title.press('Enter');
    await page.getByRole('group', { name: 'Win the mid-market, profitably' }).waitFor();
    await expect
      .poll(() => page.getByRole('status', { name: 'Save status' }).textContent())
      .toBe('All changes saved');
    await page.reload();
    await page.getByRole('group', { name: 'Win the mid-market, profitably' }).waitFor();
    expect(errors).toEqual([]);
  });
});
