import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { MapDocument } from '../../src/domain/model';
import { exportMapJson } from '../../src/io/json';

/**
 * Opens a map the way a user would: saved as a format-v1 file, handed to the toolbar's Import
 * button and opened as a new map. Resolves once the import dialog has closed.
 */
export async function openMapFile(page: Page, doc: MapDocument): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cg-e2e-map-'));
  const path = join(dir, `${doc.map.id}.json`);
  await writeFile(path, exportMapJson(doc));
  await page.getByLabel('Import file').setInputFiles(path);
  const dialog = page.getByRole('dialog', { name: `Import "${doc.map.name}"` });
  await dialog.getByRole('button', { name: 'Open as new map' }).click();
  await dialog.waitFor({ state: 'detached' });
}
