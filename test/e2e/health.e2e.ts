import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  addConflict,
  addGoal,
  addStakeholder,
  linkGoals,
  type CommandResult,
} from '../../src/domain/commands';
import { buildGoalIndex, findCommonGround } from '../../src/domain/engine';
import { createExampleMap } from '../../src/domain/exampleMap';
import { asConflictId, asGoalId, asMapId, asStakeholderId } from '../../src/domain/ids';
import type { MapDocument } from '../../src/domain/model';
import { computeStakeholderView } from '../../src/ui/stakeholderView/stakeholderView';
import { revealNode } from './browser';
import { openMapFile } from './openMapFile';
import { setUpBrowser, showsNode, openApp, type Viewport, waitForMapName } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const mission = example.goals.find((g) => g.kind === 'mission');
const missionTitle = mission?.title ?? '';
const nameOf = (id: string) => example.stakeholders.find((s) => s.id === id)?.name ?? id;
const titleOf = (id: string) => example.goals.find((g) => g.id === id)?.title ?? id;

/** The example map without its org chart, with one gap of each kind: a loose tree, a person
 * measured on nothing and a conflict that person is part of. */
function mapWithGaps(): MapDocument {
  const edits: ((doc: MapDocument) => CommandResult)[] = [
    (d) => addGoal(d, { id: asGoalId('g-partners'), title: 'Partner ecosystem' }),
    (d) => addGoal(d, { id: asGoalId('g-partner-arr'), title: 'Partner-sourced ARR', kind: 'kpi' }),
    (d) => linkGoals(d, asGoalId('g-partner-arr'), asGoalId('g-partners')),
    (d) =>
      addStakeholder(d, { id: asStakeholderId('s-ola'), name: 'Ola Berg', role: 'Partnerships' }),
    (d) =>
      addConflict(d, {
        id: asConflictId('c-partners'),
        title: 'Partner discounts',
        parties: [asStakeholderId('s-vp-sales'), asStakeholderId('s-ola')],
      }),
  ];
  const start: MapDocument = {
    ...example,
    map: { ...example.map, id: asMapId('m-gaps'), name: 'Northwind with gaps' },
    reportingLines: [],
  };
  return edits.reduce((doc, edit) => {
    const result = edit(doc);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }, start);
}

let browser: Browser;
setUpBrowser((launched) => (browser = launched));

const openExample = (viewport?: Viewport) =>
  openApp(browser, { viewport, ready: showsNode(missionTitle) });

const health = (page: Page) => page.getByRole('region', { name: 'Map health' });

async function showHealth(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Map health' });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await health(page).waitFor();
}

