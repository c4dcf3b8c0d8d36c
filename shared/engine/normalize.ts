import { foldArabicScript, hasArabicLetter, stripArabicProclitics, stripArabicSuffix } from './arabic';
import { stemEnglishWord } from './english';
import { readNumber } from './numbers';
import { wordRanges } from './segment';

/** One word of a text, normalized for matching. Offsets point into the original text. */
export interface MatchToken {
  start: number;
  end: number;
  /** Lowercased and folded: no diacritics or tatweel, one alef, ASCII digits. */
  folded: string;
  /** `folded` without attached particles and article: «والمدنيين» → «مدنيين». */
  bare: string;
  /** Light stem of `bare`: «مدنيين» → «مدن», "seized" → "seiz". */
  stem: string;
  /** Written in capitals ("US", "UN"): acronyms only match in capitals, so "us" stays a pronoun. */
  upper: boolean;
}

type NormalizedWord = Omit<MatchToken, 'start' | 'end'>;

const DIGITS_WITH_CLITIC = /^(?:و|ف|ب|ل|ك|ال|بال|وال|لل|وب|ول|وفي)?([0-9][0-9.,]*)$/;

function normalizeWordUncached(raw: string): NormalizedWord {
  const folded = foldArabicScript(raw.toLowerCase());
  const upper = /[A-Z]/.test(raw) && !/[a-z]/.test(raw);
  const digits = DIGITS_WITH_CLITIC.exec(folded);
  if (digits) return { folded, bare: digits[1]!, stem: digits[1]!, upper };
  if (hasArabicLetter(folded)) {
    const bare = stripArabicProclitics(folded);
    return { folded, bare, stem: stripArabicSuffix(bare), upper };
  }
  const bare = folded.replace(/['’]s$/, '').replace(/['’.]/g, '');
  return { folded, bare, stem: stemEnglishWord(folded), upper };
}

/**
 * Normalizes words with a memo: a report repeats its vocabulary, so most words are seen before.
 * One per report (or per measurement), so no state outlives the work it serves.
 */
export class WordNormalizer {
  private readonly cache = new Map<string, NormalizedWord>();

  normalize(raw: string): NormalizedWord {
    let word = this.cache.get(raw);
    if (word === undefined) {
      word = normalizeWordUncached(raw);
      if (this.cache.size < 500_000) this.cache.set(raw, word);
    }
    return word;
  }
}

/** Index of the first token that starts at or after `offset` (tokens are in text order). */
export function firstTokenAt(tokens: readonly MatchToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The words of `text[start, end)` for matching, with their offsets. */
export function tokenizeForMatch(
  text: string,
  language = 'und',
  normalizer: WordNormalizer = new WordNormalizer(),
  start = 0,
  end = text.length,
): MatchToken[] {
  const tokens: MatchToken[] = [];
  for (const range of wordRanges(text, language, start, end)) {
    const word = normalizer.normalize(text.slice(range.start, range.end));
    if (word.folded === '') continue;
    tokens.push({ start: range.start, end: range.end, ...word });
  }
  return tokens;
}

/**
 * The matching form of a text: folded, stemmed words separated by single spaces, with numbers
 * read as values («عشرين» → "20", «16.7 مليون» → "16700000"). For comparison only, never display.
 */
export function normalizeForMatch(text: string, language = 'und'): string {
  const tokens = tokenizeForMatch(text, language);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const number = readNumber(tokens, i);
    if (number) {
      out.push(String(number.value));
      i += number.length;
      continue;
    }
    const token = tokens[i]!;
    if (token.stem !== '') out.push(token.stem);
    i++;
  }
  return out.join(' ');
}

/**
 * The search form of a text: folded and lowercased, punctuation and runs of spaces reduced to one
 * space, no stemming. `normalizeForSearch(haystack).includes(normalizeForSearch(query))` finds
 * «إسرائيل» when the editor types «اسرائيل».
 */
export function normalizeForSearch(text: string): string {
  // NFKD splits Latin accents and Arabic presentation forms (ﻻ → لا); the fold drops the marks.
  const decomposed = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return foldArabicScript(decomposed.toLowerCase())
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}
