import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { validateStoredMaps } from '../unit/db/storedMaps';
import { waitUntilSaved } from './importHelpers';
import { readRawTables } from './storedMaps';
import { setUpAppPage } from './launch';

/**
 * The example conflict's situation built from an empty map with the keyboard alone: no click,
 * no drag. Controls are reached with focus() (what Tab presses would do) and used with keys.
 */
let page: Page;
let errors: string[];
setUpAppPage({ load: false, screenshots: 'keyboardOnly' }, (app) => ({ page, errors } = app));

const key = (k: string) => page.keyboard.press(k);
const type = (text: string) => page.keyboard.type(text);
async function press(control: Locator, k = 'Enter'): Promise<void> {
  await control.focus();
  await key(k);
}
/** Space ticks a box that is not ticked yet (a new conflict starts with the picked parties). */
async function tick(box: Locator): Promise<void> {
  if (!(await box.isChecked())) await press(box, 'Space');
}
const button = (name: string) => page.getByRole('button', { name, exact: true });
const focused = (l: Locator) => l.evaluate((e) => e === document.activeElement);

/** `G`: a goal below the selected one; its title is focused, typed, and kept by Escape. */
async function addGoal(title: string): Promise<void> {
  await key('g');
  const field = page.getByRole('region', { name: 'Goal details' }).getByRole('textbox', {
    name: 'Title',
  });
  await expect.poll(() => focused(field)).toBe(true);
  await type(title);
  await key('Escape');
  await page.getByRole('group', { name: title, exact: true }).waitFor();
}

/** `/`, the goal's name and Enter select it, as a user finds it. */
async function selectGoal(title: string): Promise<void> {
  await key('/');
  await type(title);
  await key('Enter');
  await key('Escape');
}

/** `P`: a person, named in the focused Name field; then an incentive picked in the inspector. */
async function addPerson(name: string, goal: string, kind: string): Promise<void> {
  await key('p');
  const details = page.getByRole('region', { name: 'Stakeholder details' });
  await expect.poll(() => focused(details.getByRole('textbox', { name: 'Name' }))).toBe(true);
  await key('Control+a');
  await type(name);
  await key('Enter');
  const picker = details.getByRole('group', { name: 'Add incentive…' });
  // The kind starts at "measured"; a letter picks another (type-ahead, as in any select).
  if (kind !== 'measured')
    await press(picker.getByRole('combobox', { name: 'Kind' }), kind.charAt(0));
  await picker.getByRole('searchbox', { name: 'Find a goal' }).focus();
  await type(goal);
  await key('Enter');
  await details.getByRole('button', { name: `${kind} on “${goal}”` }).waitFor();
  await key('Escape');
}

