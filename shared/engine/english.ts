/**
 * A deliberately light English stemmer: enough to meet "seized"/"seizes"/"seizing" and
 * "civilians"/"civilian", without Porter's aggressive conflations that would join unrelated words.
 */

const INVARIANT = new Set(['us', 'is', 'was', 'has', 'this', 'its', 'news', 'series', 'species', 'always', 'perhaps', 'kids']);

function isVowel(ch: string | undefined): boolean {
  return ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u' || ch === 'y';
}

/** Lowercased Latin word → stem. */
export function stemEnglishWord(word: string): string {
  let w = word;
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  else if (w.endsWith("'") || w.endsWith('’')) w = w.slice(0, -1);
  w = w.replace(/[’'.]/g, '');
  if (w.length <= 3 || INVARIANT.has(w)) return w;

  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);

  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));

  // Final e and y vary with suffixes (seize/seized, country/countries); drop both for a stable key.
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('y')) w = w.slice(0, -1);
  return w;
}

/** "stopp" → "stop", "controll" → "control", but "call", "kill", "pass" stay whole. */
function undouble(w: string): string {
  const last = w[w.length - 1];
  if (w.length >= 4 && last === w[w.length - 2] && !isVowel(last) && last !== 'l' && last !== 's' && last !== 'z') {
    return w.slice(0, -1);
  }
  if (w.length >= 7 && w.endsWith('oll')) return w.slice(0, -1);
  return w;
}