describe('map health', () => {
  it('lists one thing on the example map: where its roadmap conflict would land', async () => {
    const { page, errors } = await openExample();
    await showHealth(page);
    expect(await health(page).getByRole('status').textContent()).toBe('1 thing to look at');
    expect(await health(page).getByRole('region', { name: 'Conflicts' }).textContent()).toContain(
      '“Upsell features or onboarding fixes”: if it escalates, it lands with Maya Lindqvist, ' +
        'who owns no goal on either party’s path to “Drive product adoption”.',
    );
    await page.screenshot({ path: 'test-results/health-example.png' });
    await health(page)
      .getByRole('button', { name: 'Open conflict: Upsell features or onboarding fixes' })
      .click();
    const editor = page.getByRole('region', { name: 'Conflict', exact: true });
    await expect
      .poll(() => editor.getByLabel('Escalation point').textContent())
      .toContain('If this escalates, it lands with Maya Lindqvist (CEO).');
    expect(errors).toEqual([]);
  });

  it('lists every gap and fixes each one from its link until all is clear', async () => {
    const { page, errors } = await openExample();
    await openMapFile(page, mapWithGaps());
    await waitForMapName(page, 'Northwind with gaps');
    await revealNode(page, 'Partner ecosystem');
    await showHealth(page);
    const panel = health(page);
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('4 things to look at');
    const text = await panel.textContent();
    expect(text).toContain('The map has 2 separate trees.');
    expect(text).toContain('“Partner ecosystem” contributes to no other goal');
    expect(text).toContain('Ola Berg holds no incentives');
    expect(text).toContain('“Partner discounts”: Ola Berg holds no incentives');
    await page.screenshot({ path: 'test-results/health-1280x720.png' });

    await panel
      .getByRole('button', { name: `Link “Partner ecosystem” under “${missionTitle}”` })
      .click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('2 things to look at');
    expect(await panel.getByRole('region', { name: 'Goal tree' }).count()).toBe(0);

    await panel.getByRole('button', { name: 'Show Ola Berg' }).click();
    const name = page.getByRole('region', { name: 'Stakeholder details' }).getByRole('textbox', {
      name: 'Name',
    });
    await expect.poll(() => name.inputValue()).toBe('Ola Berg');

    await panel.getByRole('button', { name: 'Open conflict: Partner discounts' }).click();
    const region = page.getByRole('region', { name: 'Common ground', exact: true });
    await expect.poll(() => region.textContent()).toContain('Ola Berg has no incentives yet');
    await region.getByRole('button', { name: 'Add incentive for Ola Berg' }).click();
    await expect.poll(() => region.textContent()).toContain('Nearest common goal:');

    await showHealth(page);
    await expect.poll(() => health(page).getByRole('status').textContent()).toContain('All clear.');
    expect(errors).toEqual([]);
  });

  it('is clear at 1920×1080', async () => {
    const { page } = await openExample({ width: 1920, height: 1080 });
    await openMapFile(page, mapWithGaps());
    await waitForMapName(page, 'Northwind with gaps');
    await revealNode(page, 'Partner ecosystem');
    await showHealth(page);
    await expect
      .poll(() => health(page).getByRole('status').textContent())
      .toBe('4 things to look at');
    await page.screenshot({ path: 'test-results/health-1920x1080.png' });
  });
});

describe('view as stakeholder', () => {
  it('shows Dana’s goals level by level, who shares each, and opens common ground with them', async () => {
    const { page, errors } = await openExample();
    // The whole map in view first, so Dana's node is not under the side panel.
    await page.getByRole('button', { name: 'Fit view' }).click();
    await page.getByRole('group', { name: 'Dana Reyes' }).click();
    await page.getByRole('button', { name: 'View as Dana Reyes' }).click();
    const view = page.getByRole('region', { name: 'View as stakeholder' });
    await view.waitFor();
    const expected = computeStakeholderView(example, asStakeholderId('s-vp-sales'));
    if (!expected) throw new Error('Dana is in the example map');
    for (const reached of expected.reached) {
      const level = view.getByRole('region', {
        name:
          reached.climb === 0
            ? 'Their own goals'
            : `${reached.climb} ${reached.climb === 1 ? 'level' : 'levels'} up`,
      });
      const item = level.getByRole('listitem').filter({ hasText: titleOf(reached.goalId) });
      for (const other of reached.sharedWith) {
        await item.getByRole('button', { name: `Common ground with ${nameOf(other)}` }).waitFor();
      }
    }
    await page.screenshot({ path: 'test-results/view-as-stakeholder.png' });

    const growArr = view.getByRole('listitem').filter({ hasText: 'Grow ARR efficiently' });
    await growArr.getByRole('button', { name: 'Common ground with Tom Okafor' }).click();
    const answer = findCommonGround(buildGoalIndex(example), [
      asStakeholderId('s-vp-sales'),
      asStakeholderId('s-cfo'),
    ]);
    if (answer.status !== 'found') throw new Error(`unexpected ${answer.status}`);
    const region = page.getByRole('region', { name: 'Common ground', exact: true });
    await expect
      .poll(() => region.textContent())
      .toContain(`Nearest common goal: ${titleOf(answer.answers[0]?.goalId ?? '')}`);
    expect(errors).toEqual([]);
  });
});
