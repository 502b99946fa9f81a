import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildGoalIndex, findCommonGround } from '../../src/domain/engine';
import { createExampleMap } from '../../src/domain/exampleMap';
import type { StakeholderId } from '../../src/domain/ids';
import { describeClimb, namesOf } from '../../src/ui/explain';
import { setUpAppPage, showsNode } from './launch';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const index = buildGoalIndex(example);
const names = namesOf(example);
const mission = example.goals.find((g) => g.kind === 'mission');

let page: Page;
let errors: string[];

/** What the engine, run here in node, says about these parties: the goal and each climb. */
function expectedAnswer(parties: readonly StakeholderId[]): { goal: string; climbs: string[] } {
  const result = findCommonGround(index, parties);
  if (result.status !== 'found' && result.status !== 'already-shared') {
    throw new Error(`every example conflict has common ground, got ${result.status}`);
  }
  const nearest = result.answers[0];
  if (!nearest) throw new Error('an answered query has a nearest goal');
  return {
    goal: names.goal(nearest.goalId),
    climbs: nearest.climbs.map((c) => describeClimb(c, names)),
  };
}

const region = () => page.getByRole('region', { name: 'Common ground', exact: true });
const panel = () => page.getByRole('region', { name: 'Conflicts', exact: true });
const editor = () => page.getByRole('region', { name: 'Conflict', exact: true });

async function showConflicts(): Promise<void> {
  const button = page.getByRole('button', { name: 'Conflicts', exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await panel().waitFor();
}

setUpAppPage({ ready: showsNode(mission?.title ?? '') }, (app) => ({ page, errors } = app));

describe('conflicts', () => {
  it('opens every example conflict on its nearest common goal and the climbs the engine finds', async () => {
    for (const conflict of example.conflicts) {
      await showConflicts();
      await panel()
        .getByRole('button', { name: `Open conflict: ${conflict.title}` })
        .click();
      const { goal, climbs } = expectedAnswer(conflict.parties);
      await expect.poll(() => region().textContent()).toContain(`Nearest common goal: ${goal}`);
      const text = await region().textContent();
      for (const climb of climbs) expect(text).toContain(climb);
      await expect
        .poll(() => editor().getByRole('textbox', { name: 'Title' }).inputValue())
        .toBe(conflict.title);
      for (const party of conflict.parties) {
        const box = editor().getByRole('checkbox', { name: names.party(party), exact: true });
        expect(await box.isChecked()).toBe(true);
      }
    }
    await page.screenshot({ path: 'test-results/conflict-open.png' });
  });

  it('takes the agreed goal from the suggestion and shows it in the list', async () => {
    const discounting = example.conflicts.find((c) => c.id === 'c-discounting');
    if (!discounting) throw new Error('example conflict missing');
    await showConflicts();
    await panel()
      .getByRole('button', { name: `Open conflict: ${discounting.title}` })
      .click();
    const { goal } = expectedAnswer(discounting.parties);
    await editor().getByRole('button', { name: 'Use suggestion' }).click();
    const agreed = editor().getByRole('combobox', { name: 'Agreed goal' });
    await expect
      .poll(() =>
        agreed.evaluate((el) =>
          el instanceof HTMLSelectElement ? el.selectedOptions[0]?.text : '',
        ),
      )
      .toBe(goal);
    await editor().getByRole('combobox', { name: 'Status' }).selectOption('resolved');
    await editor().getByRole('button', { name: 'All conflicts' }).click();
    const item = panel().getByRole('button', { name: `Open conflict: ${discounting.title}` });
    await expect.poll(() => item.textContent()).toContain(`Agreed on ${goal}`);
    expect(await item.textContent()).toContain('Resolved');
  });

  it('creates a conflict, records a perspective, deletes it and brings it back with undo', async () => {
    await showConflicts();
    await panel().getByRole('button', { name: 'New conflict' }).click();
    const form = page.getByRole('form', { name: 'New conflict' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Cloud budget versus uptime');
    await form.getByRole('checkbox', { name: 'Tom Okafor', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Jonas Weber', exact: true }).check();
    await form.getByRole('button', { name: 'Create conflict' }).click();

    const tom = example.stakeholders.find((s) => s.name === 'Tom Okafor');
    const jonas = example.stakeholders.find((s) => s.name === 'Jonas Weber');
    if (!tom || !jonas) throw new Error('example people missing');
    const { goal } = expectedAnswer([tom.id, jonas.id]);
    await expect.poll(() => region().textContent()).toContain(`Nearest common goal: ${goal}`);
    const perspective = editor().getByRole('textbox', { name: 'Perspective of Jonas Weber' });
    await perspective.fill('I see outages every week; I need time to fix the ingest pipeline.');
    await perspective.press('Enter');
    await page.screenshot({ path: 'test-results/conflict-new.png' });

    await editor().getByRole('button', { name: 'All conflicts' }).click();
    const created = panel().getByRole('button', {
      name: 'Open conflict: Cloud budget versus uptime',
    });
    await created.waitFor();
    await page.screenshot({ path: 'test-results/conflicts-panel.png' });
    await panel()
      .getByRole('button', { name: 'Delete conflict: Cloud budget versus uptime' })
      .click();
    await created.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: 'Deleted conflict "Cloud budget versus uptime"' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await created.click();
    await expect
      .poll(() =>
        editor().getByRole('textbox', { name: 'Perspective of Jonas Weber' }).inputValue(),
      )
      .toBe('I see outages every week; I need time to fix the ingest pipeline.');
    expect(errors).toEqual([]);
  });
});
