import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { dragNodeOutOfPlace, setUpAppPage } from './launch';

let page: Page;

setUpAppPage(
  { screenshots: 'palette', ready: (opened) => opened.getByRole('group').first() },
  (app) => ({ page } = app),
);

const palette = () => page.getByRole('dialog', { name: 'Command palette' });
const combobox = () => palette().getByRole('combobox', { name: 'Run an action' });
const isFocused = (element: Locator) => element.evaluate((e) => e === document.activeElement);
/** The option the combobox points at (aria-activedescendant), by its text. */
const activeOption = () =>
  combobox().evaluate((input) => {
    const id = input.getAttribute('aria-activedescendant');
    // The option's first part is the action's label; its keys follow.
    return id === null
      ? null
      : (document.getElementById(id)?.firstElementChild?.textContent ?? null);
  });

describe('the command palette, by keyboard alone', () => {
  it('lists every action with its keys, narrowed by typing; ↑/↓ move through it', async () => {
    await page.keyboard.press('Control+k');
    await expect.poll(() => isFocused(combobox())).toBe(true);
    const options = palette().getByRole('option');
    expect(await options.count()).toBeGreaterThan(15);
    expect(await palette().getByRole('option', { name: /^Undo/ }).textContent()).toContain(
      'Ctrl/⌘ + Z',
    );
    await expect.poll(activeOption).toBe('Add goal');
    await page.keyboard.press('ArrowDown');
    await expect.poll(activeOption).toBe('Add stakeholder');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(activeOption).toBe('Keyboard shortcuts');
    await page.keyboard.type('lay');
    await expect.poll(activeOption).toBe('Auto layout');
    expect(await options.allTextContents()).toEqual([
      expect.stringContaining('Auto layout'),
      expect.stringContaining('Left to right layout'),
    ]);
    await page.keyboard.press('Escape');
    await expect.poll(() => palette().count()).toBe(0);
  });

  it('runs “Auto layout”: a goal dragged out of place goes back', async () => {
    // Setting the scene needs the mouse (dragging pins a goal); the palette does not.
    const { x, dropped } = await dragNodeOutOfPlace(page, 'Win rate');

    await page.keyboard.press('Control+k');
    await expect.poll(() => isFocused(combobox())).toBe(true);
    await page.keyboard.type('auto');
    await expect.poll(activeOption).toBe('Auto layout');
    await page.keyboard.press('Enter');
    await expect.poll(() => palette().count()).toBe(0);
    await expect.poll(async () => Math.abs((await x()) - dropped)).toBeGreaterThan(100);
  });

  it('closes on Escape and gives focus back to what had it', async () => {
    const fit = page.getByRole('button', { name: 'Fit view' });
    await fit.focus();
    await page.keyboard.press('Control+k');
    await expect.poll(() => isFocused(combobox())).toBe(true);
    await page.keyboard.type('zzzz');
    await palette().getByText('No action matches “zzzz”.').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => palette().count()).toBe(0);
    expect(await isFocused(fit)).toBe(true);
  });

  it('opens from inside a text field too, and runs an action that moves focus on', async () => {
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Search map' });
    await expect.poll(() => isFocused(search)).toBe(true);
    await page.keyboard.press('Control+k');
    await expect.poll(() => isFocused(combobox())).toBe(true);
    await page.keyboard.type('add goal');
    await page.keyboard.press('Enter');
    const title = page
      .getByRole('region', { name: 'Goal details' })
      .getByRole('textbox', { name: 'Title' });
    await expect.poll(() => isFocused(title)).toBe(true);
  });
});

describe('the map’s name in the header', () => {
  const field = () => page.getByRole('banner').getByRole('textbox', { name: 'Map' });

  it('renames the map on Enter, as one undoable edit', async () => {
    const before = await field().inputValue();
    await field().focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Quarterly planning');
    await page.keyboard.press('Enter');
    await expect.poll(() => field().inputValue()).toBe('Quarterly planning');
    await page.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => field().inputValue()).toBe(before);
  });

  it('keeps what was typed when Escape leaves the field', async () => {
    await field().focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Board offsite');
    await page.keyboard.press('Escape');
    expect(await isFocused(field())).toBe(false);
    await expect.poll(() => field().inputValue()).toBe('Board offsite');
    await page.getByRole('button', { name: 'Maps', exact: true }).click();
    await page.getByText('Board offsite').first().waitFor();
  });
});
