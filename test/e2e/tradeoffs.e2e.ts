import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import { dialogNamed, downloadedText } from './importHelpers';
import { setUpAppPage, showsNode } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const mission = example.goals.find((g) => g.kind === 'mission');

let page: Page;

const goalDetails = () => page.getByRole('region', { name: 'Goal details' });
const personDetails = () => page.getByRole('region', { name: 'Stakeholder details' });
const radar = () => page.getByRole('region', { name: 'Conflict radar' });

/** Fits the view first: with the inspector open, a node may sit outside the visible canvas. */
async function select(name: string): Promise<void> {
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.getByRole('group', { name, exact: true }).click();
}

async function reportsTo(person: string, manager: string): Promise<void> {
  await select(person);
  await personDetails()
    .getByRole('combobox', { name: 'Reports to' })
    .selectOption({ label: manager });
}

setUpAppPage(
  { ready: showsNode(mission?.title ?? ''), screenshots: 'tradeoffs' },
  (app) => ({ page } = app),
);

describe('trade-offs, the conflict radar and the escalation point', () => {
  it('refuses a reporting loop with a message naming the people', async () => {
    await reportsTo('Sam Fischer', 'Maya Lindqvist (CEO)');
    await reportsTo('Jonas Weber', 'Maya Lindqvist (CEO)');
    await reportsTo('Maya Lindqvist', 'Sam Fischer (Head of Customer Success)');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain(
        'Maya Lindqvist cannot report to Sam Fischer: that would make a reporting loop ' +
          'Maya Lindqvist → Sam Fischer → Maya Lindqvist.',
      );
  });

  it('creates a trade-off, lists the pair on the radar, makes it a conflict and says where it lands', async () => {
    await select('Net revenue retention');
    const details = goalDetails();
    await details
      .getByRole('searchbox', { name: 'Find a goal to trade off against' })
      .fill('cloud');
    await details
      .getByRole('combobox', { name: 'Trades off against' })
      .selectOption({ label: 'Cloud cost per customer' });
    await details
      .getByRole('textbox', { name: 'Why they pull apart' })
      .fill('Keeping every account costs infrastructure');
    await details.getByRole('button', { name: 'Add trade-off' }).click();
    await expect
      .poll(() => details.getByRole('region', { name: /Trade-offs of/ }).textContent())
      .toContain('Cloud cost per customer');

    await page.getByRole('button', { name: 'Conflicts', exact: true }).click();
    const pair = radar().getByRole('listitem', { name: 'Jonas Weber and Sam Fischer' });
    await expect
      .poll(() => pair.textContent())
      .toContain(
        'Sam Fischer is rewarded on Net revenue retention; Jonas Weber is rewarded on Cloud cost ' +
          'per customer; Net revenue retention trades off against Cloud cost per customer',
      );
    expect(await pair.textContent()).toContain(
      'Nearest common goal: A product teams rely on every day',
    );
    await page.screenshot({ path: 'test-results/conflict-radar.png' });

    await pair
      .getByRole('button', { name: 'Make a conflict: Jonas Weber and Sam Fischer' })
      .click();
    const editor = page.getByRole('region', { name: 'Conflict', exact: true });
    await expect
      .poll(() => editor.getByRole('textbox', { name: 'Notes' }).inputValue())
      .toContain('Sam Fischer is rewarded on Net revenue retention');
    const landing =
      'If this escalates, it lands with Maya Lindqvist (CEO). The goal both already serve is ' +
      'A product teams rely on every day, which has no owner yet.';
    await expect.poll(() => editor.getByLabel('Escalation point').textContent()).toBe(landing);

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Conflict brief' }).click();
    const dialog = dialogNamed(page, 'Conflict brief');
    await dialog
      .getByRole('combobox', { name: 'Conflict' })
      .selectOption({ label: 'Net revenue retention versus Cloud cost per customer' });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download Markdown' }).click();
    const markdown = await downloadedText(await downloading);
    expect(markdown).toContain(`## If it escalates\n\n${landing}`);
  });
});
