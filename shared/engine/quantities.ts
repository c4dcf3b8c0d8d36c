import { RANK, type ClaimFeatures, type NumberMention, type QuantifierMention } from './claim-features';
import { firstTokenAt, type MatchToken } from './normalize';
import { parseDigits } from './numbers';
import type { QuantifierClass } from './quantifiers';

/**
 * Quantities as the sets of values they allow: «نحو 300» is 255–345, «أكثر من نصف» is above one
 * half, "dozens" is 12 to 119, «كل» is exactly all. Two versions of a quantity then agree (the same
 * set, in any form: 366 / ٣٦٦ / «ثلاثمئة وستة وستين»), overlap (a difference to name: «نحو» vs
 * «أكثر من» 300), or exclude each other (a contradiction: all vs most, 16.7 vs 15 million).
 */

export type Hedge = 'about' | 'nearly' | 'more' | 'at-least' | 'less' | 'up-to' | 'vague' | null;

export interface QuantityMention {
  /** Offsets of the words as written, hedge included. */
  start: number;
  end: number;
  /** A count of things, a share of a set (a fraction, a percentage, a quantifier), or a rank («الثالثة»). */
  kind: 'count' | 'share' | 'rank';
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
  hedge: Hedge;
  /** The value as read, before hedging: 300 for «أكثر من 300», 0.5 for «نصف». */
  value: number;
  /** What is counted («شخص») for counts; the nouns quantified («أحياء») for shares. */
  nouns: string[];
  /** A share given as a percentage («30 في المئة», "90 percent"): another value is another number. */
  percent?: true;
}

/** Hedges as word sequences (bare forms), longest first, each before the number it hedges. */
const HEDGES: Array<[Hedge, string[]]> = (
  [
    ['more', 'ما يزيد على'], ['more', 'ما يزيد عن'], ['more', 'ما يربو على'], ['at-least', 'ما لا يقل عن'], ['up-to', 'ما لا يزيد عن'],
    ['up-to', 'ما يصل الى'], ['up-to', 'ما يصل إلى'], ['nearly', 'ما يقرب من'], ['about', 'ما يقارب'], ['about', 'ما يناهز'],
    ['more', 'اكثر من'], ['more', 'أكثر من'], ['more', 'يزيد على'], ['more', 'يزيد عن'], ['more', 'ازيد من'], ['more', 'أزيد من'],
    ['more', 'upwards of'], ['more', 'in excess of'], ['more', 'more than'], ['at-least', 'لا يقل عن'], ['at-least', 'at least'],
    ['at-least', 'no fewer than'], ['at-least', 'no less than'], ['less', 'اقل من'], ['less', 'أقل من'], ['less', 'less than'],
    ['less', 'fewer than'], ['up-to', 'لا يزيد عن'], ['up-to', 'يصل الى'], ['up-to', 'up to'], ['up-to', 'as many as'],
    ['up-to', 'at most'], ['nearly', 'close to'], ['about', 'an estimated'],
    ['up-to', 'لم تتجاوز'], ['up-to', 'لم يتجاوز'], ['up-to', 'لا تتجاوز'], ['up-to', 'لا يتجاوز'], ['up-to', 'لم تزد على'],
    ['up-to', 'لم يزد على'], ['up-to', 'لم تتعد'], ['up-to', 'did not exceed'], ['up-to', 'not exceeding'], ['up-to', 'no more than'],
    ['up-to', 'not more than'],
    ['about', 'نحو'], ['about', 'حوالي'], ['about', 'حوالى'], ['about', 'زهاء'], ['about', 'قرابه'], ['about', 'قرابة'], ['about', 'يقارب'],
    ['about', 'يناهز'], ['about', 'about'], ['about', 'around'], ['about', 'approximately'], ['about', 'roughly'], ['about', 'some'],
    ['about', 'estimated'], ['nearly', 'nearly'], ['nearly', 'almost'], ['more', 'over'], ['more', 'فوق'], ['less', 'under'],
    ['less', 'below'], ['less', 'دون'],
  ] as Array<[Hedge, string]>
)
  .map(([hedge, words]): [Hedge, string[]] => [hedge, words.split(' ').map(foldWord)])
  .sort((x, y) => y[1].length - x[1].length);

