import { describe, expect, it } from 'vitest';
import { formatMoment, formatPublished } from './format-date';

describe('format-date', () => {
  it('names the weekday of a publication date, in UTC', () => {
    expect(formatPublished('2024-12-01')).toBe('Sunday, 1 December 2024');
    expect(formatPublished(null)).toBe('date unknown');
    expect(formatPublished('sometime in December')).toBe('sometime in December');
  });

  it('shows a moment, or the stored text when it is not a date', () => {
    expect(formatMoment('2024-12-02T08:05:00Z')).toMatch(/^2 Dec 2024, \d\d:\d\d$/);
    expect(formatMoment('not a date')).toBe('not a date');
  });
});
