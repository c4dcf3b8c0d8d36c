import { describe, expect, it } from 'vitest';
import { codePointOffsets } from './code-points';

describe('codePointOffsets', () => {
  it('is the identity on text without astral characters, Arabic included', () => {
    const convert = codePointOffsets('قال المرصد إن 30 شخصاً قتلوا');
    for (const offset of [0, 5, 17, 27]) expect(convert(offset)).toBe(offset);
  });

  it('counts each surrogate pair as one character, as the W3C model requires', () => {
    const text = 'a😀b😀😀c';
    const convert = codePointOffsets(text);
    const points = [...text];
    for (const [unit, point] of [[0, 0], [1, 1], [3, 2], [4, 3], [8, 5], [9, 6]] as const) {
      expect(convert(unit)).toBe(point);
      expect(points.slice(0, point).join('')).toBe(text.slice(0, unit));
    }
  });
});
