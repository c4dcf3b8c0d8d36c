import { describe, expect, it } from 'vitest';
import { readNumber } from './numbers';
import { tokenizeForMatch } from './normalize';

const read = (text: string) => readNumber(tokenizeForMatch(text), 0);

describe('readNumber', () => {
  it('reads digits and number words alike', () => {
    expect(read('عشرين قرية')?.value).toBe(20);
    expect(read('20 قرية')?.value).toBe(20);
    expect(read('ثلاثة')?.value).toBe(3);
    expect(read('twenty villages')?.value).toBe(20);
  });

  it('reads scales, compounds and fractions of a scale', () => {
    expect(read('16.7 مليون شخص')).toMatchObject({ value: 16_700_000, length: 2 });
    expect(read('15 million people')).toMatchObject({ value: 15_000_000, length: 2 });
    expect(read('خمسة ملايين جنيه')?.value).toBe(5_000_000);
    expect(read('50 ألف شخص')?.value).toBe(50_000);
    expect(read('half a million')?.value).toBe(500_000);
    expect(read('أحد عشر')?.value).toBe(11);
    expect(read('مئتين')?.value).toBe(200);
  });

  it('reads halves of a scale and the construct dual', () => {
    expect(read('مليون ونصف نازح')).toMatchObject({ value: 1_500_000, length: 2 });
    expect(read('one and a half million doses')).toMatchObject({ value: 1_500_000, length: 5 });
    expect(read('ألفي شخص')).toMatchObject({ value: 2_000, length: 1 });
    expect(read('مليونين ونصف مليون برميل')).toMatchObject({ value: 2_500_000, length: 3 });
  });

  it('reads «عشرات» and "hundreds" as orders of magnitude', () => {
    expect(read('عشرات البلدات')).toMatchObject({ value: 10, vague: true });
    expect(read('hundreds of people')).toMatchObject({ value: 100, vague: true });
  });

  it('leaves words that only look like numbers alone', () => {
    expect(read('أحد الأطراف')).toBeNull();
    expect(read('الثاني')).toBeNull();
    expect(read('million')).toBeNull();
  });
});
