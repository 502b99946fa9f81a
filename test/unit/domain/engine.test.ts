import { describe, expect, it } from 'vitest';
import {
  buildAlignmentMatrix,
  buildGoalIndex,
  findCommonGround,
  toAlignmentMatrixJson,
  type CommonGround,
  type CommonGroundAnswered,
} from '../../../src/domain/engine';
import {
  asGoalId,
  asIncentiveId,
  asLinkId,
  asMapId,
  asStakeholderId as sid,
} from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';

/**
 * A small map from a terse spec: goals as ids (title = id) or [id, title], links as
 * "child>parent", incentives as stakeholder → goal ids (an empty list makes a stakeholder with none).
 */
function mapOf(spec: {
  goals: readonly (string | readonly [string, string])[];
  links: readonly string[];
  incentives: Readonly<Record<string, readonly string[]>>;
}): MapDocument {
  const goals = spec.goals.map((g) => {
    const [id, title] = typeof g === 'string' ? [g, g] : g;
    return {
      id: asGoalId(id),
      title,
      kind: 'objective' as const,
      description: '',
      metric: null,
      position: null,
      owner: null,
    };
  });
  const links = spec.links.map((l) => {
    const [from = '', to = ''] = l.split('>');
    return { id: asLinkId(l), from: asGoalId(from), to: asGoalId(to) };
  });
  const entries = Object.entries(spec.incentives);
  const stakeholders = entries.map(([id]) => ({
    id: sid(id),
    name: id,
    role: '',
    team: '',
    color: '#1864ab',
    notes: '',
    position: null,
  }));
  const incentives = entries.flatMap(([s, held]) =>
    held.map((g) => ({
      id: asIncentiveId(`${s}-${g}`),
      stakeholderId: sid(s),
      goalId: asGoalId(g),
      kind: 'measured' as const,
      weight: null,
      note: '',
    })),
  );
  const at = '2026-01-01T00:00:00.000Z';
  const map = { id: asMapId('m'), name: 'Test', description: '', createdAt: at, updatedAt: at };
  return {
    map,
    goals,
    links,
    stakeholders,
    incentives,
    conflicts: [],
    tradeOffs: [],
    reportingLines: [],
  };
}

/**
 *            M (mission)
 *          /   \
 *         A     B
 *        / \   / \
 *      a1  a2 b1  b2
 */
const tree = (incentives: Record<string, readonly string[]>) =>
  mapOf({
    goals: ['M', 'A', 'B', 'a1', 'a2', 'b1', 'b2'],
    links: ['A>M', 'B>M', 'a1>A', 'a2>A', 'b1>B', 'b2>B'],
    incentives,
  });

const ask = (doc: MapDocument, ...parties: string[]): CommonGround =>
  findCommonGround(buildGoalIndex(doc), parties.map(sid));

function answered(result: CommonGround): CommonGroundAnswered {
  if (result.status !== 'found' && result.status !== 'already-shared') {
    throw new Error(`expected an answer, got ${result.status}`);
  }
  return result;
}

const rankedIds = (result: CommonGround) => answered(result).answers.map((a) => a.goalId);

