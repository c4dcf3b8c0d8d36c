import type { MatchToken } from './normalize';
import { looksLikeYear, parseDigits, readOrdinal } from './numbers';
import { monthNamed, resolveDayMonth, weekdayOf, type EpochDay } from './weekday';

/** A date a claim names, resolved to the days it can mean. Offsets point into the report's text. */
export interface DateMention {
  start: number;
  end: number;
  /** First and last day the words can mean; equal for a day, a whole year for «عام 2016». */
  from: EpochDay | null;
  to: EpochDay | null;
  precision: 'day' | 'month' | 'year';
  /** 0–6 when a weekday is named. */
  weekday: number | null;
  /** «منذ 2011», "since Wednesday": a point of reference, not when the claimed event happened. */
  reference: boolean;
  /** "Thursday, November 27" when 27 November was a Wednesday: the text contradicts itself. */
  weekdayConflict?: boolean;
  /** The month named (1–12), whether or not the date could be resolved to days. */
  month?: number;
  /** The day of the month written with it (1–31), resolved or not: "3 December", «5 ديسمبر». */
  dayOfMonth?: number;
}

function dayOfMonth(token: MatchToken | undefined): number | null {
  const value = token === undefined ? null : parseDigits(token.bare);
  return value !== null && Number.isInteger(value) && value >= 1 && value <= 31 ? value : null;
}

function yearOf(token: MatchToken | undefined): number | null {
  return token !== undefined && looksLikeYear(parseDigits(token.bare) ?? 0, token.bare) ? Number(token.bare) : null;
}

function dayMention(tokens: readonly MatchToken[], i: number, length: number, day: EpochDay | null): { date: DateMention; length: number } {
  return { date: { start: tokens[i]!.start, end: tokens[i + length - 1]!.end, from: day, to: day, precision: 'day', weekday: null, reference: false }, length };
}

/**
 * The calendar date that starts at `tokens[i]`, if any: «27 نوفمبر 2024», "2 December", "December 2,
 * 2024", or a month alone («في سبتمبر»). A missing year is taken from the publication date.
 */
export function dayMonthAt(tokens: readonly MatchToken[], i: number, text: string, published: EpochDay | null): { date: DateMention; length: number } | null {
  const token = tokens[i]!;
  // «الثالث من كانون الأول», "the third of December": an ordinal day before «من» / "of".
  const ordinal = readOrdinal(token);
  const of = ordinal !== null && /^(من|of)$/.test(tokens[i + 1]?.bare ?? '') ? 1 : 0;
  const leadingDay = dayOfMonth(token) ?? (of === 1 ? ordinal : null);
  if (leadingDay !== null) {
    const month = monthNamed(tokens[i + 1 + of]?.bare, tokens[i + 2 + of]?.bare);
    if (month === null) return null;
    const year = yearOf(tokens[i + 1 + of + month.length]);
    const mention = dayMention(tokens, i, 1 + of + month.length + (year === null ? 0 : 1), resolveDayMonth(leadingDay, month.month, year, published));
    mention.date.month = month.month;
    mention.date.dayOfMonth = leadingDay;
    return mention;
  }
  const month = monthNamed(token.bare, tokens[i + 1]?.bare);
  if (month === null) return null;
  const dayToken = tokens[i + month.length];
  const day = dayOfMonth(dayToken);
  // "in December, 2 people died" is not December 2.
  if (day !== null && !/[،,.]/.test(text.slice(tokens[i + month.length - 1]!.end, dayToken!.start))) {
    const year = yearOf(tokens[i + month.length + 1]);
    const mention = dayMention(tokens, i, month.length + 1 + (year === null ? 0 : 1), resolveDayMonth(day, month.month, year, published));
    mention.date.month = month.month;
    mention.date.dayOfMonth = day;
    return mention;
  }
  // "November 2023", «تشرين الثاني 2023»: the year written beside the month.
  const writtenYear = yearOf(tokens[i + month.length]);
  const first = resolveDayMonth(1, month.month, writtenYear, published);
  const next = first === null ? null : first + 31 - ((new Date((first + 31) * 86_400_000).getUTCDate()) - 1);
  return {
    date: { start: token.start, end: tokens[i + month.length - 1]!.end, from: first, to: next === null ? null : next - 1, precision: 'month', weekday: null, reference: false, month: month.month },
    length: month.length,
  };
}

/**
 * Joins mentions of one date: «نوفمبر/تشرين الثاني» (two calendars' names) and "Wednesday,
 * November 27" (a weekday beside a date: the date decides the day, the weekday is checked against it).
 */
export function mergeDateMentions(dates: DateMention[], text: string): DateMention[] {
  const merged: DateMention[] = [];
  for (const date of dates) {
    const previous = merged[merged.length - 1];
    const between = previous === undefined ? '' : text.slice(previous.end, date.start);
    if (previous !== undefined && date.precision === 'month' && /^\s*\/\s*$/.test(between)) {
      previous.end = date.end;
      continue;
    }
    if (previous !== undefined && /^[\s,،]{0,3}$/.test(between) && previous.precision === 'day' && date.precision === 'day') {
      const weekdayFirst = previous.weekday !== null && date.weekday === null;
      const dateFirst = previous.weekday === null && date.weekday !== null;
      if (weekdayFirst || dateFirst) {
        const explicit = weekdayFirst ? date : previous;
        const weekday = (weekdayFirst ? previous.weekday : date.weekday)!;
        merged[merged.length - 1] = {
          ...explicit,
          start: previous.start,
          end: date.end,
          weekday,
          reference: previous.reference,
          weekdayConflict: explicit.from !== null && weekdayOf(explicit.from) !== weekday,
        };
        continue;
      }
    }
    merged.push(date);
  }
  return merged;
}
