import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import {
  dialogNamed,
  downloadedText,
  dumpIndexedDb,
  exportAs,
  importFile,
  waitUntilSaved,
} from './importHelpers';
import { setUpAppPage, showsNode } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const mission = example.goals.find((g) => g.kind === 'mission');

/** A KPI tree as a European spreadsheet saves it: semicolons, CRLF, a BOM, a quoted newline. */
const KPI_CSV = [
  '\uFEFFID;Title;Parent;Kind;Unit;Current;Target;Direction',
  `${mission?.id ?? ''};${mission?.title ?? ''};;mission;;;;`,
  `o-admins;"Delight admins;\nquickly";${mission?.id ?? ''};objective;;;;`,
  'k-nps;Admin NPS;o-admins;kpi;pts;31;45;up',
].join('\r\n');

let page: Page;
let errors: string[];
let scratch: string;

async function writeCsv(name: string, text: string): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, text);
  return path;
}

async function goalCount(): Promise<number> {
  const file: unknown = JSON.parse(await downloadedText(await exportAs(page, 'JSON')));
  const goals: unknown =
    typeof file === 'object' && file !== null ? Reflect.get(file, 'goals') : null;
  if (!Array.isArray(goals)) throw new Error('exported map has no goals');
  return goals.length;
}

/** Opens the preview of `path` with "the current map" as target and returns the dialog. */
async function previewIntoCurrentMap(path: string, name: string) {
  await importFile(page, path);
  const dialog = dialogNamed(page, `Import goals from ${name}`);
  await dialog.getByRole('radio', { name: /^The current map/ }).check();
  return dialog;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cg-csv-'));
});
setUpAppPage(
  { ready: showsNode(mission?.title ?? ''), screenshots: 'csvImport' },
  (app) => ({ page, errors } = app),
);

describe('CSV import of a KPI tree', () => {
  it('previews what each row does, then updates the open map by id', async () => {
    const before = await goalCount();
    const dialog = await previewIntoCurrentMap(await writeCsv('kpis.csv', KPI_CSV), 'kpis.csv');
    await dialog.getByText('3 goal rows: 2 to create, 0 to update, 1 unchanged.').waitFor();
    const rows = await dialog.getByRole('row').allTextContents();
    expect(rows.slice(1)).toEqual([
      `2${mission?.id ?? ''}${mission?.title ?? ''}No change`,
      '3o-adminsDelight admins;\nquicklyCreate',
      '4k-npsAdmin NPSCreate',
    ]);
    await page.screenshot({ path: 'test-results/csv-preview.png' });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await goalCount()).toBe(before + 2);
  });

  it('re-importing the same file updates and never duplicates', async () => {
    const before = await goalCount();
    const dialog = await previewIntoCurrentMap(await writeCsv('kpis.csv', KPI_CSV), 'kpis.csv');
    await dialog.getByText('3 goal rows: 0 to create, 0 to update, 3 unchanged.').waitFor();
    await dialog.getByRole('button', { name: 'Import' }).click();
    expect(await goalCount()).toBe(before);

    const changed = KPI_CSV.replace(
      'k-nps;Admin NPS;o-admins;kpi;pts;31',
      'k-nps;Admin NPS;o-admins;kpi;pts;38',
    );
    const update = await previewIntoCurrentMap(await writeCsv('kpis.csv', changed), 'kpis.csv');
    await update.getByText('3 goal rows: 0 to create, 1 to update, 2 unchanged.').waitFor();
    await update.getByRole('button', { name: 'Import' }).click();
    expect(await goalCount()).toBe(before);
  });

  it('lists each bad row with its column, offers no import and stores nothing', async () => {
    await waitUntilSaved(page);
    const before = await dumpIndexedDb(page);
    const bad = `${KPI_CSV}\r\nk-bad;Broken;nowhere;kpi;;lots;;`;
    await importFile(page, await writeCsv('bad.csv', bad));
    const dialog = dialogNamed(page, 'Import goals from bad.csv');
    const region = dialog.getByRole('region', { name: 'Problems' });
    await region.waitFor();
    const problems = await region.getByRole('listitem').allTextContents();
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^bad\.csv: row 5, column "current": /)]),
    );
    expect(await dialog.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dumpIndexedDb(page)).toBe(before);
  });

  it('imports a CSV as a new map named after the file', async () => {
    await importFile(page, await writeCsv('Admin goals.csv', KPI_CSV));
    await dialogNamed(page, 'Import goals from Admin goals.csv')
      .getByRole('button', { name: 'Import' })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Opened "Admin goals" as a new map' })
      .waitFor();
    expect(await goalCount()).toBe(3);
    expect(errors).toEqual([]);
  });
});
