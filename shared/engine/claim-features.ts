import { matchEntity, type AliasIndex } from './aliases';
import { findAttribution } from './attribution';
import type { MatchToken } from './normalize';
import { looksLikeYear, readDual, readNumber, readOrdinal } from './numbers';
import { isPostposedQuantifier, quantifierClass, type QuantifierClass } from './quantifiers';
import { isStopword } from './stopwords';
import { synonymTerm } from './synonyms';
import { dayMonthAt, mergeDateMentions, type DateMention } from './date-mentions';
import { epochDay, isReferenceCue, resolveWeekday, weekdayNamed, type EpochDay } from './weekday';

export type { DateMention } from './date-mentions';

/** Everything the matcher and the difference finder need to know about one claim. */

export interface Mention {
  /** Offsets of the words as written. */
  start: number;
  end: number;
}

/** Prefix of the unit of a rank («الثالثة» of «الجولة»), which pairs only with ranks. */
export const RANK = 'rank:';

export interface NumberMention extends Mention {
  value: number;
  vague: boolean;
  /** Stem of the word counted («شخص» in «16.7 مليون شخص»), to pair numbers across versions. */
  unit: string | null;
}

export interface QuantifierMention extends Mention {
  cls: QuantifierClass;
  /** Stems of the words quantified: «أحياء» in «كل الأحياء»; "aleppo", "neighbourhood" in "most of Aleppo's neighbourhoods". */
  nouns: string[];
}

export interface EntityMention extends Mention {
  entity: string;
}

export interface AttributionMention extends Mention {
  /** Terms naming the source; empty when the source is a pronoun («قالت إنها»). */
  source: string[];
}

export interface ClaimFeatures {
  /** Content terms in order: stems, `@entity`, `#number`. Attribution words are left out. */
  sequence: string[];
  /** `sequence` without repeats. */
  terms: string[];
  numbers: NumberMention[];
  dates: DateMention[];
  quantifiers: QuantifierMention[];
  entities: EntityMention[];
  attribution: AttributionMention | null;
}

export interface FeatureContext {
  aliases: AliasIndex;
  published: EpochDay | null;
}

/**
 * Length of the particles written before a name («وقطر», «وبريطانيا», «والمملكة»), so the editor
 * sees «قطر» rather than «وقطر». The article stays: «المملكة» is part of the name.
 */
function particleLength(token: MatchToken, text: string): number {
  const prefix = token.folded.slice(0, token.folded.length - token.bare.length);
  const particles = prefix.endsWith('ال') ? prefix.slice(0, -2) : prefix === 'لل' ? '' : prefix;
  if (particles === '' || text.slice(token.start, token.start + particles.length) !== particles) return 0;
  return particles.length;
}

/** Up to `count` content words' stems after `i`, skipping function words («كل الأحياء», "most of the"). */
function contentStemsAfter(tokens: readonly MatchToken[], i: number, count: number): string[] {
  const stems: string[] = [];
  for (let j = i + 1; j < tokens.length && j <= i + count + 2 && stems.length < count; j++) {
    const t = tokens[j]!;
    if (!isStopword(t.folded, t.bare)) stems.push(t.stem);
  }
  return stems;
}

function contentStemsBefore(tokens: readonly MatchToken[], i: number, count: number): string[] {
  const stems: string[] = [];
  for (let j = i - 1; j >= 0 && j >= i - count - 2 && stems.length < count; j--) {
    const t = tokens[j]!;
    if (!isStopword(t.folded, t.bare)) stems.push(t.stem);
  }
  return stems;
}

