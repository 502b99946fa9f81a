import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import { asGoalId, asLinkId } from '../../src/domain/ids';
import type { MapDocument } from '../../src/domain/model';
import { exportMapJson } from '../../src/io/json';
import { HOSTILE_FILES, OVERSIZED_BYTES } from '../fixtures/hostile/hostileFiles';
import { newAppPage } from './browser';
import {
  dialogNamed,
  downloadedText,
  dumpIndexedDb,
  importFile,
  waitUntilSaved,
} from './importHelpers';
import { setUpAppPage, showsNode } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const mission = example.goals.find((g) => g.kind === 'mission');

const SCRIPT_LABEL = '<img src=x onerror=alert(1)>';
const LINK_LABEL = 'javascript:alert(document.domain)';

let browser: Browser;
let page: Page;
let errors: string[];
let scratch: string;
/** Every alert, confirm or prompt the page tried to open; a script label would add one. */
const dialogs: string[] = [];

/** The example map with a goal and a stakeholder named like an attack. */
function mapWithHostileLabels(): MapDocument {
  const parent = mission?.id ?? asGoalId('g-mission');
  const goalId = asGoalId('g-hostile');
  return {
    ...example,
    map: { ...example.map, name: 'Hostile labels' },
    goals: [
      ...example.goals,
      {
        id: goalId,
        title: SCRIPT_LABEL,
        kind: 'objective',
        description: '',
        metric: null,
        position: null,
        owner: null,
      },
      {
        id: asGoalId('g-link'),
        title: LINK_LABEL,
        kind: 'objective',
        description: LINK_LABEL,
        metric: null,
        position: null,
        owner: null,
      },
    ],
    links: [
      ...example.links,
      { id: asLinkId('l-hostile'), from: goalId, to: parent },
      { id: asLinkId('l-link'), from: asGoalId('g-link'), to: parent },
    ],
  };
}

/** A file of `bytes` zero bytes, written without holding it in memory. */
async function sparseFile(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'w');
  await handle.truncate(bytes);
  await handle.close();
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cg-hostile-'));
});
setUpAppPage(
  {
    beforeLoad: (opened) => {
      opened.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      return undefined;
    },
    ready: showsNode(mission?.title ?? ''),
  },
  (app) => ({ browser, page, errors } = app),
);
beforeAll(async () => {
  await waitUntilSaved(page);
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') {
    console.log('page errors:', errors);
    await page.screenshot({
      path: `test-results/hostile-failed-${task.name.replace(/\W+/g, '-')}.png`,
    });
  }
});

/** Finds a goal with the map's search box, which selects it and brings it into view. */
async function revealGoal(text: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search map' });
  await search.fill(text);
  await search.press('Enter');
}

/** The whole map as SVG, through the Export menu. */
async function exportedSvg(): Promise<string> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'SVG' }).click();
  const downloading = page.waitForEvent('download');
  await dialogNamed(page, 'Export SVG').getByRole('button', { name: 'Export SVG' }).click();
  return downloadedText(await downloading);
}

/** Parses the SVG as XML in the page and lists anything that could run script. */
function svgDangers(svg: string) {
  return page.evaluate((text) => {
    const xml = new DOMParser().parseFromString(text, 'image/svg+xml');
    const all = Array.from(xml.getElementsByTagName('*'));
    const attributes = all.flatMap((element) => Array.from(element.attributes));
    return {
      parsed: xml.getElementsByTagName('parsererror').length === 0,
      scripts: xml.getElementsByTagName('script').length,
      handlers: attributes.filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => a.name),
      links: attributes.filter((a) => /javascript:/i.test(a.value)).map((a) => a.name),
    };
  }, svg);
}

/** Imports the file through the Import button and returns the problems the error dialog lists. */
async function refusedProblems(path: string, name: string): Promise<string[]> {
  await importFile(page, path);
  const alert = page.getByRole('alertdialog', { name: `Could not import ${name}` });
  await alert.waitFor();
  const problems = await alert.getByRole('listitem').allTextContents();
  expect(await alert.textContent()).toContain('Nothing was changed.');
  await alert.getByRole('button', { name: 'Close' }).click();
  await alert.waitFor({ state: 'detached' });
  return problems;
}