/** Hedges written after the number: «300 تقريبا», "300 or so", «300 على الأقل». */
const AFTER_HEDGES: Array<[Hedge, string[]]> = (
  [
    ['about', ['تقريبا']], ['about', ['or', 'so']], ['about', ['approximately']], ['at-least', ['على', 'الاقل']], ['at-least', ['at', 'least']],
    ['more', ['or', 'more']],
  ] as Array<[Hedge, string[]]>
).map(([hedge, words]) => [hedge, words.map((w) => foldWord(w))]);

function foldWord(word: string): string {
  // Hedge words are looked up by their bare form; «أكثر» folds to «اكثر».
  return word.replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').toLowerCase();
}

const FRACTIONS = new Map<string, number>([
  ['نصف', 1 / 2], ['half', 1 / 2], ['ثلث', 1 / 3], ['third', 1 / 3], ['ربع', 1 / 4], ['quarter', 1 / 4], ['خمس', 1 / 5], ['fifth', 1 / 5],
  ['ثلثي', 2 / 3], ['ثلثا', 2 / 3], ['two-thirds', 2 / 3], ['thirds', 2 / 3], ['ارباع', 3 / 4], ['quarters', 3 / 4],
]);
const PERCENT_WORDS = new Set(['percent', '%', 'بالمئه', 'بالمايه', 'بالماية', 'مئويه']);

const CLASS_SHARE: Record<QuantifierClass, Pick<QuantityMention, 'low' | 'high' | 'lowOpen' | 'highOpen'>> = {
  all: { low: 1, high: 1, lowOpen: false, highOpen: false },
  most: { low: 0.5, high: 1, lowOpen: true, highOpen: true },
  some: { low: 0, high: 1, lowOpen: true, highOpen: true },
};

function sequenceAt(tokens: readonly MatchToken[], i: number, words: readonly string[]): boolean {
  return words.every((w, k) => {
    const t = tokens[i + k];
    return t !== undefined && (t.bare === w || t.folded === w);
  });
}

/** Hedges by their last word, so a number looks only at those that can end just before it. */
const HEDGES_BY_LAST = new Map<string, Array<[Hedge, string[]]>>();
for (const entry of HEDGES) {
  const last = entry[1][entry[1].length - 1]!;
  HEDGES_BY_LAST.set(last, [...(HEDGES_BY_LAST.get(last) ?? []), entry]);
}

/** The hedge written before token `i` (and its first token), or after the number's last token. */
function hedgeAround(tokens: readonly MatchToken[], first: number, last: number): { hedge: Hedge; from: number; to: number } {
  const before = tokens[first - 1];
  const candidates = before === undefined ? [] : [...(HEDGES_BY_LAST.get(before.bare) ?? []), ...(before.folded !== before.bare ? (HEDGES_BY_LAST.get(before.folded) ?? []) : [])];
  for (const [hedge, words] of candidates) {
    const from = first - words.length;
    if (from >= 0 && sequenceAt(tokens, from, words)) return { hedge, from, to: last };
  }
  for (const [hedge, words] of AFTER_HEDGES) {
    if (sequenceAt(tokens, last + 1, words)) return { hedge, from: first, to: last + words.length };
  }
  // «عشرون شخصا على الأقل», "20 people at least": the hedge after the word counted.
  for (const [hedge, words] of AFTER_HEDGES) {
    if (words.length > 1 && tokens[last + 1] !== undefined && sequenceAt(tokens, last + 2, words)) return { hedge, from: first, to: last + 1 + words.length };
  }
  return { hedge: null, from: first, to: last };
}

function interval(value: number, hedge: Hedge, vague: boolean): Pick<QuantityMention, 'low' | 'high' | 'lowOpen' | 'highOpen'> {
  if (vague) return { low: value, high: value * 10, lowOpen: false, highOpen: true };
  switch (hedge) {
    case 'about':
      return { low: value * 0.85, high: value * 1.15, lowOpen: false, highOpen: false };
    case 'nearly':
      return { low: value * 0.85, high: value, lowOpen: false, highOpen: false };
    case 'more':
      return { low: value, high: Infinity, lowOpen: true, highOpen: false };
    case 'at-least':
      return { low: value, high: Infinity, lowOpen: false, highOpen: false };
    case 'less':
      return { low: 0, high: value, lowOpen: false, highOpen: true };
    case 'up-to':
      return { low: 0, high: value, lowOpen: false, highOpen: false };
    default: {
      // "half a million", «50 ألفا»: a round count of tens of thousands is itself a rounding.
      const round = Number.isInteger(value) && value >= 10_000 && value % 10_000 === 0;
      const slack = round ? value * 0.05 : 0;
      return { low: value - slack, high: value + slack, lowOpen: false, highOpen: false };
    }
  }
}