/** Reads the content terms, numbers, dates, quantifiers, entities and source of a claim's words. */
export function analyzeTokens(tokens: readonly MatchToken[], text: string, ctx: FeatureContext): ClaimFeatures {
  const sequence: string[] = [];
  const numbers: NumberMention[] = [];
  const dates: DateMention[] = [];
  const quantifiers: QuantifierMention[] = [];
  const entities: EntityMention[] = [];
  const span = findAttribution(tokens, text);
  const sourceTerms: string[] = [];
  const inFrame = (i: number): boolean => span !== null && i >= span.from && i < span.to;
  const inSource = (i: number): boolean => span !== null && i >= span.sourceFrom && i < span.sourceTo;
  const emit = (i: number, term: string): void => {
    if (inSource(i)) sourceTerms.push(term);
    else if (!inFrame(i)) sequence.push(term);
  };

  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    const entity = matchEntity(tokens, i, ctx.aliases);
    if (entity) {
      entities.push({ entity: entity.entity, start: token.start + particleLength(token, text), end: tokens[i + entity.length - 1]!.end });
      emit(i, entity.entity);
      i += entity.length;
      continue;
    }
    const weekday = weekdayNamed(token.folded, tokens[i - 1]?.bare);
    if (weekday !== null) {
      const modifier = tokens[i + 1]?.bare ?? tokens[i - 1]?.bare;
      const day = ctx.published === null ? null : resolveWeekday(weekday, ctx.published, modifier);
      dates.push({ start: token.start, end: token.end, from: day, to: day, precision: 'day', weekday, reference: isReferenceCue(tokens[i - 1]?.bare) });
      i++;
      continue;
    }
    if (token.bare === 'امس' || token.bare === 'yesterday') {
      const day = ctx.published === null ? null : ctx.published - 1;
      dates.push({ start: token.start, end: token.end, from: day, to: day, precision: 'day', weekday: null, reference: isReferenceCue(tokens[i - 1]?.bare) });
      i++;
      continue;
    }
    const dayMonth = dayMonthAt(tokens, i, text, ctx.published);
    if (dayMonth) {
      dayMonth.date.reference = isReferenceCue(tokens[i - 1]?.bare);
      dates.push(dayMonth.date);
      i += dayMonth.length;
      continue;
    }
    const number = readNumber(tokens, i);
    if (number && isClockTime(tokens, i, number.length, text)) {
      // "at 11:10 pm", «الساعة 11:30»: a time of day, not a count.
      i += number.length;
      continue;
    }
    if (number) {
      const last = tokens[i + number.length - 1]!;
      if (number.length === 1 && looksLikeYear(number.value, token.bare) && !/^(رقم|number|no)$/.test(tokens[i - 1]?.bare ?? '')) {
        dates.push({
          start: token.start, end: token.end, from: epochDay(number.value, 1, 1), to: epochDay(number.value, 12, 31),
          precision: 'year', weekday: null, reference: [1, 2, 3, 4].some((k) => isReferenceCue(tokens[i - k]?.bare)),
        });
      } else {
        numbers.push({ start: token.start, end: last.end, value: number.value, vague: number.vague, unit: contentStemsAfter(tokens, i + number.length - 1, 1)[0] ?? null });
      }
      emit(i, `#${number.vague ? '~' : ''}${number.value}`);
      i += number.length;
      continue;
    }
    // «يومين», «طفلان»: a dual is a count of two of what it names.
    if (readDual(token) !== null) {
      numbers.push({ start: token.start, end: token.end, value: 2, vague: false, unit: token.stem });
      emit(i, token.stem);
      i++;
      continue;
    }
    // «الجولة الثالثة», "a fourth crossing": a rank, compared only with the rank of the same thing.
    const rank = readOrdinal(token);
    // "a third", "two thirds": a fraction, which the quantities read.
    // "a third border crossing" is a rank; "a third of the villages", "two thirds" are fractions.
    const fraction = /^(a|one|two|three)$/.test(tokens[i - 1]?.bare ?? '') && (/s$/.test(token.bare) || tokens[i + 1] === undefined || isStopword(tokens[i + 1]!.folded, tokens[i + 1]!.bare));
    if (rank !== null && rank >= 2 && !fraction) {
      const noun = /[\u0600-\u06ff]/.test(token.bare) ? contentStemsBefore(tokens, i, 1)[0] : contentStemsAfter(tokens, i, 1)[0];
      if (noun !== undefined) numbers.push({ start: token.start, end: token.end, value: rank, vague: false, unit: `${RANK}${noun}` });
    }
    // «كل من الولايات المتحدة وفرنسا» introduces a list; it does not quantify anything.
    if (token.bare === 'كل' && tokens[i + 1]?.bare === 'من') {
      i += 2;
      continue;
    }
    const cls = quantifierClass(token.bare, token.folded);
    if (cls !== null) {
      const nouns = isPostposedQuantifier(token.folded) ? contentStemsBefore(tokens, i, 2) : contentStemsAfter(tokens, i, 2);
      quantifiers.push({ start: token.start, end: token.end, cls, nouns });
      i++;
      continue;
    }
    if (!isStopword(token.folded, token.bare) && token.stem.length > 1) emit(i, synonymTerm(token) ?? token.stem);
    i++;
  }

  const attribution = span === null ? null : { start: span.start, end: span.end, source: sourceTerms };
  return { sequence, terms: [...new Set(sequence)], numbers, dates: mergeDateMentions(dates, text), quantifiers, entities, attribution };
}

function isClockTime(tokens: readonly MatchToken[], i: number, length: number, text: string): boolean {
  const first = tokens[i]!;
  const last = tokens[i + length - 1]!;
  if (/:\s*$/.test(text.slice(Math.max(0, first.start - 1), first.start)) || /^:\d/.test(text.slice(last.end, last.end + 2))) return true;
  const next = tokens[i + length]?.bare ?? '';
  const before = tokens[i - 1]?.bare ?? '';
  return /^(pm|am|ص|م|صباحا|مساء|مساءا|oclock)$/.test(next) || /^(pm|am)$/.test(text.slice(last.end, last.end + 3).trim().replace(/\./g, '').slice(0, 2).toLowerCase()) || before === 'الساعه';
}

/** Dates that say when the claimed event happened (not «منذ …» references). */
export function eventDates(features: ClaimFeatures): DateMention[] {
  return features.dates.filter((d) => !d.reference && d.from !== null);
}
