import { describe, expect, it } from 'vitest';
import { diffClaimWords } from './word-diff';

const join = (parts: ReturnType<typeof diffClaimWords>, op: 'equal' | 'removed' | 'added') =>
  parts.filter((p) => p.op !== op).map((p) => p.value).join('');

describe('diffClaimWords', () => {
  it('diffs Arabic by words, not letters', () => {
    const parts = diffClaimWords('سيطرت على كل الأحياء', 'سيطرت على معظم الأحياء', 'ar');
    expect(parts).toEqual([
      { op: 'equal', value: 'سيطرت على ' },
      { op: 'removed', value: 'كل ' },
      { op: 'added', value: 'معظم ' },
      { op: 'equal', value: 'الأحياء' },
    ]);
  });

  it('rebuilds both versions exactly', () => {
    const a = 'ودعت كل من الولايات المتحدة وفرنسا، الأحد، جميع الأطراف.';
    const b = 'ودعت الولايات المتحدة وألمانيا، في بيان مشترك مساء الأحد، إلى خفض التصعيد.';
    const parts = diffClaimWords(a, b, 'ar');
    expect(join(parts, 'added')).toBe(a);
    expect(join(parts, 'removed')).toBe(b);
  });

  it('ignores harakat and hamza forms when comparing words', () => {
    const parts = diffClaimWords('نُراقب الوضع', 'نراقب الوضع', 'ar');
    expect(parts).toEqual([{ op: 'equal', value: 'نراقب الوضع' }]);
  });

  it('works on English', () => {
    const parts = diffClaimWords('The UN says 16.7 million people', 'The UN says 15 million people', 'en');
    expect(parts.filter((p) => p.op !== 'equal').map((p) => p.value.trim())).toEqual(['16.7', '15']);
  });
});
