import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeMap } from '../../../src/cli/analysis';
import { addConflict } from '../../../src/domain/commands';
import { asStakeholderId } from '../../../src/domain/ids';
import { importMapJson } from '../../../src/io/json';

const s = asStakeholderId;

function fixture() {
  const text = readFileSync(new URL('../../fixtures/v2/tradeoffs.json', import.meta.url), 'utf8');
  const result = importMapJson(text);
  if (!result.ok) throw new Error('the v2 fixture does not import');
  return result.value.doc;
}

describe('analyze: radar and escalation point', () => {
  it('lists the radar pair with its reason in words and their nearest common goal', () => {
    expect(analyzeMap(fixture()).radar).toEqual([
      {
        parties: ['s-dana', 's-tom'],
        partyNames: ['Dana', 'Tom'],
        score: 0.6 * 0.8 * 0.5,
        tradeOffId: 't1',
        reason:
          'Dana is rewarded on Win rate; Tom is measured on Gross margin; Win rate trades off ' +
          'against Gross margin (A deeper discount wins the deal and lowers margin.)',
        nearestGoalId: 'g-arr',
        nearestGoalTitle: 'Grow ARR efficiently',
      },
    ]);
  });

  it('says where each conflict lands and who owns the goal both serve', () => {
    const made = addConflict(fixture(), { title: 'Discounts', parties: [s('s-dana'), s('s-tom')] });
    if (!made.ok) throw new Error(made.error.message);
    const [conflict] = analyzeMap(made.value).conflicts;
    expect(conflict?.escalation).toEqual({
      status: 'found',
      managerId: 's-maya',
      steps: [1, 1],
      text:
        'If this escalates, it lands with Maya (CEO). The goal both already serve is ' +
        'Grow ARR efficiently, owned by Maya (CEO).',
    });
  });
});
