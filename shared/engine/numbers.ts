import { foldArabicScript } from './arabic';

/**
 * Numbers written in words or digits read as values, so «عشرين» and "20" are the same number and
 * "16.7 million" and "15 million" are different ones.
 */

export interface NumberWordToken {
  /** Folded word as written (with any attached و). */
  folded: string;
  /** Folded word without attached particles or article. */
  bare: string;
}

export interface NumberReading {
  value: number;
  /** Tokens consumed from `start`. */
  length: number;
  /** "dozens", «عشرات»: an order of magnitude, not a count. */
  vague: boolean;
}

function table(entries: Array<[string, number]>): Map<string, number> {
  return new Map(entries.map(([word, value]) => [foldArabicScript(word), value]));
}

const ARABIC_UNITS = table([
  ['واحد', 1], ['واحدة', 1], ['اثنان', 2], ['اثنين', 2], ['اثنتان', 2], ['اثنتين', 2], ['اثنا', 2], ['اثني', 2],
  ['ثلاث', 3], ['ثلاثة', 3], ['أربع', 4], ['أربعة', 4], ['خمس', 5], ['خمسة', 5], ['ست', 6], ['ستة', 6],
  ['سبع', 7], ['سبعة', 7], ['ثمان', 8], ['ثماني', 8], ['ثمانيا', 8], ['ثمانية', 8], ['تسع', 9], ['تسعة', 9], ['عشر', 10], ['عشرة', 10],
]);
const ARABIC_TENS = table([
  ['عشرون', 20], ['عشرين', 20], ['ثلاثون', 30], ['ثلاثين', 30], ['أربعون', 40], ['أربعين', 40], ['خمسون', 50], ['خمسين', 50],
  ['ستون', 60], ['ستين', 60], ['سبعون', 70], ['سبعين', 70], ['ثمانون', 80], ['ثمانين', 80], ['تسعون', 90], ['تسعين', 90],
]);
const ARABIC_HUNDREDS = table([
  ['مئة', 100], ['مائة', 100], ['مئتان', 200], ['مئتين', 200], ['مائتان', 200], ['مائتين', 200], ['مئتا', 200], ['مائتا', 200],
  ...['ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثمان', 'تسع'].flatMap((unit, i): Array<[string, number]> => [
    [`${unit}مئة`, (i + 3) * 100],
    [`${unit}مائة`, (i + 3) * 100],
  ]),
]);
const SCALES = table([
  ['ألف', 1e3], ['آلاف', 1e3], ['ألفا', 1e3], ['ألفان', 2e3], ['ألفين', 2e3], ['مليون', 1e6], ['ملايين', 1e6], ['مليونا', 1e6],
  ['مليونان', 2e6], ['مليونين', 2e6], ['ألفي', 2e3], ['مليوني', 2e6], ['مليار', 1e9], ['مليارات', 1e9], ['مليارا', 1e9], ['بليون', 1e9],
  ['thousand', 1e3], ['thousands', 1e3], ['million', 1e6], ['millions', 1e6], ['billion', 1e9], ['billions', 1e9],
]);
/** Scale words that already carry their count: «ألفان» is 2 000 on its own. */
const SELF_COUNTED = new Set(['الفان', 'الفين', 'الفي', 'مليونان', 'مليونين', 'مليوني']);
/** Plurals that name an order of magnitude: «عشرات البلدات», "hundreds of people". */
const VAGUE = table([
  ['عشرات', 10], ['مئات', 100], ['آلاف', 1000], ['ملايين', 1e6],
  ['dozens', 12], ['scores', 20], ['hundreds', 100], ['thousands', 1000], ['millions', 1e6],
]);
const ENGLISH_SMALL = new Map<string, number>(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((w, i) => [w, i] as [string, number]),
);
const ENGLISH_TENS = new Map<string, number>(
  'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, (i + 2) * 10] as [string, number]),
);
const HALF = new Set(['نصف', 'half']);
/** Fractions of a scale word: «ربع مليار» is 250 million, "a quarter of a million" 250,000. */
const FRACTIONS_OF_SCALE = new Map<string, number>([
  ['نصف', 1 / 2], ['half', 1 / 2], ['ربع', 1 / 4], ['quarter', 1 / 4], ['ثلث', 1 / 3], ['third', 1 / 3],
]);

const DIGITS = /^[0-9]+(?:[.,][0-9]+)*$/;

/** "16.7" → 16.7, "2,254" → 2254, "1.500.000" → 1500000. */
export function parseDigits(text: string): number | null {
  if (!DIGITS.test(text)) return null;
  if (/^[0-9]{1,3}(,[0-9]{3})+$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^[0-9]{1,3}(\.[0-9]{3}){2,}$/.test(text)) return Number(text.replace(/\./g, ''));
  const value = Number(text.replace(/,/g, '.'));
  return Number.isFinite(value) ? value : null;
}

