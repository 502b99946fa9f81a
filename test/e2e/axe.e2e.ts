import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type AxeCore from 'axe-core';
import { revealNode, screenshotOnFailure } from './browser';
import { setUpBrowser } from './launch';
import { startRelay } from '../../src/relay/relay';

/** axe-core's own build, injected into the page as a script (the app never ships it). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), {
  encoding: 'utf8',
});

let page: Page;

setUpBrowser(async (browser) => {
  // The app's Content-Security-Policy forbids inline scripts, axe's included: only this test
  // context lets it in.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    bypassCSP: true,
  });
  page = await context.newPage();
});
screenshotOnFailure('axe', () => page);

/** axe's violations on the page as it is now, one line per rule and element. */
async function violations(): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof AxeCore };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact ?? 'unknown'}): ${n.target.join(' ')}`),
    );
  });
}

/** Checks one screen; every finding is listed under the screen's name when it fails. */
async function expectNoViolations(screen: string): Promise<void> {
  // Let transitions (dimming fades in over 0.2 s) finish so axe sees the colours people see.
  await page.waitForTimeout(300);
  expect.soft({ screen, violations: await violations() }).toEqual({ screen, violations: [] });
}

/**
 * The lowest contrast of a dimmed goal's title or person's name against what is behind it, as
 * drawn: the dimmed box and its text blended over the canvas by the box's opacity. axe leaves
 * these undecided (text over a partly transparent box), so this test decides them.
 */
function lowestDimmedContrast(): Promise<{ count: number; lowest: number }> {
  return page.evaluate(() => {
    const rgba = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const blend = (top: number[], alpha: number, under: number[]) =>
      [0, 1, 2].map((i) => alpha * (top[i] ?? 0) + (1 - alpha) * (under[i] ?? 0));
    const opaqueBackground = (from: Element | null): number[] => {
      for (let e = from; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c[3] ?? 0) === 1) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const texts = document.querySelectorAll(
      '.cg-emph--dim .cg-goal__title, .cg-emph--dim .cg-person__name',
    );
    let lowest = Infinity;
    for (const text of texts) {
      const box = text.closest('.cg-emph--dim');
      if (!box) continue;
      const alpha = Number(getComputedStyle(box).opacity);
      const canvas = opaqueBackground(box.parentElement);
      const shownText = blend(rgba(getComputedStyle(text).color), alpha, canvas);
      const shownBox = blend(opaqueBackground(text), alpha, canvas);
      const [light, dark] = [luminance(shownText), luminance(shownBox)].sort((a, b) => b - a);
      lowest = Math.min(lowest, ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05));
    }
    return { count: texts.length, lowest };
  });
}

const button = (name: string) => page.getByRole('button', { name, exact: true });

describe('axe-core finds no violations', () => {
  it('on the first screen', async () => {
    await page.goto(inject('baseUrl'));
    await page.getByRole('group').first().waitFor();
    await page.getByRole('region', { name: 'Conflicts ready to explore' }).waitFor();
    await expectNoViolations('first screen');
  });

  it('in the inspector of a goal, a person and their view', async () => {
    await revealNode(page, 'Net revenue retention');
    await page.getByRole('group', { name: 'Net revenue retention', exact: true }).click();
    await page.getByRole('region', { name: 'Goal details' }).waitFor();
    // With its Owner, its trade-offs (one with Gross margin in the example) and their picker.
    await expectNoViolations('goal inspector');
    await page.screenshot({ path: 'test-results/axe-goal-inspector.png', fullPage: true });
    await page
      .getByRole('region', { name: 'Trade-offs of Net revenue retention' })
      .getByRole('button', { name: /Gross margin/ })
      .click();
    await page.getByRole('region', { name: 'Trade-off details' }).waitFor();
    await expectNoViolations('trade-off inspector');
    await revealNode(page, 'Tom Okafor');
    await page.getByRole('group', { name: 'Tom Okafor', exact: true }).click();
    await page.getByRole('region', { name: 'Stakeholder details' }).waitFor();
    // With Reports to (Tom reports to Maya in the example).
    await expectNoViolations('stakeholder inspector');
    await button('View as Tom Okafor').click();
    await page.waitForTimeout(500);
    await expectNoViolations('view as stakeholder');
  });

  it('in the conflicts panel, the new-conflict form and with a conflict open', async () => {
    await button('Conflicts').click();
    await page.getByRole('button', { name: 'Open conflict: Discounting at quarter end' }).waitFor();
    // With the conflict radar, which the example's trade-offs fill.
    await page
      .getByRole('region', { name: 'Conflict radar' })
      .getByRole('listitem')
      .first()
      .waitFor();
    await expectNoViolations('conflicts panel');
    await page.screenshot({ path: 'test-results/axe-conflict-radar.png' });
    await button('New conflict').click();
    await page.getByRole('form', { name: 'New conflict' }).waitFor();
    await expectNoViolations('new conflict form');
    await button('Cancel').click();
    await page.getByRole('button', { name: 'Open conflict: Discounting at quarter end' }).click();
    await page.getByRole('region', { name: 'Conflict', exact: true }).waitFor();
    await expectNoViolations('conflict open');
    const dimmed = await lowestDimmedContrast();
    expect(dimmed.count).toBeGreaterThan(0);
    expect(dimmed.lowest).toBeGreaterThanOrEqual(3);
  });

  it('in map health, the alignment matrix, the shortcuts and the command palette', async () => {
    await button('Map health').click();
    await page.waitForTimeout(300);
    await expectNoViolations('map health');
    await button('Map health').click();
    await button('Alignment matrix').click();
    await page.getByRole('dialog', { name: 'Alignment matrix' }).waitFor();
    await expectNoViolations('alignment matrix');
    await page.keyboard.press('Escape');
    await button('Keyboard shortcuts').click();
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectNoViolations('shortcuts');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await page.keyboard.type('lay');
    await expectNoViolations('command palette');
    await page.keyboard.type('zzz');
    await expectNoViolations('command palette, nothing found');
    await page.keyboard.press('Escape');
  });

  it('in history, the export menu and the export dialogs', async () => {
    await button('History').click();
    await page.getByRole('dialog', { name: /history/i }).waitFor();
    await expectNoViolations('history');
    await page.keyboard.press('Escape');
    await button('Export').click();
    await page.getByRole('menu', { name: 'Export' }).waitFor();
    await expectNoViolations('export menu');
    await page.getByRole('menuitem', { name: 'PNG' }).click();
    await page.getByRole('dialog').waitFor();
    await expectNoViolations('PNG export');
    await button('Cancel').click();
    await button('Export').click();
    await page.getByRole('menuitem', { name: 'Conflict brief' }).click();
    await page.getByRole('dialog').waitFor();
    await expectNoViolations('conflict brief');
    await button('Cancel').click();
  });

  it('in workshop mode', async () => {
    await button('Workshop mode').click();
    await page.getByRole('main', { name: 'Workshop mode' }).waitFor();
    await expectNoViolations('workshop mode');
    const dimmed = await lowestDimmedContrast();
    expect(dimmed.count).toBeGreaterThan(0);
    expect(dimmed.lowest).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await button('Agree on the shared goal').waitFor();
    await expectNoViolations('workshop mode, paths met');
    await page.keyboard.press('Escape');
  });

  it('with the map shared: the In this room list, in the editor and in workshop mode', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cg-axe-room-'));
    const relay = await startRelay({ port: 0, dataDir, log: () => undefined });
    try {
      await page.getByRole('banner').getByRole('button', { name: 'Share' }).click();
      const dialog = page.getByRole('dialog', { name: 'Share this map' });
      await dialog.getByRole('textbox', { name: 'Relay address' }).fill(relay.url);
      await dialog.getByRole('button', { name: 'Share as a room' }).click();
      await page
        .getByRole('dialog', { name: 'Shared as a room' })
        .getByRole('button', { name: 'Done' })
        .click();
      await page.getByRole('region', { name: 'In this room' }).waitFor();
      await expectNoViolations('in this room');
      await button('Workshop mode').click();
      await page.getByRole('main', { name: 'Workshop mode' }).waitFor();
      await page.getByRole('region', { name: 'In this room' }).waitFor();
      await expectNoViolations('in this room, workshop mode');
      await page.keyboard.press('Escape');
    } finally {
      await relay.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('in the library and on a new empty map', async () => {
    await button('Maps').click();
    await page.getByRole('main', { name: /maps/i }).waitFor();
    await expectNoViolations('library');
    await page.getByRole('button', { name: /empty/i }).first().click();
    await page.getByRole('button', { name: 'Add goal' }).waitFor();
    await expectNoViolations('empty map');
  });
});
