import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEmptyMap, newGoal, newStakeholder } from '../../../src/domain/factories';
import { createExampleMap } from '../../../src/domain/exampleMap';
import type { MapDocument } from '../../../src/domain/model';
import { findMatches, MAX_MATCHES } from '../../../src/ui/editor/searchRank';

const NOW = '2026-01-01T00:00:00.000Z';

function mapWith(titles: readonly string[], people: readonly string[]): MapDocument {
  return {
    ...createEmptyMap('Search', NOW),
    goals: titles.map((title) => newGoal({ title })),
    stakeholders: people.map((name) => newStakeholder({ name })),
  };
}

describe('findMatches', () => {
  it('finds the person "Tom" before a goal that merely contains the letters', () => {
    const labels = findMatches(createExampleMap(NOW), 'Tom').map((m) => m.label);
    expect(labels[0]).toBe('Tom Okafor');
    expect(labels).toContain('Customers stay and expand');
  });

  it('ranks exact, then starts with, then a word starting with, then anywhere', () => {
    const doc = mapWith(['Net revenue', 'Revenue growth', 'Grow net revenue'], ['Revenue']);
    expect(findMatches(doc, 'revenue').map((m) => [m.kind, m.label])).toEqual([
      ['stakeholder', 'Revenue'],
      ['goal', 'Revenue growth'],
      ['goal', 'Grow net revenue'],
      ['goal', 'Net revenue'],
    ]);
    expect(findMatches(mapWith(['Prevent churn', 'Event count'], []), 'event')[0]?.label).toBe(
      'Event count',
    );
  });

  it('finds people by role or team too', () => {
    const doc = {
      ...mapWith([], []),
      stakeholders: [newStakeholder({ name: 'Ana', role: 'CFO' })],
    };
    expect(findMatches(doc, 'cfo').map((m) => m.label)).toEqual(['Ana']);
  });

  it('returns only matches, never more than the list shows, best first', () => {
    const word = fc.stringMatching(/^[a-c ]{1,6}$/);
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 20 }),
        fc.array(word, { maxLength: 5 }),
        word,
        (titles, people, query) => {
          const doc = mapWith(titles, people);
          const q = query.trim().toLowerCase();
          const found = findMatches(doc, query);
          expect(found.length).toBeLessThanOrEqual(MAX_MATCHES);
          for (const m of found) expect(m.label.toLowerCase()).toContain(q);
          const all = [...titles, ...people].filter((t) => q !== '' && t.toLowerCase().includes(q));
          expect(found.length).toBe(Math.min(all.length, MAX_MATCHES));
          const exact = all.filter((t) => t.toLowerCase() === q).length;
          const firstExact = found.slice(0, Math.min(exact, MAX_MATCHES));
          for (const m of firstExact) expect(m.label.toLowerCase()).toBe(q);
        },
      ),
    );
  });
});
