/**
 * Screenshots of the layout for review (not a test): `npx vite build`, start `npx vite preview
 * --port 4179`, then `npx tsx test/screens/layoutShots.ts <out dir> [url]`. Takes the example map
 * fitted at 1280×720 and 1920×1080, the 150-goal bench map fitted and at the opening zoom, common
 * ground on it, and its whole-map PNG export.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';
import { openMapFile } from '../e2e/openMapFile';
import { generateMap } from '../bench/browser/generator';

const [out = '/tmp/shots', url = 'http://127.0.0.1:4179/'] = process.argv.slice(2);

async function zoomOf(page: Page): Promise<number> {
  const style = await page.locator('.react-flow__viewport').getAttribute('style');
  return Number(/scale\(([\d.]+)\)/.exec(style ?? '')?.[1] ?? Number.NaN);
}

async function settle(page: Page): Promise<void> {
  let zoom = await zoomOf(page);
  for (;;) {
    await page.waitForTimeout(400);
    const next = await zoomOf(page);
    if (next === zoom) return;
    zoom = next;
  }
}

async function shot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`${name}: zoom ${(await zoomOf(page)).toFixed(3)}`);
}

await mkdir(out, { recursive: true });
const browser = await launchBrowser();
for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(url);
  await page.getByRole('button', { name: 'Fit view' }).click();
  await shot(page, `example-fitted-${width}x${height}`);
  await page.close();
}
const page = await browser.newPage({
  viewport: { width: 1440, height: 900 },
  acceptDownloads: true,
});
await page.goto(url);
await page.getByRole('button', { name: 'Fit view' }).waitFor();
const doc = generateMap(150);
await openMapFile(page, doc);
await page.getByRole('button', { name: 'Fit view' }).waitFor();
await page.waitForTimeout(1500);
await shot(page, 'map150-opening');
await page.getByRole('button', { name: 'Fit view' }).click();
await shot(page, 'map150-fitted');
const [a, b] = [doc.stakeholders[0], doc.stakeholders[7]];
if (a && b) {
  await page.getByRole('checkbox', { name: a.name }).check();
  await page.getByRole('checkbox', { name: b.name }).check();
  await page.getByRole('button', { name: 'Find common ground' }).click();
  await page.waitForTimeout(1500);
  await shot(page, 'map150-common-ground');
  await page.getByRole('button', { name: 'Fit view' }).click();
  await shot(page, 'map150-common-ground-fitted');
}
await page.getByRole('button', { name: 'Export', exact: true }).click();
await page.getByRole('menuitem', { name: 'PNG' }).click();
const dialog = page.getByRole('dialog', { name: 'Export PNG' });
await dialog.getByRole('radio', { name: 'Whole map' }).check();
await dialog.getByRole('radio', { name: '1×' }).check();
console.log(await dialog.getByText(/^Picture: /).textContent());
const downloading = page.waitForEvent('download');
await dialog.getByRole('button', { name: 'Export PNG' }).click();
await copyFile(await (await downloading).path(), `${out}/map150-whole-map.png`);
await browser.close();
