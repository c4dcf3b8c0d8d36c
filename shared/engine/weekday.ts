import { foldArabicScript } from './arabic';

/**
 * Weekdays and calendar dates named in a claim, resolved against the report's publication date:
 * «الأحد» in a report published on Monday 2024-12-02 is 2024-12-01.
 */

/** Days since 1970-01-01 (UTC), so date arithmetic never meets time zones. */
export type EpochDay = number;

const DAY_MS = 86_400_000;

export function epochDay(year: number, month: number, day: number): EpochDay {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function formatEpochDay(day: EpochDay): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(day: EpochDay): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}

/** "2024-12-02" or "2024-12-02T10:00:00Z" → its calendar day; null when absent or unreadable. */
export function publicationDay(publishedAt: string | null): EpochDay | null {
  if (publishedAt === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (!match) return null;
  return epochDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

const WEEKDAY_WORDS: Array<[number, string]> = [
  [0, 'الأحد sunday'],
  [1, 'الاثنين الإثنين monday'],
  [2, 'الثلاثاء tuesday'],
  [3, 'الأربعاء wednesday'],
  [4, 'الخميس thursday'],
  [5, 'الجمعة friday'],
  [6, 'السبت saturday'],
];
const WEEKDAY = new Map<string, number>();
for (const [day, words] of WEEKDAY_WORDS) {
  for (const word of words.split(' ')) {
    const folded = foldArabicScript(word);
    WEEKDAY.set(folded, day);
    // Without the article the Arabic names are ambiguous («أحد» is "one"), so they only count after «يوم».
    if (folded.startsWith('ال')) WEEKDAY.set(`#${folded.slice(2)}`, day);
  }
}
/** Words after which a bare weekday name («يوم أحد») is a weekday. */
const DAY_CUES = new Set(['يوم', 'صباح', 'مساء', 'ليله', 'عصر', 'ظهر', 'فجر', 'ظهيره', 'on']);
const PARTICLES = /^(و|ف|ب|ل|وب|فب|ول)(?=ال)/;

/** 0 (Sunday) … 6 (Saturday) when `folded` names a weekday, given the folded word before it. */
export function weekdayNamed(folded: string, previousBare: string | undefined): number | null {
  const word = folded.replace(PARTICLES, '');
  const named = WEEKDAY.get(word);
  if (named !== undefined) return named;
  if (previousBare !== undefined && DAY_CUES.has(previousBare)) return WEEKDAY.get(`#${word}`) ?? null;
  return null;
}

const MONTH_WORDS: Array<[number, string]> = [
  [1, 'يناير جانفي كانون_الثاني january jan'],
  [2, 'فبراير فيفري شباط february feb'],
  [3, 'مارس آذار march mar'],
  [4, 'أبريل ابريل إبريل أفريل نيسان april apr'],
  [5, 'مايو أيار ماي may'],
  [6, 'يونيو يونيه جوان حزيران june jun'],
  [7, 'يوليو يوليه جويلية تموز july jul'],
  [8, 'أغسطس اغسطس أوت آب august aug'],
  [9, 'سبتمبر أيلول september sep sept'],
  [10, 'أكتوبر تشرين_الأول october oct'],
  [11, 'نوفمبر تشرين_الثاني november nov'],
  [12, 'ديسمبر كانون_الأول december dec'],
];
const MONTH = new Map<string, number>();
/** First words of month names, to rule out most words with one lookup. */
const MONTH_FIRST_WORDS = new Set<string>();
for (const [month, words] of MONTH_WORDS) {
  for (const word of words.split(' ')) {
    const folded = foldArabicScript(word.replace('_', ' '));
    MONTH.set(folded, month);
    // Callers pass words without their article: «تشرين الثاني» arrives as «تشرين ثاني».
    MONTH.set(folded.replace(' ال', ' '), month);
    MONTH_FIRST_WORDS.add(folded.split(' ')[0]!);
  }
}

/**
 * The month named by `first` (and `second` for «تشرين الثاني», «كانون الأول»), as
 * `{ month, length }`. Words are folded and without attached particles or article.
 */
export function monthNamed(first: string | undefined, second: string | undefined): { month: number; length: number } | null {
  if (first === undefined || !MONTH_FIRST_WORDS.has(first)) return null;
  if (second !== undefined) {
    const pair = MONTH.get(`${first} ${second}`);
    if (pair !== undefined) return { month: pair, length: 2 };
  }
  // «تشرين» or «كانون» alone is ambiguous; "may" is also a verb.
  if (first === 'تشرين' || first === 'كانون' || first === 'may') return null;
  const single = MONTH.get(first);
  return single === undefined ? null : { month: single, length: 1 };
}

/** Words that make a following weekday or year a point of reference, not the time of the event. */
const REFERENCE_CUES = new Set(['منذ', 'since', 'قبل', 'before']);
export function isReferenceCue(bare: string | undefined): boolean {
  return bare !== undefined && REFERENCE_CUES.has(bare);
}

const FUTURE_CUES = new Set(['مقبل', 'قادم', 'next', 'coming']);
const PAST_CUES = new Set(['ماضي', 'منصرم', 'فايت', 'last', 'previous']);

/**
 * The day a weekday refers to: the latest such day on or before publication (news speaks of the
 * past week), the one before that after «الماضي»/"last", the next one after «المقبل»/"next".
 */
export function resolveWeekday(weekday: number, published: EpochDay, modifier: string | undefined): EpochDay {
  if (modifier !== undefined && FUTURE_CUES.has(modifier)) {
    const ahead = (weekday - weekdayOf(published) + 7) % 7;
    return published + (ahead === 0 ? 7 : ahead);
  }
  const back = (weekdayOf(published) - weekday + 7) % 7;
  if (modifier !== undefined && PAST_CUES.has(modifier)) return published - (back === 0 ? 7 : back);
  return published - back;
}

/** A day and month without a year take the publication year, or the one before for a date still ahead. */
export function resolveDayMonth(day: number, month: number, year: number | null, published: EpochDay | null): EpochDay | null {
  if (day < 1 || day > 31) return null;
  if (year !== null) return epochDay(year, month, day);
  if (published === null) return null;
  const pubYear = new Date(published * DAY_MS).getUTCFullYear();
  const candidate = epochDay(pubYear, month, day);
  return candidate > published + 31 ? epochDay(pubYear - 1, month, day) : candidate;
}

export const WEEKDAY_NAMES_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