describe('findCommonGround: statuses', () => {
  it('finds the lowest common ancestor in a tree, with both paths up', () => {
    const result = answered(ask(tree({ s1: ['a1'], s2: ['a2'] }), 's1', 's2'));
    expect(result.status).toBe('found');
    expect(result.commonGoalCount).toBe(2);
    expect(result.answers).toEqual([
      {
        goalId: 'A',
        totalClimb: 2,
        maxClimb: 1,
        climbs: [
          { stakeholderId: 's1', climb: 1, path: ['a1', 'A'] },
          { stakeholderId: 's2', climb: 1, path: ['a2', 'A'] },
        ],
      },
    ]);
  });

  it('climbs two levels to the mission when the parties sit in different branches', () => {
    const [nearest] = answered(ask(tree({ s1: ['a1'], s2: ['b2'] }), 's1', 's2')).answers;
    expect(nearest?.goalId).toBe('M');
    expect(nearest?.totalClimb).toBe(4);
    expect(nearest?.climbs.map((c) => c.path)).toEqual([
      ['a1', 'A', 'M'],
      ['b2', 'B', 'M'],
    ]);
  });

  it('says the parties already share a goal when the nearest one needs no climb', () => {
    const result = answered(ask(tree({ s1: ['a1'], s2: ['a1'] }), 's1', 's2'));
    expect(result.status).toBe('already-shared');
    expect(result.answers[0]?.totalClimb).toBe(0);
    expect(result.answers[0]?.climbs.map((c) => c.path)).toEqual([['a1'], ['a1']]);
  });

  it('prefers a more specific common goal over a goal both parties hold directly', () => {
    // Both hold M, but A is common and lower: the definition ranks lowest common goals only.
    const result = answered(ask(tree({ s1: ['M', 'a1'], s2: ['M', 'a2'] }), 's1', 's2'));
    expect(result.status).toBe('found');
    expect(rankedIds(result)).toEqual(['A']);
  });

  it('names each side’s top goals when the trees are separate', () => {
    const doc = mapOf({
      goals: ['M1', 'x', 'M2', 'y', ['Z', 'Aardvark initiative']],
      links: ['x>M1', 'y>M2'],
      incentives: { s1: ['x', 'Z'], s2: ['y'] },
    });
    expect(ask(doc, 's1', 's2')).toEqual({
      status: 'no-common-goal',
      parties: ['s1', 's2'],
      topGoals: [
        { stakeholderId: 's1', topGoals: ['Z', 'M1'] },
        { stakeholderId: 's2', topGoals: ['M2'] },
      ],
    });
  });

  it('names the parties without incentives', () => {
    const doc = tree({ s1: ['a1'], s2: [], s3: [] });
    expect(ask(doc, 's1', 's2', 's3')).toEqual({
      status: 'party-without-incentives',
      parties: ['s1', 's2', 's3'],
      partiesWithoutIncentives: ['s2', 's3'],
    });
  });

  it('needs two distinct parties', () => {
    const doc = tree({ s1: ['a1'], s2: ['a2'] });
    expect(ask(doc)).toEqual({ status: 'too-few-parties', parties: [] });
    expect(ask(doc, 's1', 's1')).toEqual({ status: 'too-few-parties', parties: ['s1'] });
  });

  it('reports parties that are not in the map before anything else', () => {
    const doc = tree({ s1: ['a1'], s2: ['a2'] });
    expect(ask(doc, 's1', 'ghost')).toEqual({
      status: 'unknown-party',
      parties: ['s1', 'ghost'],
      unknownParties: ['ghost'],
    });
    expect(ask(doc, 'ghost').status).toBe('unknown-party');
  });

  it('counts a repeated party once', () => {
    const result = answered(ask(tree({ s1: ['a1'], s2: ['a2'] }), 's1', 's2', 's1'));
    expect(result.parties).toEqual(['s1', 's2']);
    expect(result.answers[0]?.climbs).toHaveLength(2);
  });
});

