import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newConflict, newGoal, newIncentive, newLink } from '../../../src/domain/factories';
import { asConflictId, asIncentiveId, asLinkId } from '../../../src/domain/ids';
import { checkInvariants } from '../../../src/domain/invariants';
import type { Conflict, Goal, Link, MapDocument } from '../../../src/domain/model';
import { perspectivesRecord } from '../../../src/domain/model';
import { arbMapDocument } from './arbitraries';
import { g, s, sampleMap } from './commands.fixture';

const base = sampleMap();
const withLinks = (...extra: Link[]): MapDocument => ({
  ...base,
  links: [...base.links, ...extra],
});
const link = (id: string, from: string, to: string): Link => newLink(g(from), g(to), asLinkId(id));

describe('checkInvariants on valid maps', () => {
  it('finds nothing wrong with the sample map', () => {
    expect(checkInvariants(base)).toEqual([]);
  });

  it('finds nothing wrong with random valid maps', () => {
    fc.assert(
      fc.property(arbMapDocument(), (doc) => {
        expect(checkInvariants(doc)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('checkInvariants: ids', () => {
  it.each<[string, Partial<MapDocument>, string, number]>([
    ['goals', { goals: [...base.goals, newGoal({ id: g('g2'), title: 'Twin' })] }, 'g2', 4],
    ['links', { links: [...base.links, link('l1', 'g3', 'g1')] }, 'l1', 3],
    [
      'stakeholders',
      { stakeholders: [...base.stakeholders, ...base.stakeholders.slice(0, 1)] },
      's1',
      3,
    ],
    [
      'incentives',
      {
        incentives: [
          ...base.incentives,
          newIncentive({
            id: asIncentiveId('i2'),
            stakeholderId: s('s3'),
            goalId: g('g1'),
            kind: 'motivated',
          }),
        ],
      },
      'i2',
      2,
    ],
    [
      'conflicts',
      {
        conflicts: [
          ...base.conflicts,
          newConflict({ id: asConflictId('c1'), title: 'Again', parties: [s('s1'), s('s3')] }),
        ],
      },
      'c1',
      2,
    ],
  ])('reports a repeated id in %s', (list, change, id, index) => {
    expect(checkInvariants({ ...base, ...change })).toEqual([
      { path: `${list}[${index}].id`, message: `duplicate id "${id}"` },
    ]);
  });
});

describe('checkInvariants: links', () => {
  it('reports links to goals that do not exist', () => {
    expect(checkInvariants(withLinks(link('l4', 'g9', 'g1'), link('l5', 'g1', 'g8')))).toEqual([
      { path: 'links[3].from', message: 'unknown goal "g9"' },
      { path: 'links[4].to', message: 'unknown goal "g8"' },
    ]);
  });

  it('reports a goal linked to itself', () => {
    expect(checkInvariants(withLinks(link('l4', 'g3', 'g3')))).toEqual([
      { path: 'links[3]', message: 'links goal "g3" to itself' },
    ]);
  });

  it('reports a second link between the same two goals', () => {
    expect(checkInvariants(withLinks(link('l4', 'g3', 'g2')))).toEqual([
      { path: 'links[3]', message: 'duplicate link from "g3" to "g2" (same as links[1])' },
    ]);
  });

  it('reports the link that closes a cycle, naming the goals by id', () => {
    expect(checkInvariants(withLinks(link('l4', 'g1', 'g3')))).toEqual([
      { path: 'links[3]', message: 'would create a cycle g1 → g3 → g2 → g1' },
    ]);
  });

  it('reports the link that closes a cycle in array order, wherever the cycle starts', () => {
    const links = [link('a', 'g1', 'g3'), link('b', 'g2', 'g1'), link('c', 'g3', 'g2')];
    expect(checkInvariants({ ...base, links })).toEqual([
      { path: 'links[2]', message: 'would create a cycle g3 → g2 → g1 → g3' },
    ]);
  });

  it('reports each of several cycles once', () => {
    const doc = withLinks(link('l4', 'g1', 'g4'), link('l5', 'g2', 'g3'), link('l6', 'g1', 'g2'));
    expect(checkInvariants(doc)).toEqual([
      { path: 'links[3]', message: 'would create a cycle g1 → g4 → g2 → g1' },
      { path: 'links[4]', message: 'would create a cycle g2 → g3 → g2' },
      { path: 'links[5]', message: 'would create a cycle g1 → g2 → g1' },
    ]);
  });

  it('shortens the message for a long cycle', () => {
    const goals = Array.from({ length: 20 }, (_, i) => newGoal({ id: g(`c${i}`), title: `C${i}` }));
    const chain = goals.slice(1).map((goal, i) => link(`up${i}`, `c${i}`, goal.id));
    const doc = { ...base, goals, links: [...chain, link('back', 'c19', 'c0')], incentives: [] };
    expect(checkInvariants({ ...doc, conflicts: [] })).toEqual([
      {
        path: 'links[19]',
        message:
          'would create a cycle c19 → c0 → c1 → c2 → c3 → … 11 more … → c15 → c16 → c17 → c18 → c19',
      },
    ]);
  });

  it('sums up cycles too tangled to sort out one by one, naming one of them', () => {
    // Links of one big cycle listed against its direction make the one-by-one search quadratic.
    const n = 2200;
    const goals: Goal[] = Array.from({ length: n }, (_, i) =>
      newGoal({ id: g(`c${i}`), title: 'C' }),
    );
    const links = goals.map((_, k) => link(`l${k}`, `c${(n - 1 - k) % n}`, `c${(n - k) % n}`));
    const problems = checkInvariants({ ...base, goals, links, incentives: [], conflicts: [] });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toMatch(/^links\[\d+\]$/);
    expect(problems[0]?.message).toMatch(
      /^lies on a cycle c\d+ → c\d+ → .* → c\d+; \d+ more links on cycles were not checked one by one$/,
    );
  });
});

describe('checkInvariants: stakeholders, incentives and conflicts', () => {
  it('reports a colour that is not #rrggbb', () => {
    const stakeholders = base.stakeholders.map((x) =>
      x.id === 's2' ? { ...x, color: 'orange' } : x,
    );
    expect(checkInvariants({ ...base, stakeholders })).toEqual([
      { path: 'stakeholders[1].color', message: 'expected a colour like "#d9480f", got "orange"' },
    ]);
  });

  it('reports incentives on unknown records, repeated ties and weights outside 0–1', () => {
    const tie = (id: string, stakeholder: string, goal: string, weight: number | null) =>
      newIncentive({
        id: asIncentiveId(id),
        stakeholderId: s(stakeholder),
        goalId: g(goal),
        kind: 'rewarded',
        weight,
      });
    const incentives = [
      tie('i1', 's1', 'g4', 1.5),
      tie('i2', 's9', 'g7', null),
      tie('i3', 's1', 'g4', Number.NaN),
    ];
    expect(checkInvariants({ ...base, incentives })).toEqual([
      // Each record's own rules first, then the rules between records.
      { path: 'incentives[0].weight', message: 'expected a number from 0 to 1, or null, got 1.5' },
      { path: 'incentives[2].weight', message: 'expected a number from 0 to 1, or null, got NaN' },
      { path: 'incentives[1].stakeholderId', message: 'unknown stakeholder "s9"' },
      { path: 'incentives[1].goalId', message: 'unknown goal "g7"' },
      {
        path: 'incentives[2]',
        message: 'duplicate incentive: "s1" rewarded on "g4" (same as incentives[0])',
      },
    ]);
  });

  it('reports unknown, repeated and too few parties, stray perspectives and an unknown agreed goal', () => {
    const conflict = (parties: string[], extra: Partial<Conflict> = {}) => ({
      ...newConflict({
        id: asConflictId(`c${parties.join('')}`),
        title: 'T',
        parties: parties.map(s),
      }),
      ...extra,
    });
    const conflicts = [
      conflict(['s1', 's9']),
      conflict(['s1', 's2', 's1']),
      conflict(['s2']),
      conflict(['s1', 's2'], {
        perspectives: perspectivesRecord([
          ['s1', ''],
          ['s3', 'me too'],
        ]),
        agreedGoalId: g('g9'),
      }),
    ];
    expect(checkInvariants({ ...base, conflicts })).toEqual([
      {
        path: 'conflicts[2].parties',
        message: 'expected a list of at least 2 stakeholder ids, got a list of 1 item',
      },
      { path: 'conflicts[0].parties[1]', message: 'unknown stakeholder "s9"' },
      { path: 'conflicts[1].parties[2]', message: 'duplicate party "s1"' },
      { path: 'conflicts[3].perspectives.s3', message: 'not a party' },
      { path: 'conflicts[3].agreedGoalId', message: 'unknown goal "g9"' },
    ]);
  });
});

describe('checkInvariants on a large map', () => {
  // Heavy, not timed: the limit only guards against a hang (past 5 s on a loaded machine).
  it('checks 100k goals and 100k links, one deep chain among them, without recursion limits', () => {
    const n = 100_000;
    const goals = Array.from({ length: n }, (_, i) => newGoal({ id: g(`g${i}`), title: 'G' }));
    // The deepest possible chain, g0 → g1 → … → g99999, plus one shortcut: 100k links.
    const links: Link[] = [];
    for (let i = 0; i + 1 < n; i++) links.push(link(`a${i}`, `g${i}`, `g${i + 1}`));
    links.push(link('top', `g${n - 3}`, `g${n - 1}`));
    const doc = { ...base, goals, links, incentives: [], conflicts: [] };
    // Speed is measured in npm run bench, not asserted here: timed unit tests flake on busy machines.
    expect(checkInvariants(doc)).toEqual([]);
    const cyclic = { ...doc, links: [...links, link('back', `g${n - 1}`, 'g0')] };
    const problems = checkInvariants(cyclic);
    expect(problems.map((p) => p.path)).toEqual([`links[${n}]`]);
    expect(problems[0]?.message).toMatch(/^would create a cycle g99999 → g0 → g1 → g2 → g3 → … /);
  }, 30_000);
});
