import { describe, expect, it } from 'vitest';
import { isoDate, storedIsoDate } from './report';

describe('isoDate', () => {
  it('accepts dates and date-times that exist', () => {
    for (const value of ['2024-12-01', '2024-02-29', '2024-12-02T09:30:00Z', '2024-12-02T09:30:00.000+03:00']) {
      expect(isoDate.safeParse(value).success, value).toBe(true);
    }
  });

  it('refuses days that do not exist and text that is not a date', () => {
    for (const value of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-04-31', '2024-00-10', '1 December 2024', '2024-12-01T25:00:00Z']) {
      expect(isoDate.safeParse(value).success, value).toBe(false);
    }
  });

  it('still reads a stored event whose date an earlier version let through', () => {
    expect(storedIsoDate.safeParse('2024-02-30').success).toBe(true);
    expect(storedIsoDate.safeParse('1 December 2024').success).toBe(false);
  });
});