function isPercentAfter(tokens: readonly MatchToken[], last: number, text: string): number {
  const next = tokens[last + 1];
  const between = text.slice(tokens[last]!.end, next?.start ?? tokens[last]!.end + 2);
  if (/^\s?[%٪]/.test(between)) return 0;
  if (next === undefined) return -1;
  if (PERCENT_WORDS.has(next.bare) || PERCENT_WORDS.has(next.folded)) return 1;
  if ((next.bare === 'في' || next.bare === 'per') && ['ميه', 'المئه', 'المايه', 'مايه', 'cent'].includes(tokens[last + 2]?.bare ?? '')) return 2;
  return -1;
}

/**
 * What is counted: the content words just after the number («300 سرير علاج», "300 cholera
 * treatment beds"), up to the next number or «و» / "and", which begin another count.
 */
const TIMES = /^(times|مرات|مره|مرة)$/;

function nounsAfter(tokens: readonly MatchToken[], i: number, isContent: (t: MatchToken) => boolean): string[] {
  const nouns: string[] = [];
  for (let j = i + 1; j < tokens.length && j <= i + 5 && nouns.length < 3; j++) {
    const t = tokens[j]!;
    if (/^[0-9]/.test(t.bare) || t.bare === 'and' || (t.folded.startsWith('و') && t.folded.length > t.bare.length)) break;
    // "80 times", «ثلاث مرات»: how often the act happened, no thing counted.
    if (j === i + 1 && TIMES.test(t.bare)) break;
    if (isContent(t)) nouns.push(t.stem);
  }
  return nouns;
}

/**
 * Reads every quantity of a claim: the counts the features found (with their hedges), percentages
 * and fractions as shares, and quantifiers as shares of the set they quantify.
 */
export function readQuantities(
  tokens: readonly MatchToken[],
  text: string,
  features: Pick<ClaimFeatures, 'numbers' | 'quantifiers'>,
  isContent: (t: MatchToken) => boolean,
): QuantityMention[] {
  const out: QuantityMention[] = [];
  const taken = new Set<number>();
  // «30 في المئة»: the «المئة» is part of the percentage, not a count of its own.
  const perCent = (n: NumberMention): boolean => {
    const i = firstTokenAt(tokens, n.start);
    return n.value === 100 && (tokens[i - 1]?.bare === 'في' || tokens[i - 1]?.bare === 'per') && features.numbers.some((m) => m !== n && m.end === tokens[i - 2]?.end);
  };
  const numbers = features.numbers.filter((n) => !perCent(n));
  for (const number of numbers) out.push(countOrShare(tokens, text, number, isContent, taken));
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    const token = tokens[i]!;
    let fraction = FRACTIONS.get(token.bare) ?? FRACTIONS.get(token.folded);
    if (fraction === undefined) continue;
    // «ثلاثة أرباع», "three quarters", "two thirds": the count before the fraction multiplies it.
    const before = tokens[i - 1];
    const multiplier = before === undefined ? null : (parseDigits(before.bare) ?? (['ثلاثه', 'three'].includes(before.bare) ? 3 : ['two'].includes(before.bare) ? 2 : null));
    // "a third": the article belongs to the fraction, and a hedge comes before it ("about a third").
    let first = before?.bare === 'a' ? i - 1 : i;
    if (multiplier !== null && (token.bare === 'ارباع' || token.bare === 'quarters' || token.bare === 'thirds')) first = i - 1;
    else if (token.bare === 'ارباع' || token.bare === 'quarters' || token.bare === 'thirds') fraction = undefined;
    if (fraction === undefined) continue;
    if (tokens[i + 1]?.bare === 'مليون' || tokens[i + 1]?.bare === 'million' || tokens[i + 2]?.bare === 'million') continue;
    const { hedge, from } = hedgeAround(tokens, first, i);
    out.push({
      start: tokens[from]!.start, end: token.end, kind: 'share', value: fraction, hedge,
      ...interval(fraction, hedge === null ? null : hedge, false), nouns: nounsAfter(tokens, i, isContent),
    });
  }
  for (const q of features.quantifiers) out.push(quantifierShare(tokens, q));
  return out.sort((x, y) => x.start - y.start);
}