describe('findCommonGround: parties and ranking', () => {
  it('starts each path at whichever incentive goal is closest', () => {
    const result = answered(ask(tree({ s1: ['a1', 'b1'], s2: ['b2'] }), 's1', 's2'));
    expect(result.answers[0]).toMatchObject({ goalId: 'B', totalClimb: 2 });
    expect(result.answers[0]?.climbs[0]).toEqual({
      stakeholderId: 's1',
      climb: 1,
      path: ['b1', 'B'],
    });
  });

  it('answers for three parties', () => {
    const result = answered(ask(tree({ s1: ['a1'], s2: ['a2'], s3: ['b1'] }), 's1', 's2', 's3'));
    expect(result.answers[0]).toMatchObject({ goalId: 'M', totalClimb: 6, maxClimb: 2 });
    expect(result.answers[0]?.climbs.map((c) => c.stakeholderId)).toEqual(['s1', 's2', 's3']);
  });

  it('lists every lowest common goal of a DAG, equal climbs ordered by title', () => {
    // x and y both contribute to P ("Beta") and Q ("Alpha"); R is one level further for y.
    const doc = mapOf({
      goals: ['M', ['P', 'Beta'], ['Q', 'Alpha'], 'R', 'k', 'x', 'y'],
      links: ['P>M', 'Q>M', 'R>M', 'k>R', 'x>P', 'x>Q', 'x>R', 'y>P', 'y>Q', 'y>k'],
      incentives: { s1: ['x'], s2: ['y'] },
    });
    const result = answered(ask(doc, 's1', 's2'));
    expect(rankedIds(result)).toEqual(['Q', 'P', 'R']);
    expect(result.answers.map((a) => a.totalClimb)).toEqual([2, 2, 3]);
    expect(result.commonGoalCount).toBe(4);
  });

  it('breaks equal total climbs by the largest single climb before the title', () => {
    // U: 1 + 3 (max 3, title "Aaa"); V: 2 + 2 (max 2, title "Zzz").
    const doc = mapOf({
      goals: ['M', ['U', 'Aaa'], ['V', 'Zzz'], 'x1', 'y1', 'y2', 'y3', 'x', 'y'],
      links: ['U>M', 'V>M', 'x>U', 'x>x1', 'x1>V', 'y>y1', 'y1>y2', 'y2>U', 'y>y3', 'y3>V'],
      incentives: { s1: ['x'], s2: ['y'] },
    });
    const result = answered(ask(doc, 's1', 's2'));
    expect(result.answers.map((a) => [a.goalId, a.totalClimb, a.maxClimb])).toEqual([
      ['V', 4, 2],
      ['U', 4, 3],
    ]);
  });

  it('breaks equal titles by id so the order is deterministic', () => {
    const doc = mapOf({
      goals: ['M', ['G2', 'Same'], ['G1', 'Same'], 'x', 'y'],
      links: ['G1>M', 'G2>M', 'x>G1', 'x>G2', 'y>G1', 'y>G2'],
      incentives: { s1: ['x'], s2: ['y'] },
    });
    expect(rankedIds(ask(doc, 's1', 's2'))).toEqual(['G1', 'G2']);
  });

  it('gives the same answers when one index serves many queries of different sizes', () => {
    const index = buildGoalIndex(tree({ s1: ['a1'], s2: ['a2'], s3: ['b1'] }));
    const pair = () => findCommonGround(index, [sid('s1'), sid('s2')]);
    const first = pair();
    findCommonGround(index, [sid('s1'), sid('s2'), sid('s3')]);
    expect(pair()).toEqual(first);
  });
});

describe('buildAlignmentMatrix', () => {
  const doc = tree({ s1: ['a1'], s2: ['a2'], s3: ['b1'], s4: [] });

  it('gives every pair its total climb and nearest goal, symmetric, 0 on the diagonal', () => {
    const matrix = buildAlignmentMatrix(buildGoalIndex(doc));
    expect(matrix.stakeholders).toEqual(['s1', 's2', 's3', 's4']);
    expect(matrix.climbs).toEqual([
      [0, 2, 4, Infinity],
      [2, 0, 4, Infinity],
      [4, 4, 0, Infinity],
      [Infinity, Infinity, Infinity, Infinity],
    ]);
    expect(matrix.nearest[0]).toEqual(['a1', 'A', 'M', null]);
    expect(matrix.nearest[2]).toEqual(['M', 'M', 'b1', null]);
  });

  it('takes a subset in the given order and treats unknown stakeholders as unreachable', () => {
    const matrix = buildAlignmentMatrix(buildGoalIndex(doc), [sid('s3'), sid('ghost'), sid('s1')]);
    expect(matrix.climbs).toEqual([
      [0, Infinity, 4],
      [Infinity, Infinity, Infinity],
      [4, Infinity, 0],
    ]);
  });

  it('writes Infinity as null for JSON', () => {
    const json = toAlignmentMatrixJson(
      buildAlignmentMatrix(buildGoalIndex(doc), [sid('s1'), sid('s4')]),
    );
    expect(JSON.parse(JSON.stringify(json))).toEqual({
      stakeholders: ['s1', 's4'],
      climbs: [
        [0, null],
        [null, null],
      ],
      nearest: [
        ['a1', null],
        [null, null],
      ],
    });
  });
});
