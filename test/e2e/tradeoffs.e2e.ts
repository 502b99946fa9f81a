import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import { dragHandles } from './browser';
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

/** A goal's side handles, left then right; their drags make trade-offs. */
const sides = (goal: string) =>
  page.getByTitle(`Trade “${goal}” off: drag to the side of the goal it pulls against`, {
    exact: true,
  });

const dragBetween = (from: Locator, to: Locator) => dragHandles(page, from, to);

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

  it('draws a trade-off by dragging between side handles, dashed and selectable; undo removes it', async () => {
    await select('Lead time for changes');
    await dragBetween(sides('Lead time for changes').last(), sides('Uptime').first());
    const edge = page.getByRole('img', {
      name: '“Lead time for changes” trades off against “Uptime”',
    });
    await edge.waitFor();
    const dash = await edge
      .locator('path.react-flow__edge-path')
      .evaluate((p) => getComputedStyle(p).strokeDasharray);
    expect(dash).toBe('8px, 5px');
    await page.screenshot({ path: 'test-results/trade-off-drawn.png' });

    // Where a user clicks: on the label in the middle of the curve.
    const label = await edge.getByText('⇄ trades off').boundingBox();
    if (!label) throw new Error('trade-off label not visible');
    await page.mouse.click(label.x + label.width / 2, label.y + label.height / 2);
    const details = page.getByRole('region', { name: 'Trade-off details' });
    await expect
      .poll(() => details.textContent())
      .toContain('“Lead time for changes” trades off against “Uptime”.');
    const note = details.getByRole('textbox', { name: 'Why they pull apart' });
    await note.fill('Shipping daily means more changes that can break');
    await note.press('Enter');
    await page.screenshot({ path: 'test-results/trade-off-inspector.png' });

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => note.inputValue()).toBe('');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => edge.count()).toBe(0);
  });

  it('keeps a trade-off’s note and search typed but not added, through Esc and a change of selection', async () => {
    await select('Gross margin');
    const picker = goalDetails().getByRole('group', { name: 'Add trade-off…' });
    const note = picker.getByRole('textbox', { name: 'Why they pull apart' });
    const search = picker.getByRole('searchbox', { name: 'Find a goal' });
    await search.fill('win');
    await note.fill('A deeper discount wins the deal and lowers margin');
    await note.press('Escape');
    expect(await note.evaluate((e) => e === document.activeElement)).toBe(false);
    await select('Uptime');
    await expect.poll(() => note.inputValue()).toBe('');
    await select('Gross margin');
    await expect
      .poll(() => note.inputValue())
      .toBe('A deeper discount wins the deal and lowers margin');
    expect(await search.inputValue()).toBe('win');
    await page.screenshot({ path: 'test-results/trade-off-draft.png' });
  });

  it('creates a trade-off, lists the pair on the radar, makes it a conflict and says where it lands', async () => {
    await select('Net revenue retention');
    const details = goalDetails();
    const picker = details.getByRole('group', { name: 'Add trade-off…' });
    await picker.getByRole('searchbox', { name: 'Find a goal' }).fill('cloud');
    await picker
      .getByRole('listbox', { name: 'Goal' })
      .selectOption({ label: 'Cloud cost per customer' });
    await picker
      .getByRole('textbox', { name: 'Why they pull apart' })
      .fill('Keeping every account costs infrastructure');
    await picker.getByRole('button', { name: 'Add trade-off' }).click();
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
      .getByRole('button', { name: 'Make it a conflict: Jonas Weber and Sam Fischer' })
      .click();
    const editor = page.getByRole('region', { name: 'Conflict', exact: true });
    await expect
      .poll(() => editor.getByRole('textbox', { name: 'Notes' }).inputValue())
      .toContain('Sam Fischer is rewarded on Net revenue retention');
    const landing =
      'If this escalates, it lands with Maya Lindqvist (CEO). The goal both already serve is ' +
      'A product teams rely on every day, owned by Lea Martin (Head of Product).';
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
