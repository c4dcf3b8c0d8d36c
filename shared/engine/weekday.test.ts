import { describe, expect, it } from 'vitest';
import { epochDay, formatEpochDay, publicationDay, resolveDayMonth, resolveWeekday, weekdayNamed, weekdayOf } from './weekday';

const day = (iso: string): number => publicationDay(iso)!;

describe('resolveWeekday', () => {
  it('reads «الأحد» in a report published on Monday 2024-12-02 as 2024-12-01', () => {
    expect(formatEpochDay(resolveWeekday(0, day('2024-12-02'), undefined))).toBe('2024-12-01');
  });

  it('reads the weekday of publication as that day («اليوم الاثنين»)', () => {
    expect(formatEpochDay(resolveWeekday(1, day('2024-12-02'), undefined))).toBe('2024-12-02');
  });

  it('goes back a week after «الماضي» and forward after «المقبل»', () => {
    expect(formatEpochDay(resolveWeekday(1, day('2024-12-02'), 'ماضي'))).toBe('2024-11-25');
    expect(formatEpochDay(resolveWeekday(1, day('2024-12-02'), 'مقبل'))).toBe('2024-12-09');
    expect(formatEpochDay(resolveWeekday(3, day('2024-12-02'), 'next'))).toBe('2024-12-04');
  });

  it('accepts date-times', () => {
    expect(formatEpochDay(day('2024-12-02T23:30:00Z'))).toBe('2024-12-02');
    expect(publicationDay(null)).toBeNull();
  });
});

describe('weekdayNamed', () => {
  it('needs the article or «يوم» for Arabic names that are also words', () => {
    expect(weekdayNamed('الاحد', undefined)).toBe(0);
    expect(weekdayNamed('والاحد', undefined)).toBe(0);
    expect(weekdayNamed('احد', undefined)).toBeNull();
    expect(weekdayNamed('احد', 'يوم')).toBe(0);
    expect(weekdayNamed('الاثنين', undefined)).toBe(1);
    expect(weekdayNamed('اثنين', undefined)).toBeNull();
    expect(weekdayNamed('sunday', undefined)).toBe(0);
  });
});

describe('calendar helpers', () => {
  it('knows 27 November 2024 was a Wednesday', () => {
    expect(weekdayOf(epochDay(2024, 11, 27))).toBe(3);
  });

  it('gives a day and month the publication year, or the year before for a date still ahead', () => {
    expect(formatEpochDay(resolveDayMonth(27, 11, null, day('2024-12-02'))!)).toBe('2024-11-27');
    expect(formatEpochDay(resolveDayMonth(28, 12, null, day('2025-01-03'))!)).toBe('2024-12-28');
  });
});