describe('hostile files through the real UI', () => {
  it.each(HOSTILE_FILES)(
    '$name: shows its own message and leaves IndexedDB byte for byte unchanged',
    async ({ name, bytes, expected }) => {
      const path = join(scratch, name);
      await writeFile(path, bytes());
      const before = await dumpIndexedDb(page);
      const problems = await refusedProblems(path, name);
      expect(problems[0]).toMatch(new RegExp(`^${name.replace('.', '\\.')}: `));
      expect(problems[0]).toContain(expected);
      expect(await dumpIndexedDb(page)).toBe(before);
    },
  );

  it('refuses a goal titled only with spaces, with its path, as an edit would', async () => {
    const path = join(scratch, 'blank-title.json');
    const goals = example.goals.map((g, i) => (i === 3 ? { ...g, title: '   ' } : g));
    await writeFile(path, exportMapJson({ ...example, goals }));
    const before = await dumpIndexedDb(page);
    const problems = await refusedProblems(path, 'blank-title.json');
    expect(problems).toEqual([
      'blank-title.json: goals[3].title: expected a non-empty string, got "   " (only white space)',
    ]);
    expect(await dumpIndexedDb(page)).toBe(before);
    await page.getByRole('group', { name: mission?.title ?? '' }).waitFor();
  });

  it('refuses a file over the size limit before reading it', async () => {
    const path = join(scratch, 'oversized.json');
    await sparseFile(path, OVERSIZED_BYTES);
    const before = await dumpIndexedDb(page);
    const problems = await refusedProblems(path, 'oversized.json');
    expect(problems).toEqual(['oversized.json: whole file: file is 65.0 MB; the limit is 64 MB']);
    expect(await dumpIndexedDb(page)).toBe(before);
  });

  it('shows script and javascript: labels as plain text: no element, no link, no alert', async () => {
    const path = join(scratch, 'hostile-labels.json');
    await writeFile(path, exportMapJson(mapWithHostileLabels()));
    await importFile(page, path);
    await dialogNamed(page, 'Import "Hostile labels"')
      .getByRole('button', { name: 'Open as new map' })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Opened "Hostile labels" as a new map' })
      .waitFor();
    await page.getByRole('group', { name: mission?.title ?? '' }).waitFor();
    await revealGoal('<img');
    const node = page.getByRole('group', { name: SCRIPT_LABEL });
    await node.waitFor();
    expect(await node.textContent()).toContain(SCRIPT_LABEL);
    await revealGoal('javascript:');
    await page.getByRole('group', { name: LINK_LABEL }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(LINK_LABEL);
    await page.screenshot({ path: 'test-results/hostile-labels.png' });
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('[onerror]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    const svg = await exportedSvg();
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(await svgDangers(svg)).toEqual({ parsed: true, scripts: 0, handlers: [], links: [] });
    await waitUntilSaved(page);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps the app on screen and asks for a reload when the import dialog cannot be loaded', async () => {
    const fresh = await newAppPage(browser);
    // As after an update that removed the old files: the dialog's code is gone. Blocked for the
    // whole context, so the service worker cannot precache it either and serve it from there.
    await fresh.page.context().route(/ImportDialog-[\w-]+\.js$/, (route) => route.abort());
    await fresh.page.goto(inject('baseUrl'));
    await fresh.page.getByRole('group', { name: mission?.title ?? '' }).waitFor();
    const path = join(scratch, 'fine.json');
    await writeFile(path, exportMapJson(example));
    await fresh.page.getByLabel('Import file').setInputFiles(path);
    await fresh.page.getByRole('alert').filter({ hasText: 'Reload the page' }).waitFor();
    expect(await fresh.page.getByRole('button', { name: 'Import' }).isVisible()).toBe(true);
    await fresh.page.close();
  });
});