describe('a map built with the keyboard alone', () => {
  it('holds goals, a second parent, two people with incentives, and their common ground', async () => {
    await page.goto(inject('baseUrl'));
    await press(button('New map'));
    await page.getByRole('note').getByText('An empty map').waitFor();
    await addGoal('Make work joyful');
    await addGoal('Grow revenue');
    await addGoal('New ARR');
    await selectGoal('Make work joyful');
    await addGoal('Delight customers');
    await addGoal('NPS');
    const contributes = page.getByRole('group', { name: 'Contributes to…' });
    await contributes.getByRole('searchbox', { name: 'Find a goal' }).focus();
    await type('Grow');
    await key('Enter');
    await page.getByRole('button', { name: 'Link to “Grow revenue”' }).waitFor();
    await key('Escape');
    await addPerson('Dana', 'New ARR', 'rewarded');
    await addPerson('Tom', 'NPS', 'measured');
    await tick(page.getByRole('checkbox', { name: 'Dana' }));
    await tick(page.getByRole('checkbox', { name: 'Tom' }));
    await press(button('Find common ground'));
    const answer = page.getByRole('region', { name: 'Common ground', exact: true });
    await expect.poll(() => answer.textContent()).toContain('Grow revenue');
  });

  it('moves between goals along the tree with the arrow keys', async () => {
    await selectGoal('Grow revenue');
    await page.getByRole('group', { name: 'Grow revenue', exact: true }).focus();
    // Down goes to the child drawn nearest below (New ARR, or NPS with its two parents).
    const centreX = async (title: string) => {
      const box = await page.getByRole('group', { name: title, exact: true }).boundingBox();
      if (!box) throw new Error(`${title} is not drawn`);
      return box.x + box.width / 2;
    };
    const from = await centreX('Grow revenue');
    const children = ['New ARR', 'NPS'];
    const distances = await Promise.all(
      children.map(async (t) => Math.abs((await centreX(t)) - from)),
    );
    const nearest = children[distances.indexOf(Math.min(...distances))] ?? '';
    await key('ArrowDown');
    const child = page.getByRole('group', { name: nearest, exact: true });
    await expect.poll(() => focused(child)).toBe(true);
    await key('ArrowUp');
    await key('ArrowUp');
    await expect
      .poll(() => focused(page.getByRole('group', { name: 'Make work joyful', exact: true })))
      .toBe(true);
    await key('Escape');
  });

  it('records the conflict, walks it in workshop mode and keeps the agreement', async () => {
    await press(button('Conflicts'));
    await press(button('New conflict'));
    const form = page.getByRole('form', { name: 'New conflict' });
    await form.getByRole('textbox', { name: 'Title' }).focus();
    await type('Discounting at quarter end');
    await tick(form.getByRole('checkbox', { name: 'Dana' }));
    await tick(form.getByRole('checkbox', { name: 'Tom' }));
    await press(button('Create conflict'));
    const first = page.getByRole('textbox', { name: 'Perspective of Dana' });
    await expect.poll(() => focused(first)).toBe(true);
    await type('The discount closes the deal.');
    await key('Tab');
    await type('Discounted customers stay shorter.');
    await key('Escape');
    await press(button('Workshop mode'));
    const reveal = page
      .getByRole('complementary', { name: 'Walk up the tree' })
      .getByRole('status');
    for (let i = 0; i < 4 && !((await reveal.textContent()) ?? '').includes('meet'); i++) {
      await key('ArrowRight');
    }
    await press(button('Agree on the shared goal'));
    await type('A discount floor tied to retention.');
    await key('Escape');
    await button('Add goal').waitFor();
  });

  it('adds a trade-off and a reporting line with the keyboard alone', async () => {
    await selectGoal('NPS');
    const picker = page.getByRole('group', { name: 'Add trade-off…' });
    await picker.getByRole('textbox', { name: 'Why they pull apart' }).focus();
    await type('Discounts win deals and cost goodwill');
    await key('Escape');
    await picker.getByRole('searchbox', { name: 'Find a goal' }).focus();
    await type('New ARR');
    await key('Enter');
    await page
      .getByRole('region', { name: 'Trade-offs of NPS' })
      .getByRole('button', { name: '“New ARR” — Discounts win deals and cost goodwill' })
      .waitFor();
    await key('Escape');
    await selectGoal('Tom');
    const details = page.getByRole('region', { name: 'Stakeholder details' });
    await press(details.getByRole('combobox', { name: 'Reports to' }), 'd');
    await expect
      .poll(() => details.getByRole('combobox', { name: 'Reports to' }).inputValue())
      .not.toBe('');
  });

  it('stored all of it in IndexedDB', async () => {
    await waitUntilSaved(page);
    const stored = [...validateStoredMaps(await readRawTables(page)).values()].map((m) => m.doc);
    const doc = stored.find((d) => d.goals.some((g) => g.title === 'NPS'));
    if (!doc) throw new Error('the map built with the keyboard is not stored');
    const id = (title: string) => doc.goals.find((g) => g.title === title)?.id;
    const person = (name: string) => doc.stakeholders.find((s) => s.name === name)?.id;
    expect(doc.goals.map((g) => g.title).sort()).toEqual(
      ['Delight customers', 'Grow revenue', 'Make work joyful', 'NPS', 'New ARR'].sort(),
    );
    const parentsOfNps = doc.links.filter((l) => l.from === id('NPS')).map((l) => l.to);
    expect(parentsOfNps.sort()).toEqual([id('Delight customers'), id('Grow revenue')].sort());
    expect(doc.incentives.map((i) => [i.stakeholderId, i.goalId, i.kind]).sort()).toEqual(
      [
        [person('Dana'), id('New ARR'), 'rewarded'],
        [person('Tom'), id('NPS'), 'measured'],
      ].sort(),
    );
    expect(doc.tradeOffs.map((t) => [t.a, t.b, t.note])).toEqual([
      [id('NPS'), id('New ARR'), 'Discounts win deals and cost goodwill'],
    ]);
    expect(doc.reportingLines.map((r) => [r.from, r.to])).toEqual([
      [person('Tom'), person('Dana')],
    ]);
    const conflict = doc.conflicts[0];
    expect(conflict?.title).toBe('Discounting at quarter end');
    expect(conflict?.parties).toEqual([person('Dana'), person('Tom')]);
    expect(conflict?.agreedGoalId).toBe(id('Grow revenue'));
    expect(conflict?.notes).toBe('A discount floor tied to retention.');
    expect(Object.values(conflict?.perspectives ?? {}).sort()).toEqual(
      ['Discounted customers stay shorter.', 'The discount closes the deal.'].sort(),
    );
    expect(errors).toEqual([]);
  });
});
