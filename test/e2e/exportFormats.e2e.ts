import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createExampleMap } from '../../src/domain/exampleMap';
import { createEmptyMap, newGoal, newLink } from '../../src/domain/factories';
import { asGoalId, asLinkId, asMapId } from '../../src/domain/ids';
import type { MapDocument } from '../../src/domain/model';
import { exportMapJson } from '../../src/io/json';
import { PRINT_LONG_SIDE } from '../../src/ui/importExport/rasterize';
import { dialogNamed, downloadedText, exportAs, importFile } from './importHelpers';
import { setUpAppPage, showsNode } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const mission = example.goals.find((g) => g.kind === 'mission');
const conflict = example.conflicts[1];

let page: Page;
let errors: string[];

/** A mission with `count` KPIs side by side under it, each with a driver: wider than A3 prints. */
function wideMap(count: number): MapDocument {
  const mission = newGoal({ id: asGoalId('g-top'), title: 'Wide mission', kind: 'mission' });
  const kpi = (id: string) => newGoal({ id: asGoalId(id), title: `KPI ${id}`, kind: 'kpi' });
  // The layout wraps any tree to the screen's shape: a map gets this wide only when someone
  // drags a goal far out, which pins it there.
  const kpis = Array.from({ length: count }, (_, i) =>
    i === 0 ? { ...kpi(`g-${i}`), position: { x: 20_000, y: 0, pinned: true } } : kpi(`g-${i}`),
  );
  // Each KPI has a driver below it: layout stacks bare leaves in a compact block, not these.
  const drivers = Array.from({ length: count }, (_, i) => kpi(`g-${i}-driver`));
  const links = [
    ...kpis.map((k, i) => newLink(k.id, mission.id, asLinkId(`l-${i}`))),
    ...drivers.map((d, i) => newLink(d.id, asGoalId(`g-${i}`), asLinkId(`l-${i}-driver`))),
  ];
  const empty = createEmptyMap('Wide map', '2026-01-01T00:00:00.000Z', asMapId('m-wide'));
  return { ...empty, goals: [mission, ...kpis, ...drivers], links };
}

/** The orange outline the canvas and the SVG draw around the nearest common goal. */
const NEAREST_OUTLINE = 'stroke="#f08c00"';

async function exportedSvg(): Promise<string> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'SVG' }).click();
  const downloading = page.waitForEvent('download');
  await dialogNamed(page, 'Export SVG').getByRole('button', { name: 'Export SVG' }).click();
  return downloadedText(await downloading);
}

/** The canvas pane's size in CSS pixels and React Flow's zoom, read from its DOM. */
async function canvasZoom(): Promise<{ paneWidth: number; paneHeight: number; zoom: number }> {
  const box = await page.locator('.react-flow').boundingBox();
  const transform = await page.locator('.react-flow__viewport').getAttribute('style');
  const zoom = Number(/scale\(([\d.e-]+)\)/.exec(transform ?? '')?.[1]);
  if (!box || !(zoom > 0)) throw new Error(`cannot read the canvas view (${transform ?? ''})`);
  return { paneWidth: box.width, paneHeight: box.height, zoom };
}

/** Element and attribute counts of an XML file, parsed by the browser's own XML parser. */
function parseXml(text: string, type: DOMParserSupportedType) {
  return page.evaluate(
    ([source, mime]) => {
      const xml = new DOMParser().parseFromString(source, mime);
      const count = (tag: string) => xml.getElementsByTagName(tag).length;
      return { errors: count('parsererror'), nodes: count('node'), edges: count('edge') };
    },
    [text, type] as const,
  );
}

beforeAll(async () => {
  await mkdir('test-results', { recursive: true });
});
setUpAppPage(
  { ready: showsNode(mission?.title ?? ''), screenshots: 'exportFormats' },
  (app) => ({ page, errors } = app),
);

