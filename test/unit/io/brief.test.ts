import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { addConflict, addGoal, addStakeholder, addIncentive } from '../../../src/domain/commands';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { asConflictId, asGoalId, asStakeholderId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import type { CommandResult } from '../../../src/domain/commands';
import { buildConflictBrief } from '../../../src/io/brief';
import { escapeMarkdown, quoteBlock } from '../../../src/io/markdown';

const example = createExampleMap('2026-01-01T00:00:00.000Z');
const brief = (doc: MapDocument, id: string) => buildConflictBrief(doc, asConflictId(id));

function must(result: CommandResult): MapDocument {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The example map plus Ana, who holds nothing yet, and Ben, whose goal is in a tree of its own. */
function withOutsiders(): MapDocument {
  let doc = must(addStakeholder(example, { id: asStakeholderId('s-ana'), name: 'Ana' }));
  doc = must(addStakeholder(doc, { id: asStakeholderId('s-ben'), name: 'Ben' }));
  doc = must(addGoal(doc, { id: asGoalId('g-side'), title: 'Side project', kind: 'objective' }));
  doc = must(
    addIncentive(doc, {
      stakeholderId: asStakeholderId('s-ben'),
      goalId: asGoalId('g-side'),
      kind: 'motivated',
    }),
  );
  doc = must(
    addConflict(doc, {
      id: asConflictId('c-none'),
      title: 'Separate worlds',
      parties: [asStakeholderId('s-ben'), asStakeholderId('s-vp-sales')],
    }),
  );
  return must(
    addConflict(doc, {
      id: asConflictId('c-empty'),
      title: 'Nobody knows what Ana wants',
      parties: [asStakeholderId('s-ana'), asStakeholderId('s-cfo')],
    }),
  );
}

const SECTIONS = [
  '# Conflict brief: ',
  '## The parties',
  '## Common ground',
  '## Each party’s perspective',
  '## Agreed goal',
  '## Notes',
  '## Talking points',
];

describe('buildConflictBrief on the example map', () => {
  it.each(example.conflicts.map((c) => c.id))('%s has every section, in order', (id) => {
    const text = brief(example, id);
    const at = SECTIONS.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('found: the nearest common goal, each party’s path up, and talking points from the data', () => {
    const text = brief(example, 'c-discounting');
    expect(text).toContain('# Conflict brief: Discounting at quarter end');
    expect(text).toContain('### Dana Reyes (VP Sales, Sales)');
    expect(text).toContain(
      '- Rewarded on **New ARR** (2400 €k → 3600 €k ↑), weight 60%: “Rewarded on new bookings: 60% of bonus is new ARR.”',
    );
    expect(text).toContain(
      'Nearest common goal: **Grow ARR efficiently**, a total climb of 3 levels (the longest is 2 levels).',
    );
    expect(text).toContain(
      '- Dana Reyes climbs 2 levels: **New ARR** → **Win the right deals** → **Grow ARR efficiently**',
    );
    expect(text).toContain(
      '> A 25% discount closes the deal this quarter; without it we miss the number.',
    );
    expect(text).toContain('_Not agreed yet._');
    expect(text).toContain(
      '2. Dana Reyes is rewarded on **New ARR** (weight 60%), 2 levels below **Grow ARR efficiently**.',
    );
  });

  it('already shared: says so, lists alternatives and the agreed goal', () => {
    const text = brief(example, 'c-hiring-plan');
    expect(text).toContain(
      'You already share **Operating margin**: every party holds an incentive on it.',
    );
    expect(text).toContain('Also shared, a little further away:');
    expect(text).toContain('## Agreed goal\n\n**Operating margin**\n');
    expect(text).toContain(
      'is at \\-8% against a target of 5%: ask what each side would do to close the gap.',
    );
  });

  it('three parties: every path, and "all" in the talking points', () => {
    const text = brief(example, 'c-enterprise-sso');
    expect(text).toContain('3 parties');
    expect(text.match(/^- .+ climbs \d+ levels?: /gm)).toHaveLength(3);
    expect(text).toContain('you were all judged on?');
  });

  it('no common goal: each side’s top goals and the offer to link them to the mission', () => {
    const text = brief(withOutsiders(), 'c-none');
    expect(text).toContain('No common goal yet: the parties’ goals sit in separate trees.');
    expect(text).toContain('- Ben reaches up to **Side project**');
    expect(text).toContain(
      'Linking those goals to **Every mid-market team decides with trustworthy data** would give everyone a shared goal.',
    );
  });

  it('a party without incentives: names them and what to find out', () => {
    const text = brief(withOutsiders(), 'c-empty');
    expect(text).toContain('### Ana\n\n- No incentives recorded yet.');
    expect(text).toContain('Ana: no incentives recorded, so there is nothing to walk up from yet.');
    expect(text).toContain(
      '1. Before the meeting, find out what Ana is measured, rewarded and motivated by.',
    );
  });

  it('a conflict no longer in the map', () => {
    expect(brief(example, 'c-gone')).toBe(
      '# Conflict brief\n\nThis conflict is no longer in the map.\n',
    );
  });
});

/** The brief as GitHub-flavoured HTML, as a wiki or an issue tracker would show it. */
const render = (markdown: string) => marked.parse(markdown, { async: false, gfm: true });

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every tag the HTML opens, counted: user text must not add a single one. */
function tagCounts(html: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [, tag = ''] of html.matchAll(/<([a-z][a-z0-9]*)/g))
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return counts;
}

const baseline = tagCounts(render(brief(example, 'c-discounting')));

describe('user text in the brief stays text', () => {
  const hostile: MapDocument = {
    ...example,
    conflicts: example.conflicts.map((c) =>
      c.id === 'c-discounting'
        ? {
            ...c,
            title: '[click](javascript:alert(1)) <img src=x onerror=alert(1)> ![i](x.png)',
            notes: '# Not a heading\n- not a list\n1. not a list\n<script>alert(1)</script>\n---',
            perspectives: {
              ...c.perspectives,
              's-cfo': 'See https://evil.example and www.evil.example or a@b.example',
            },
          }
        : c,
    ),
    stakeholders: example.stakeholders.map((s) =>
      s.id === 's-vp-sales'
        ? { ...s, name: '*Dana* _Reyes_ ~~x~~ `code` | a | b |', role: '<b>VP</b>' }
        : s,
    ),
  };
  const html = render(brief(hostile, 'c-discounting'));

  it('renders no link, image, script, emphasis, code, table or rule from user text', () => {
    expect(tagCounts(html)).toEqual(baseline);
  });

  it('shows each text as typed', () => {
    const text = decode(html);
    expect(text).toContain(
      'Conflict brief: [click](javascript:alert(1)) <img src=x onerror=alert(1)> ![i](x.png)',
    );
    expect(text).toContain('*Dana* _Reyes_ ~~x~~ `code` | a | b | (<b>VP</b>, Sales)');
    expect(text).toContain('See https://evil.example and www.evil.example or a@b.example');
    expect(text).toContain(
      '# Not a heading\n- not a list\n1. not a list\n<script>alert(1)</script>\n---',
    );
  });

  it('holds for any title', () => {
    const arbText = fc.string({
      unit: fc.constantFrom(
        '*',
        '_',
        '[',
        ']',
        '(',
        ')',
        '<',
        '>',
        '#',
        '+',
        '-',
        '!',
        '|',
        '~',
        '&',
        '$',
        '@',
        ':',
        '/',
        '.',
        '`',
        '\\',
        '=',
        '1',
        'w',
        'h',
        't',
        'p',
        's',
        'a',
        ' ',
      ),
      maxLength: 24,
    });
    fc.assert(
      fc.property(
        arbText.filter((t) => t.trim() !== ''),
        (title) => {
          const doc = { ...example, conflicts: example.conflicts.map((c) => ({ ...c, title })) };
          const out = render(brief(doc, 'c-discounting'));
          expect(tagCounts(out)).toEqual(baseline);
          const heading = /<h1>(.*)<\/h1>/.exec(out)?.[1] ?? '';
          expect(decode(heading)).toBe(`Conflict brief: ${title.trim()}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('escapeMarkdown and quoteBlock', () => {
  it('escape only what Markdown would read as syntax', () => {
    expect(escapeMarkdown('Grow ARR 20% (net), fast!')).toBe('Grow ARR 20% (net), fast!');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('- dash')).toBe('\\- dash');
    expect(escapeMarkdown('line\nbreak')).toBe('line break');
  });

  it('quote every line of a multi-line note', () => {
    expect(quoteBlock('one\n\n> two')).toBe('> one\n>\n> \\> two');
  });
});
