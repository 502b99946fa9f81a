import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import { dialogNamed, downloadedText, exportAs, importFile, waitUntilSaved } from './importHelpers';
import { setUpAppPage, showsNode } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const mission = example.goals.find((g) => g.kind === 'mission');

const NO_OTHER_RECORDS = { links: [], stakeholders: [], incentives: [], conflicts: [] };

let page: Page;
let errors: string[];
let scratch: string;

/** An exported file with one field of its map record blanked, and that field's value. */
function splitMapField(text: string, field: 'id' | 'updatedAt'): { rest: unknown; value: unknown } {
  const file: unknown = JSON.parse(text);
  if (typeof file !== 'object' || file === null || !('map' in file)) {
    throw new Error('not a map file');
  }
  const { map, ...others } = file;
  if (typeof map !== 'object' || map === null) throw new Error('no map record');
  const value: unknown = Reflect.get(map, field);
  return { rest: { ...others, map: { ...map, [field]: null } }, value };
}
/** The file without the map id, which a re-import replaces when the id is already stored. */
const withoutMapId = (text: string): unknown => splitMapField(text, 'id').rest;
const withoutUpdatedAt = (text: string): unknown => splitMapField(text, 'updatedAt').rest;

async function openAsNewMap(path: string, mapName: string): Promise<void> {
  await importFile(page, path);
  const choice = dialogNamed(page, `Import "${mapName}"`);
  await choice.getByRole('button', { name: 'Open as new map' }).click();
  await choice.waitFor({ state: 'detached' });
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'as a new map' }).count())
    .toBe(1);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cg-import-export-'));
  await mkdir('test-results', { recursive: true });
});
setUpAppPage(
  { ready: showsNode(mission?.title ?? ''), screenshots: 'importExport' },
  (app) => ({ page, errors } = app),
);

describe('export and import through the real UI', () => {
  it('exports JSON named after the map and imports it back as an equal map', async () => {
    const download = await exportAs(page, 'JSON');
    expect(download.suggestedFilename()).toBe('Northwind Analytics.json');
    const exported = await downloadedText(download);
    expect(exported).toContain('\n  "format": "common-ground"');
    const path = join(scratch, 'northwind.json');
    await writeFile(path, exported);

    await openAsNewMap(path, 'Northwind Analytics');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'already in your library' }).count())
      .toBe(1);
    const again = await downloadedText(await exportAs(page, 'JSON'));
    expect(withoutMapId(again)).toEqual(withoutMapId(exported));
    expect(splitMapField(again, 'id').value).not.toBe(splitMapField(exported, 'id').value);
  });

  it('exports a sharp 2× PNG with the map inside, which imports back as the same map', async () => {
    const json = await downloadedText(await exportAs(page, 'JSON'));
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'PNG' }).click();
    const dialog = dialogNamed(page, 'Export PNG');
    await expect.poll(() => dialog.getByRole('radio', { name: '2×' }).isChecked()).toBe(true);
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export PNG' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Northwind Analytics.png');
    const pngPath = 'test-results/export-example-2x.png';
    await copyFile(await download.path(), pngPath);
    const png = await readFile(pngPath);
    // IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBeGreaterThan(2000);
    expect(height).toBeGreaterThan(500);

    await openAsNewMap(pngPath, 'Northwind Analytics');
    const reopened = await downloadedText(await exportAs(page, 'JSON'));
    expect(withoutMapId(reopened)).toEqual(withoutMapId(json));
    await waitUntilSaved(page);
    expect(errors).toEqual([]);
  });

  it('replaces the current map from a file and undoes the replacement', async () => {
    const before = await downloadedText(await exportAs(page, 'JSON'));
    const small = {
      format: 'common-ground',
      version: 1,
      map: {
        id: 'm-small',
        name: 'Small map',
        description: '',
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
      },
      goals: [{ id: 'g1', title: 'Only goal', kind: 'mission' }],
      ...NO_OTHER_RECORDS,
    };
    const path = join(scratch, 'small.json');
    await writeFile(path, JSON.stringify(small));
    await importFile(page, path);
    await dialogNamed(page, 'Import "Small map"')
      .getByRole('button', { name: 'Replace the current map' })
      .click();
    await page.getByRole('group', { name: 'Only goal' }).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('group', { name: mission?.title ?? '' }).waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: 'test-results/import-replace-undone.png' });
    const after = await downloadedText(await exportAs(page, 'JSON'));
    expect(withoutUpdatedAt(after)).toEqual(withoutUpdatedAt(before));
  });

  it('opens a file dropped anywhere on the window, with a drop overlay while dragging', async () => {
    const text = JSON.stringify({
      format: 'common-ground',
      version: 1,
      map: {
        id: 'm-dropped',
        name: 'Dropped map',
        description: '',
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
      },
      goals: [{ id: 'g1', title: 'Dropped mission', kind: 'mission' }],
      ...NO_OTHER_RECORDS,
    });
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      return data;
    }, text);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
    await page.getByText('Drop to import').waitFor();
    await page.screenshot({ path: 'test-results/import-drop-overlay.png' });
    await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
    await expect.poll(() => page.getByText('Drop to import').count()).toBe(0);
    await dialogNamed(page, 'Import "Dropped map"')
      .getByRole('button', { name: 'Open as new map' })
      .click();
    await page.getByRole('group', { name: 'Dropped mission' }).waitFor();
  });

  it('has a keyboard-navigable Export menu that Escape closes', async () => {
    const button = page.getByRole('button', { name: 'Export', exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    const items = page.getByRole('menu', { name: 'Export' }).getByRole('menuitem');
    expect(await items.allTextContents()).toEqual([
      'JSON',
      'PNG',
      'SVG',
      'Conflict brief',
      'Mermaid',
      'GraphML',
      'CSV',
    ]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('JSON');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('SVG');
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('CSV');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('JSON');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    await expect.poll(() => button.evaluate((b) => b === document.activeElement)).toBe(true);
  });
});