describe('export formats through the Export menu', () => {
  it('downloads a conflict brief as Markdown', async () => {
    if (!conflict) throw new Error('example needs conflicts');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Conflict brief' }).click();
    const dialog = dialogNamed(page, 'Conflict brief');
    await dialog
      .getByRole('combobox', { name: 'Conflict' })
      .selectOption({ label: conflict.title });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download Markdown' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`Northwind Analytics - ${conflict.title}.md`);
    const markdown = await downloadedText(download);
    expect(markdown).toMatch(/^# Conflict brief: /);
    expect(markdown).toContain('## Talking points');
  });

  it('opens a clean print view of the brief that prints nothing else', async () => {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Conflict brief' }).click();
    await dialogNamed(page, 'Conflict brief').getByRole('button', { name: 'Print view' }).click();
    const view = page.getByRole('region', { name: 'Conflict brief print view' });
    await view.getByRole('heading', { level: 1 }).waitFor();
    expect(await view.getByRole('heading', { level: 2 }).allTextContents()).toContain(
      'Talking points',
    );
    await page.screenshot({ path: 'test-results/brief-print-view.png' });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#root').isVisible()).toBe(false);
    expect(await view.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await page.screenshot({ path: 'test-results/brief-printed.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await view.getByRole('button', { name: 'Close' }).click();
    await view.waitFor({ state: 'detached' });
  });

  it('exports Mermaid, GraphML and CSV named after the map', async () => {
    const mermaid = await exportAs(page, 'Mermaid');
    expect(mermaid.suggestedFilename()).toBe('Northwind Analytics.mmd');
    expect(await downloadedText(mermaid)).toMatch(/^flowchart BT\n/);

    const graphml = await exportAs(page, 'GraphML');
    expect(graphml.suggestedFilename()).toBe('Northwind Analytics.graphml');
    expect(await parseXml(await downloadedText(graphml), 'application/xml')).toEqual({
      errors: 0,
      nodes: example.goals.length + example.stakeholders.length,
      edges:
        example.links.length +
        example.incentives.length +
        example.tradeOffs.length +
        example.reportingLines.length,
    });

    const csv = await exportAs(page, 'CSV');
    expect(csv.suggestedFilename()).toBe('Northwind Analytics.csv');
    const text = await downloadedText(csv);
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFFid,title,parent/);
    expect(text.split('\r\n').filter((line) => line !== '')).toHaveLength(example.goals.length + 1);
  });

  it('exports the whole map as SVG that parses as XML, with the open common-ground view', async () => {
    const plain = await exportedSvg();
    expect((await parseXml(plain, 'image/svg+xml')).errors).toBe(0);
    expect(plain).toContain(mission?.title.slice(0, 20) ?? '');
    expect(plain).not.toContain(NEAREST_OUTLINE);

    const [a, b] = [example.stakeholders[1], example.stakeholders[2]];
    if (!a || !b) throw new Error('example map needs stakeholders');
    await page.getByRole('checkbox', { name: a.name }).check();
    await page.getByRole('checkbox', { name: b.name }).check();
    await page.getByRole('button', { name: 'Find common ground' }).click();
    await page.getByRole('region', { name: 'Common ground', exact: true }).waitFor();
    const highlighted = await exportedSvg();
    expect(highlighted).toContain(NEAREST_OUTLINE);
    expect(highlighted).toContain(`stroke="${a.color}"`);
  });

  it('exports the current view as a PNG the size of the visible part of the map', async () => {
    // The camera may still be gliding to the last common-ground view: measure once it rests.
    let view = await canvasZoom();
    for (let settled = false; !settled;) {
      await page.waitForTimeout(200);
      const next = await canvasZoom();
      settled = next.zoom === view.zoom && next.paneWidth === view.paneWidth;
      view = next;
    }
    const { paneWidth, paneHeight, zoom } = view;
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'PNG' }).click();
    const dialog = dialogNamed(page, 'Export PNG');
    await dialog.getByRole('radio', { name: 'Current view' }).check();
    await dialog.getByRole('radio', { name: '1×' }).check();
    const described = await dialog.getByText(/^Picture: /).textContent();
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export PNG' }).click();
    const path = 'test-results/export-current-view-1x.png';
    await copyFile(await (await downloading).path(), path);
    const png = await readFile(path);
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(described).toBe(
      `Picture: ${width.toLocaleString('en-US')} × ${height.toLocaleString('en-US')} px`,
    );
    // At 1×, one pixel per flow unit: the pane's size divided by the zoom.
    expect(Math.abs(width - paneWidth / zoom)).toBeLessThanOrEqual(2);
    expect(Math.abs(height - paneHeight / zoom)).toBeLessThanOrEqual(2);
  });

  it('draws a map larger than A3 at 300 dpi at that size, and says so', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'cg-wide-')), 'wide.json');
    await writeFile(path, exportMapJson(wideMap(150)));
    await importFile(page, path);
    await dialogNamed(page, 'Import "Wide map"')
      .getByRole('button', { name: 'Open as new map' })
      .click();
    await page.getByRole('status').filter({ hasText: 'Opened "Wide map"' }).waitFor();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'PNG' }).click();
    const dialog = dialogNamed(page, 'Export PNG');
    await dialog
      .getByRole('note')
      .filter({ hasText: 'At 2× the picture would be larger than A3 at 300 dpi' })
      .waitFor();
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export PNG' }).click();
    const png = await readFile(await (await downloading).path());
    expect(png.readUInt32BE(16)).toBe(PRINT_LONG_SIDE);
    await page.getByRole('status').filter({ hasText: 'all a printer can use' }).waitFor();
    expect(errors).toEqual([]);
  });
});
