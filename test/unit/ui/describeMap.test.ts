import { describe, expect, it } from 'vitest';
import {
  describeCounts,
  describeEdited,
  describeExported,
} from '../../../src/ui/library/describeMap';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('describeEdited', () => {
  it.each([
    [0, 'Edited just now'],
    [59, 'Edited just now'],
    [60, 'Edited 1 minute ago'],
    [5 * 60 + 59, 'Edited 5 minutes ago'],
    [3 * 3600, 'Edited 3 hours ago'],
    [24 * 3600, 'Edited yesterday'],
    [3 * 24 * 3600, 'Edited 3 days ago'],
    [15 * 24 * 3600, 'Edited 2 weeks ago'],
    [70 * 24 * 3600, 'Edited 2 months ago'],
    [400 * 24 * 3600, 'Edited last year'],
  ])('%i seconds ago reads "%s"', (seconds, text) => {
    expect(describeEdited(ago(seconds), NOW)).toBe(text);
  });

  it('says "just now" for a time ahead of this clock, and admits an unreadable time', () => {
    expect(describeEdited(ago(-3600), NOW)).toBe('Edited just now');
    expect(describeEdited('not a date', NOW)).toBe('Edited at an unknown time');
  });
});

describe('describeCounts', () => {
  it('counts goals, stakeholders and conflicts, singular for one', () => {
    expect(describeCounts({ goals: 26, stakeholders: 1, conflicts: 0 })).toBe(
      '26 goals · 1 stakeholder · 0 conflicts',
    );
  });
});

describe('describeExported', () => {
  it('says when the map was last exported, or that it never was', () => {
    expect(describeExported(undefined, NOW)).toBe('Never exported');
    expect(describeExported(ago(2 * 24 * 3600), NOW)).toBe('Last exported 2 days ago');
    expect(describeExported(ago(10), NOW)).toBe('Last exported just now');
  });
});
