/**
 * Converts UTF-16 offsets (what JavaScript strings and the engine count) into Unicode code point
 * offsets (what the W3C Web Annotation model requires for TextPositionSelector). They differ only
 * after characters outside the Basic Multilingual Plane (emoji, some CJK), each two code units.
 * Surrogate pairs are found once per text, so converting many offsets stays cheap on long reports.
 */
export function codePointOffsets(text: string): (codeUnitOffset: number) => number {
  const pairStarts: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const high = text.charCodeAt(i);
    const low = text.charCodeAt(i + 1);
    if (high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      pairStarts.push(i);
      i++;
    }
  }
  return (offset) => {
    // Each pair that ends at or before the offset counts as one code point instead of two.
    let lo = 0;
    let hi = pairStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairStarts[mid]! + 2 <= offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}