function countOrShare(tokens: readonly MatchToken[], text: string, number: NumberMention, isContent: (t: MatchToken) => boolean, taken: Set<number>): QuantityMention {
  const first = firstTokenAt(tokens, number.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.end <= number.end) last++;
  for (let k = first; k <= last; k++) taken.add(k);
  const { hedge, from, to } = hedgeAround(tokens, first, last);
  const percent = isPercentAfter(tokens, last, text);
  if (percent >= 0) {
    const value = number.value / 100;
    const end = percent === 0 ? text.indexOf(text.slice(tokens[last]!.end).match(/[%٪]/)?.[0] ?? '', tokens[last]!.end) + 1 : tokens[last + percent]!.end;
    return { start: tokens[from]!.start, end, kind: 'share', value, hedge, ...interval(value, hedge, false), nouns: nounsAfter(tokens, last + Math.max(percent, 0), isContent), percent: true };
  }
  const effective: Hedge = number.vague ? 'vague' : hedge;
  const unit = TIMES.test(tokens[last + 1]?.bare ?? '') ? null : number.unit;
  const rank = number.unit?.startsWith(RANK) === true;
  return {
    start: tokens[from]!.start, end: Math.max(number.end, tokens[to]!.end), kind: rank ? 'rank' : 'count', value: number.value, hedge: effective,
    ...interval(number.value, hedge, number.vague), nouns: rank ? [number.unit!] : [...new Set([...(unit === null ? [] : [unit]), ...nounsAfter(tokens, last, isContent)])],
  };
}

function quantifierShare(tokens: readonly MatchToken[], q: QuantifierMention): QuantityMention {
  const first = firstTokenAt(tokens, q.start);
  const { hedge, from } = hedgeAround(tokens, first, first);
  // "almost all", «كلها تقريبا»: not all.
  const share = q.cls === 'all' && (hedge === 'nearly' || hedge === 'about') ? { low: 0.85, high: 1, lowOpen: false, highOpen: true } : CLASS_SHARE[q.cls];
  return { start: tokens[from]?.start ?? q.start, end: q.end, kind: 'share', value: share.low, hedge, ...share, nouns: q.nouns };
}

/**
 * How a difference between two quantities is named: counts and percentages of other values are
 * numbers; quantifiers, fractions, vague counts and a hedge on the same value are quantifiers.
 */
export function quantityDifferenceKind(x: QuantityMention, y: QuantityMention): 'number' | 'quantifier' {
  const values = x.kind !== 'share' || (x.percent === true && y.percent === true);
  return values && x.value !== y.value && x.hedge !== 'vague' && y.hedge !== 'vague' ? 'number' : 'quantifier';
}

export type QuantityAgreement = 'equal' | 'overlap' | 'disjoint';

/** Whether two quantities allow a value in common, and whether they are the same set of values. */
export function compareQuantities(x: QuantityMention, y: QuantityMention): QuantityAgreement {
  if (x.low === y.low && x.high === y.high && x.lowOpen === y.lowOpen && x.highOpen === y.highOpen && x.hedge === y.hedge) return 'equal';
  // «ثلث» and «33 في المئة», "two thirds" and "67 percent": a fraction and its percentage rounded.
  if (x.kind === 'share' && y.kind === 'share' && x.hedge === y.hedge && x.low === x.high && y.low === y.high && x.percent !== y.percent && Math.abs(x.value - y.value) < 0.006) return 'equal';
  const below = (a: QuantityMention, b: QuantityMention): boolean => a.high < b.low || (a.high === b.low && (a.highOpen || b.lowOpen));
  return below(x, y) || below(y, x) ? 'disjoint' : 'overlap';
}
