import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import { setUpAppPage } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const CONFLICT = 'Discounting at quarter end';
const partyNames = (example.conflicts.find((c) => c.title === CONFLICT)?.parties ?? []).map(
  (id) => example.stakeholders.find((s) => s.id === id)?.name ?? id,
);

let page: Page;
setUpAppPage({ load: false, screenshots: 'keepTyped' }, (app) => ({ page } = app));

async function openConflict(title: string): Promise<void> {
  await page.getByRole('button', { name: 'Conflicts', exact: true }).click();
  await page.getByRole('button', { name: `Open conflict: ${title}` }).click();
}

const editor = () => page.getByRole('region', { name: 'Conflict', exact: true });
const capture = () => page.getByRole('region', { name: 'Capture the agreement' });

/** Every text field of the open conflict in the side panel, by label. */
const EDITOR_FIELDS = [...partyNames.map((n) => `Perspective of ${n}`), 'Title', 'Notes'];
/** Every text field the workshop's capture shows for this conflict. */
const WORKSHOP_FIELDS = [...partyNames.map((n) => `${n}’s perspective`), 'Notes'];

describe('Escape keeps what was typed', () => {
  it('in every field of the open conflict', async () => {
    await page.goto(inject('baseUrl'));
    await openConflict(CONFLICT);
    for (const label of EDITOR_FIELDS) {
      const field = editor().getByRole('textbox', { name: label, exact: true });
      await field.fill(`Typed into ${label} in the editor`);
      await field.press('Escape');
      await expect.poll(() => field.inputValue()).toBe(`Typed into ${label} in the editor`);
      expect(await field.evaluate((e) => e === document.activeElement)).toBe(false);
    }
  });

  it('in every capture field of workshop mode, which Escape then leaves', async () => {
    for (const label of WORKSHOP_FIELDS) {
      await page.getByRole('button', { name: 'Workshop mode' }).click();
      const field = capture().getByRole('textbox', { name: label, exact: true });
      await field.fill(`Typed into ${label} in the workshop`);
      await field.press('Escape');
      await page.getByRole('button', { name: 'Add goal' }).waitFor();
    }
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    for (const label of WORKSHOP_FIELDS) {
      const field = capture().getByRole('textbox', { name: label, exact: true });
      expect(await field.inputValue()).toBe(`Typed into ${label} in the workshop`);
    }
    await page.keyboard.press('Escape');
  });

  it('still has every text after a reload, even one still being typed', async () => {
    await expect
      .poll(() => page.getByRole('status', { name: 'Save status' }).textContent())
      .toBe('All changes saved');
    await page.reload();
    await openConflict('Typed into Title in the editor');
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    for (const label of WORKSHOP_FIELDS) {
      const field = capture().getByRole('textbox', { name: label, exact: true });
      expect(await field.inputValue()).toBe(`Typed into ${label} in the workshop`);
    }
    await page.keyboard.press('Escape');

    // Still in the field, no Enter, no blur: the reload itself keeps it.
    const notes = editor().getByRole('textbox', { name: 'Notes', exact: true });
    await notes.fill('Typed, and the page reloaded while still in the field');
    await page.reload();
    await openConflict('Typed into Title in the editor');
    expect(await notes.inputValue()).toBe('Typed, and the page reloaded while still in the field');
  });
});
