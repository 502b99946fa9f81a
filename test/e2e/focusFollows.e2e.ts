import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { revealNode } from './browser';
import { pressesUntilFocused } from './keyPresses';
import { setUpAppPage } from './launch';

let page: Page;
setUpAppPage(
  { ready: (opened) => opened.getByRole('group').first(), screenshots: 'focusFollows' },
  (app) => ({ page } = app),
);

const button = (name: string) => page.getByRole('button', { name, exact: true });
const isFocused = (field: Locator) => field.evaluate((e) => e === document.activeElement);
/** Whether the whole of the element is inside the window, not scrolled away. */
const inWindow = (field: Locator) =>
  field.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  });

const addGoal = () => page.getByRole('button', { name: 'Add goal' });
const title = () => page.getByRole('textbox', { name: 'Title' });

/**
 * How far the keyboard walks back from the inspector to the map tools on the example at
 * 1280×720: 47 Shift+Tab presses before #15's work, 27 once links left the Tab order (what is
 * left: every goal drawn, its chips and fold button, the zoom buttons), 28 with the link back
 * itself, which makes it 3 keys; 23 once the map tools became one Tab stop.
 */
describe('from the inspector back to Add goal', () => {
  it('takes one Shift+Tab to the link back, Enter, and one Tab', async () => {
    await revealNode(page, 'Net revenue retention');
    await page.getByRole('group', { name: 'Net revenue retention', exact: true }).click();
    await title().focus();
    const back = page.getByRole('link', { name: 'Back to the map tools' });
    expect(await pressesUntilFocused(page, 'Shift+Tab', back, 5)).toBe(1);
    const shown = await back.boundingBox();
    expect(shown && shown.y >= 0 && shown.x + shown.width <= 1280).toBe(true);
    await page.keyboard.press('Enter');
    expect(await pressesUntilFocused(page, 'Tab', addGoal(), 3)).toBe(1);
  });

  it('finds the map tools one Tab stop: arrow keys move between them, Tab leaves them', async () => {
    await addGoal().focus();
    await page.keyboard.press('ArrowRight');
    const addStakeholder = button('Add stakeholder');
    expect(await isFocused(addStakeholder)).toBe(true);
    // End and Home reach the last and first tools; disabled ones (Undo, Redo) are skipped.
    await page.keyboard.press('End');
    expect(await isFocused(button('Keyboard shortcuts'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await isFocused(addGoal())).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('searchbox', { name: 'Search map' }))).toBe(true);
    // Back into the toolbar: the tool used last, not the last one in the row.
    await page.keyboard.press('Shift+Tab');
    expect(await isFocused(addStakeholder)).toBe(true);
    await page.keyboard.press('Home');
  });

  it('stays under 25 Shift+Tab presses walking every control in between', async () => {
    await title().focus();
    const presses = await pressesUntilFocused(page, 'Shift+Tab', addGoal(), 60);
    console.log(`Shift+Tab presses from the inspector's Title to Add goal: ${presses}`);
    expect(presses).toBeLessThanOrEqual(25);
  });
});

describe('focus follows the work', () => {
  it('goes to the first perspective, in view, once a conflict is created', async () => {
    await button('Conflicts').click();
    await button('New conflict').click();
    const form = page.getByRole('form', { name: 'New conflict' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Budget for the launch');
    await form.getByRole('checkbox', { name: 'Tom Okafor' }).check();
    await form.getByRole('checkbox', { name: 'Maya Lindqvist' }).check();
    await button('Create conflict').click();
    const first = page
      .getByRole('region', { name: 'Conflict', exact: true })
      .getByRole('textbox', { name: /^Perspective of / })
      .first();
    await expect.poll(() => isFocused(first)).toBe(true);
    expect(await inWindow(first)).toBe(true);
  });

  it('goes to the new person’s name, who is not under the zoom buttons or the minimap', async () => {
    await button('Add stakeholder').click();
    const name = page
      .getByRole('region', { name: 'Stakeholder details' })
      .getByRole('textbox', { name: 'Name' });
    await expect.poll(() => isFocused(name)).toBe(true);
    await page.keyboard.type('Ines Park');
    await page.keyboard.press('Enter');
    const person = page.getByRole('group', { name: 'Ines Park', exact: true });
    await person.waitFor();
    await page.waitForTimeout(400);
    const clear = () =>
      person.evaluate((node) => {
        const r = node.getBoundingClientRect();
        return [...document.querySelectorAll('.react-flow__controls, .react-flow__minimap')].every(
          (o) => {
            const b = o.getBoundingClientRect();
            return r.right <= b.left || b.right <= r.left || r.bottom <= b.top || b.bottom <= r.top;
          },
        );
      });
    await expect.poll(clear).toBe(true);
  });

  it('goes on to the notes once the room agrees on the shared goal in workshop mode', async () => {
    await button('Conflicts').click();
    await page.getByRole('button', { name: 'Open conflict: Discounting at quarter end' }).click();
    await button('Workshop mode').click();
    const reveal = page
      .getByRole('complementary', { name: 'Walk up the tree' })
      .getByRole('status');
    for (let i = 0; i < 6 && !((await reveal.textContent()) ?? '').includes('meet'); i++) {
      await page.keyboard.press('ArrowRight');
    }
    await button('Agree on the shared goal').click();
    const notes = page
      .getByRole('region', { name: 'Capture the agreement' })
      .getByRole('textbox', { name: 'Notes' });
    await expect.poll(() => isFocused(notes)).toBe(true);
  });
});