/** "both sides": two, against "one side". */
const BOTH = new Set(['both']);

function wordValue(word: string): number | null {
  return ARABIC_UNITS.get(word) ?? ARABIC_TENS.get(word) ?? ARABIC_HUNDREDS.get(word) ?? ENGLISH_SMALL.get(word) ?? ENGLISH_TENS.get(word) ?? (BOTH.has(word) ? 2 : null);
}

/** A single word's value when it is a count word (not a scale). */
function smallValue(token: NumberWordToken): number | null {
  const digits = parseDigits(token.bare);
  if (digits !== null) return digits;
  // «وست», «وتسع»: light stemming keeps the و on three-letter words.
  return wordValue(token.bare) ?? (token.bare.startsWith('و') ? wordValue(token.bare.slice(1)) : null);
}

function hasConjunction(token: NumberWordToken): boolean {
  if (!token.folded.startsWith('و')) return false;
  return token.folded.length > token.bare.length || (token.bare.startsWith('و') && wordValue(token.bare.slice(1)) !== null);
}

/** Whether a count word continues the number read so far: «ثلاثة عشر», «خمسة وعشرون», "twenty five". */
function continues(current: number, small: number, token: NumberWordToken, previousWasDigits: boolean): boolean {
  if (previousWasDigits || parseDigits(token.bare) !== null) return false;
  if (small === 10 && current < 10 && !hasConjunction(token)) return true;
  if (hasConjunction(token)) return current < 1000;
  // "twenty five", "three hundred sixty six": a unit after a round ten, whatever hundreds came before.
  const belowHundred = current % 100;
  if (belowHundred >= 20 && belowHundred % 10 === 0 && small < 10) return true;
  return current >= 100 && belowHundred === 0 && small < 100;
}

/**
 * Reads the number that starts at `tokens[start]`, if any: digits, number words, compounds
 * («خمسة وعشرون», "twenty five", "two hundred"), teens («ثلاثة عشر»), scales («16.7 مليون»,
 * «ثلاثة آلاف», "half a million") and orders of magnitude («عشرات», "hundreds").
 */
export function readNumber(tokens: readonly NumberWordToken[], start: number): NumberReading | null {
  const first = tokens[start];
  if (first === undefined) return null;
  const vague = VAGUE.get(first.bare);
  if (vague !== undefined) return { value: vague, length: 1, vague: true };
  const fraction = FRACTIONS_OF_SCALE.get(first.bare);
  if (fraction !== undefined) {
    let j = start + 1;
    // "half a million", "a quarter of a million".
    if (tokens[j]?.bare === 'of') j++;
    if (tokens[j]?.bare === 'a') j++;
    const next = tokens[j];
    const scale = next === undefined ? undefined : SCALES.get(next.bare);
    return scale === undefined ? null : { value: Math.round(scale * fraction), length: j - start + 1, vague: false };
  }
  if (first.bare === 'احد' && tokens[start + 1]?.bare === 'عشر') return { value: 11, length: 2, vague: false };
  // «ألفين» loses its «ال» to light stemming: the written word decides.
  const selfCounted = SELF_COUNTED.has(first.bare) ? first.bare : SELF_COUNTED.has(first.folded.replace(/^و/, '')) ? first.folded.replace(/^و/, '') : null;
  if (selfCounted !== null) {
    const value = SCALES.get(selfCounted) ?? 0;
    // «ألفان» is two of a thousand: its half («ألفان ونصف») is half of a thousand.
    const rest = continueAfterScale(tokens, start + 1, value, value / 2);
    return { value: rest.value, length: 1 + rest.length, vague: false };
  }
  // «ألف ومئتين وخمسين», "a thousand": a scale word with no count before it counts one.
  // English needs its article ("a million"); «مليون نازح» is one million on its own.
  const arabicScale = LEADING_SCALES.has(first.bare) && /[\u0600-\u06ff]/.test(first.bare);
  if (arabicScale || (first.bare === 'a' && LEADING_SCALES.has(tokens[start + 1]?.bare ?? ''))) {
    const skip = first.bare === 'a' ? 1 : 0;
    const rest = continueAfterScale(tokens, start + skip + 1, SCALES.get(tokens[start + skip]!.bare)!);
    return { value: rest.value, length: skip + 1 + rest.length, vague: false };
  }

  let total = 0;
  let current: number | null = null;
  let previousWasDigits = false;
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const small = smallValue(token);
    if (small !== null) {
      if (current !== null && !continues(current, small, token, previousWasDigits)) break;
      current = (current ?? 0) + small;
      previousWasDigits = parseDigits(token.bare) !== null;
      i++;
      continue;
    }
    if (token.bare === 'hundred' && current !== null) {
      current *= 100;
      i++;
      continue;
    }
    const scale = SCALES.get(token.bare);
    if (scale !== undefined && current !== null) {
      total += current * scale;
      current = null;
      i++;
      continue;
    }
    // "one and a half million": the half belongs to the count before the scale.
    if (token.bare === 'and' && current !== null && tokens[i + 1]?.bare === 'a' && tokens[i + 2]?.bare === 'half') {
      const halfScale = SCALES.get(tokens[i + 3]?.bare ?? '');
      if (halfScale !== undefined) {
        total += (current + 0.5) * halfScale;
        current = null;
        i += 4;
        break;
      }
    }
    if (token.bare === 'and' && current !== null && current >= 100) {
      const next = tokens[i + 1];
      if (next !== undefined && smallValue(next) !== null && parseDigits(next.bare) === null) {
        i++;
        continue;
      }
    }
    break;
  }
  if (i === start || (total === 0 && current === null)) return null;
  const value = total + (current ?? 0);
  // 16.7 × 1e6 is 16699999.999999998 in binary floating point.
  return { value: Math.round(value * 1000) / 1000, length: i - start, vague: false };
}

/** Scale words that count one when written alone: «ألف», «مليون», "thousand" after "a". */
const LEADING_SCALES = new Set(['الف', 'الفا', 'مليون', 'مليونا', 'مليار', 'مليارا', 'thousand', 'million', 'billion', 'hundred'].map((w) => foldArabicScript(w)));

/**
 * «ألف ومئتين وخمسين», «مليون ومئة ألف», «مليونا و638 ألف»: the smaller parts joined by و after a
 * scale word, each read as a number of its own.
 */
function continueAfterScale(tokens: readonly NumberWordToken[], from: number, scale: number, unit = scale): { value: number; length: number } {
  let value = scale;
  let i = from;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const english = token.bare === 'and';
    if (!english && !hasConjunction(token)) break;
    // «مليون ونصف»: and half of the scale.
    if (!english && HALF.has(token.bare)) {
      value += unit / 2;
      i++;
      // «مليونين ونصف مليون»: the half may name its scale again.
      if (tokens[i] !== undefined && SCALES.get(tokens[i]!.bare) === unit) i++;
      break;
    }
    const start = english ? i + 1 : i;
    const part = tokens[start] === undefined ? null : readNumber(tokens, start);
    if (part === null || part.vague || part.value >= scale) break;
    value += part.value;
    i = start + part.length;
  }
  return { value: Math.round(value * 1000) / 1000, length: i - from };
}

/** Arabic duals of units of time and of common counted nouns: «يومين» is two days. */
const DUALS = new Set(
  ['يومين', 'يومان', 'اسبوعين', 'اسبوعان', 'شهرين', 'شهران', 'عامين', 'عامان', 'سنتين', 'سنتان', 'ساعتين', 'ساعتان', 'طفلين', 'طفلان', 'شخصين', 'شخصان', 'جنديين', 'جنديان', 'قتيلين', 'قتيلان'].map((w) => foldArabicScript(w)),
);

/** A dual written as one word («يومين», «طفلان»): two of what it names. */
export function readDual(token: NumberWordToken): number | null {
  if (DUALS.has(token.bare) || DUALS.has(token.folded.replace(/^و/, ''))) return 2;
  // The feminine dual of a longer noun: «طائرتين», «سيارتان», «دبابتين» (not «بوتين», «ستين»).
  return token.bare.length >= 6 && /[^ا](تين|تان)$/.test(token.bare) ? 2 : null;
}

const ORDINALS = table([
  ['اول', 1], ['اولي', 1], ['ثاني', 2], ['ثانيه', 2], ['ثالث', 3], ['ثالثه', 3], ['رابع', 4], ['رابعه', 4], ['خامس', 5], ['خامسه', 5],
  ['سادس', 6], ['سادسه', 6], ['سابع', 7], ['سابعه', 7], ['ثامن', 8], ['ثامنه', 8], ['تاسع', 9], ['تاسعه', 9], ['عاشر', 10], ['عاشره', 10],
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8], ['ninth', 9], ['tenth', 10],
]);

/** «الجولة الثالثة», "a fourth crossing": the ordinal's rank, when the word is one. */
export function readOrdinal(token: NumberWordToken): number | null {
  return ORDINALS.get(token.bare) ?? null;
}

/** Four-digit years a claim is likely to mean as a date rather than a count. */
export function looksLikeYear(value: number, written: string): boolean {
  return Number.isInteger(value) && value >= 1900 && value <= 2100 && /^[0-9]{4}$/.test(written);
}
