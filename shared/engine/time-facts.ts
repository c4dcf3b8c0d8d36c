import type { DateMention } from './date-mentions';
import type { MatchToken } from './normalize';
import { foldArabicScript } from './arabic';
import { formatEpochDay, WEEKDAY_NAMES_EN, type EpochDay } from './weekday';

/**
 * When a claim says its event happened, slot by slot: the days it can mean, the weekday, month and
 * year as written, the time of day, and days relative to publication («أمس», "yesterday"). Each slot
 * keeps its words, so a conflict is shown in the reports' own words: «صباح الخميس» ≠ «مساء الجمعة».
 */

export type DayPart = 'dawn' | 'morning' | 'noon' | 'afternoon' | 'evening' | 'night';

export interface TimeSlot<T> {
  value: T;
  start: number;
  end: number;
}

export interface TimeFacts {
  /** Resolved days, from dates and weekdays read against the publication date. */
  days: Array<TimeSlot<{ from: EpochDay; to: EpochDay; precision: DateMention['precision'] }>>;
  /** Weekdays as written (0 = Sunday), resolved or not. */
  weekdays: Array<TimeSlot<number>>;
  /** Months as written: Gregorian 1–12, or Hijri as `h1`–`h12`. */
  months: Array<TimeSlot<string>>;
  /** Days of a month as written, `month-day` ("3 December" → `12-3`), whether or not they resolve to a day. */
  monthDays: Array<TimeSlot<string>>;
  /** Times on the clock: "3 p.m.", «الساعة 3:15 فجرا», "15:00". */
  clocks: Array<TimeSlot<ClockTime>>;
  years: Array<TimeSlot<number>>;
  dayParts: Array<TimeSlot<DayPart>>;
  /** Days before (negative) or after publication: «أمس» −1, «أول أمس» −2, "today" 0. */
  relative: Array<TimeSlot<number>>;
  /** «هذا الأسبوع», "this week", «الشهر الجاري»: the days around publication, not one of them. */
  recent: Array<TimeSlot<RecentPeriod>>;
  /** The slots written together, as one phrase each: «صباح اليوم الاثنين», "late Thursday night". */
  phrases: Array<{ start: number; end: number }>;
}

/** What may stand between the slots of one time phrase. */
const PHRASE_GAP = /^[\s،,]*(?:(?:يوم|من|on|at|the|of|early|late|in)\s+)*[\s،,]*$/i;

function phrasesOf(facts: Omit<TimeFacts, 'phrases'>, text: string): TimeFacts['phrases'] {
  const spans = [...facts.days, ...facts.weekdays, ...facts.months, ...facts.monthDays, ...facts.clocks, ...facts.years, ...facts.dayParts, ...facts.relative, ...facts.recent]
    .map((slot) => ({ start: slot.start, end: slot.end }))
    .sort((x, y) => x.start - y.start);
  const phrases: TimeFacts['phrases'] = [];
  for (const span of spans) {
    const last = phrases[phrases.length - 1];
    if (last !== undefined && span.start <= last.end + 12 && (span.start <= last.end || PHRASE_GAP.test(text.slice(last.end, span.start)))) last.end = Math.max(last.end, span.end);
    else phrases.push({ ...span });
  }
  return phrases;
}

/** The whole phrase a slot was written in. */
export function phraseOf(facts: TimeFacts, slot: { start: number; end: number }): { start: number; end: number } {
  return facts.phrases.find((p) => slot.start >= p.start && slot.end <= p.end) ?? slot;
}

function table(entries: Array<[string, string]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [value, words] of entries) for (const word of words.split(' ')) map.set(foldArabicScript(word.toLowerCase()), value);
  return map;
}

const DAY_PARTS = table([
  ['dawn', 'فجر فجرا الفجر dawn daybreak sunrise predawn'],
  ['morning', 'صباح صباحا الصباح morning'],
  ['noon', 'ظهر ظهرا الظهر ظهيره الظهيره noon midday'],
  ['afternoon', 'عصر عصرا العصر afternoon'],
  ['evening', 'مساء مساءا المساء عشيه evening dusk sunset'],
  ['night', 'ليلا ليل الليل ليله الليله منتصف night overnight midnight tonight'],
]) as Map<string, DayPart>;

/** Hijri months, as `h1`…`h12`; two-word names by their first word and the second. */
const HIJRI = table([
  ['h1', 'محرم'], ['h2', 'صفر_الخير'], ['h7', 'رجب'], ['h8', 'شعبان'], ['h9', 'رمضان'], ['h10', 'شوال'],
]);
const HIJRI_PAIRS = table([
  ['h3', 'ربيع_الاول ربيع_اول'], ['h4', 'ربيع_الاخر ربيع_الثاني ربيع_اخر ربيع_ثاني'],
  ['h5', 'جمادي_الاولي جمادي_الاول جمادي_اولي'], ['h6', 'جمادي_الاخره جمادي_الثانيه جمادي_اخره جمادي_الاخر'],
  ['h11', 'ذو_القعده ذي_القعده ذو_قعده'], ['h12', 'ذو_الحجه ذي_الحجه ذو_حجه'],
]);

/** Every word that can start a time slot read below. */
const TIME_WORDS = new Set<string>([
  ...DAY_PARTS.keys(),
  ...HIJRI.keys(),
  ...[...HIJRI_PAIRS.keys()].map((k) => k.split('_')[0]!),
  ...'امس البارحه بارحه yesterday today tonight tomorrow غدا night ليله يوم اليوم early منتصف قبل two three four five this هذا اسبوع شهر last past عام سنه موسم ساعات ايام'.split(' '),
]);

function pairKey(a: MatchToken, b: MatchToken | undefined): string {
  return b === undefined ? '' : `${a.bare}_${b.folded}`;
}

/** The days around publication ("this week", "over the past day"), or the year before it ("last year"). */
export type RecentPeriod = 'week' | 'month' | 'last-year';

/**
 * "this week", «هذا الأسبوع», «الأسبوع الجاري», «الشهر الحالي»; "the past 24 hours", «الساعات
 * الماضية»: the days around publication. "last year", «العام الماضي»: the year before it.
 */
function recentPeriod(tokens: readonly MatchToken[], i: number): { value: RecentPeriod; length: number } | null {
  const unit = (t: MatchToken | undefined): 'week' | 'month' | null =>
    t === undefined ? null : /^(week|اسبوع)$/.test(t.bare) ? 'week' : /^(month|شهر)$/.test(t.bare) ? 'month' : null;
  const first = tokens[i]!.bare;
  const second = tokens[i + 1]?.bare ?? '';
  const third = tokens[i + 2]?.bare ?? '';
  if ((first === 'last' && /^(year|season)$/.test(second)) || (/^(عام|سنه|موسم)$/.test(first) && /^(ماضي|منصرم|فايت)$/.test(second))) return { value: 'last-year', length: 2 };
  if (/^(past|last)$/.test(first) && (/^(day|hours)$/.test(second) || (second === '24' && third === 'hours'))) return { value: 'week', length: second === '24' ? 3 : 2 };
  if (/^(ساعات|ايام)$/.test(first) && second === 'ماضيه') return { value: 'week', length: 2 };
  if (first === 'this' || first === 'هذا') {
    const value = unit(tokens[i + 1]);
    return value === null ? null : { value, length: 2 };
  }
  const value = unit(tokens[i]);
  if (value !== null && /^(جاري|حالي)$/.test(tokens[i + 1]?.bare ?? '')) return { value, length: 2 };
  return null;
}

const SMALL_COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, ثلاثه: 3, ثلاث: 3, اربعه: 4, اربع: 4, خمسه: 5, خمس: 5 };

/** "two days ago" (from its count), «قبل يومين» / «قبل ثلاثة أيام» (from «قبل»). */
function daysAgo(tokens: readonly MatchToken[], i: number): { days: number; length: number } | null {
  const first = tokens[i]!.bare;
  const second = tokens[i + 1]?.bare;
  if (SMALL_COUNTS[first] !== undefined && (second === 'days' || second === 'day') && tokens[i + 2]?.bare === 'ago') return { days: SMALL_COUNTS[first]!, length: 3 };
  if (first !== 'قبل') return null;
  if (second === 'يومين') return { days: 2, length: 2 };
  const count = second === undefined ? undefined : SMALL_COUNTS[second];
  if (count !== undefined && /^(ايام|يوم)$/.test(tokens[i + 2]?.bare ?? '')) return { days: count, length: 3 };
  return null;
}

/** Minutes after midnight; `halfDay` when the words do not say a.m. or p.m. (then compared on a 12-hour clock). */
export interface ClockTime {
  minutes: number;
  halfDay: boolean;
}

const MORNING_WORDS = /^(am|فجرا|صباحا|ص|فجر|صباح)$/;
const AFTERNOON_WORDS = /^(pm|ظهرا|عصرا|مساء|مساءا|ليلا|م|ظهر|عصر)$/;

/** "3 p.m.", "15:00", "11:10 pm", «الساعة 3:15 فجرا»: a number on the clock, with its hour of the day when the words give it. */
function readClocks(tokens: readonly MatchToken[], text: string): Array<TimeSlot<ClockTime>> {
  const clocks: Array<TimeSlot<ClockTime>> = [];
  for (let i = 0; i < tokens.length; i++) {
    const hour = /^\d{1,2}$/.test(tokens[i]!.bare) ? Number(tokens[i]!.bare) : null;
    if (hour === null || hour > 23) continue;
    const colon = tokens[i + 1] !== undefined && /^\d{2}$/.test(tokens[i + 1]!.bare) && /^[:.]$/.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start));
    const minutes = colon ? Number(tokens[i + 1]!.bare) : 0;
    const last = colon ? i + 1 : i;
    const after = tokens[last + 1]?.bare ?? '';
    const before = tokens[i - 1]?.bare ?? '';
    const morning = MORNING_WORDS.test(after);
    const afternoon = AFTERNOON_WORDS.test(after);
    if (!(morning || afternoon || colon || before === 'ساعه' || after === 'oclock')) continue;
    if (minutes > 59) continue;
    const h = afternoon && hour < 12 ? hour + 12 : morning && hour === 12 ? 0 : hour;
    const end = morning || afternoon ? tokens[last + 1]!.end : tokens[last]!.end;
    clocks.push({ start: tokens[i]!.start, end, value: { minutes: h * 60 + minutes, halfDay: !morning && !afternoon && hour <= 12 } });
    i = last;
  }
  return clocks;
}

/** Two clock times within half an hour of each other, on a 12-hour clock where either leaves a.m. or p.m. unsaid. */
export function clocksMeet(x: ClockTime, y: ClockTime): boolean {
  const span = x.halfDay || y.halfDay ? 720 : 1440;
  const d = Math.abs((x.minutes % span) - (y.minutes % span));
  return Math.min(d, span - d) <= 30;
}

/** Reads the time slots of a claim's words; `dates` are the date mentions the features found. */
export function readTimeFacts(tokens: readonly MatchToken[], dates: readonly DateMention[], text: string): TimeFacts {
  const facts: Omit<TimeFacts, 'phrases'> = { days: [], weekdays: [], months: [], monthDays: [], clocks: readClocks(tokens, text), years: [], dayParts: [], relative: [], recent: [] };
  for (const date of dates) {
    if (date.reference) continue;
    const slot = { start: date.start, end: date.end };
    if (date.from !== null && date.to !== null) facts.days.push({ ...slot, value: { from: date.from, to: date.to, precision: date.precision } });
    if (date.weekday !== null) facts.weekdays.push({ ...slot, value: date.weekday });
    if (date.month !== undefined) facts.months.push({ ...slot, value: String(date.month) });
    if (date.month !== undefined && date.dayOfMonth !== undefined) facts.monthDays.push({ ...slot, value: `${date.month}-${date.dayOfMonth}` });
    if (date.precision === 'year' && date.from !== null) facts.years.push({ ...slot, value: new Date(date.from * 86_400_000).getUTCFullYear() });
    const year = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(text.slice(date.start, date.end));
    if (date.precision !== 'year' && year) facts.years.push({ ...slot, value: Number(year[1]) });
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // Most words name no time: one set lookup passes them by.
    if (!TIME_WORDS.has(token.bare) && !TIME_WORDS.has(token.folded)) continue;
    const next = tokens[i + 1];
    const slot = { start: token.start, end: token.end };
    const hijriPair = HIJRI_PAIRS.get(pairKey(token, next)) ?? HIJRI_PAIRS.get(next === undefined ? '' : `${token.bare}_${next.bare}`);
    if (hijriPair !== undefined) {
      facts.months.push({ start: token.start, end: next!.end, value: hijriPair });
      i++;
      continue;
    }
    const hijri = HIJRI.get(token.bare);
    if (hijri !== undefined && (hijri !== 'h2' || next?.bare === 'الخير')) facts.months.push({ ...slot, value: hijri });
    const part = DAY_PARTS.get(token.bare) ?? DAY_PARTS.get(token.folded);
    if (part !== undefined) {
      // «منتصف الليل» is night; «منتصف» alone is not a time of day.
      if (token.bare === 'منتصف' && next?.bare !== 'ليل' && next?.bare !== 'الليل') continue;
      // "late Thursday night", "early Friday": the modifier stays part of the words shown.
      facts.dayParts.push({ ...slot, value: part });
      continue;
    }
    if (token.bare === 'early' && (next?.bare ?? '').match(/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/)) {
      facts.dayParts.push({ start: token.start, end: next!.end, value: 'dawn' });
      continue;
    }
    if (token.bare === 'امس' || token.bare === 'البارحه' || token.bare === 'بارحه' || token.bare === 'yesterday') {
      const before = tokens[i - 1];
      const twoDays = before !== undefined && (before.bare === 'اول' || (before.bare === 'من' && tokens[i - 2]?.bare === 'اول'));
      const dayBefore = token.bare === 'yesterday' && before?.bare === 'before' && tokens[i - 3]?.bare === 'day';
      facts.relative.push({ start: twoDays || dayBefore ? tokens[dayBefore ? i - 3 : before!.bare === 'من' ? i - 2 : i - 1]!.start : token.start, end: token.end, value: twoDays || dayBefore ? -2 : -1 });
      continue;
    }
    if ((token.bare === 'night' || token.bare === 'ليله') && (tokens[i - 1]?.bare === 'last' || next?.bare === 'ماضيه')) {
      facts.relative.push({ ...slot, value: -1 });
      continue;
    }
    if (token.bare === 'today' || token.bare === 'tonight' || (token.bare === 'يوم' && next?.bare === 'اليوم') || (token.folded === 'اليوم' && tokens[i - 1]?.bare !== 'يوم')) {
      facts.relative.push({ ...slot, value: 0 });
      continue;
    }
    if (token.bare === 'غدا' || token.bare === 'tomorrow') facts.relative.push({ ...slot, value: 1 });
    const period = recentPeriod(tokens, i);
    if (period !== null) facts.recent.push({ start: token.start, end: tokens[i + period.length - 1]!.end, value: period.value });
    // "two days ago", «قبل يومين», «قبل ثلاثة أيام»: days before publication, counted.
    const ago = daysAgo(tokens, i);
    if (ago !== null) facts.relative.push({ start: token.start, end: tokens[i + ago.length - 1]!.end, value: -ago.days });
  }
  return { ...facts, phrases: phrasesOf(facts, text) };
}

export interface TimeConflict {
  kind: 'day' | 'weekday' | 'month' | 'part' | 'relative' | 'clock';
  a: TimeSlot<unknown>;
  b: TimeSlot<unknown>;
  note?: string;
}

export interface TimeComparison {
  /** Slots on which the two name the same event at times that cannot both be right. */
  conflicts: TimeConflict[];
  /** Explicit years or resolved days too far apart: another event, not a discrepancy. */
  differentEvent: boolean;
}

/** Days two resolved dates may differ and still be one event reported with a wrong date. */
const SAME_EVENT_DAYS = 7;

function overlaps(x: { from: number; to: number }, y: { from: number; to: number }, slack = 0): boolean {
  return x.from - slack <= y.to && y.from - slack <= x.to;
}

/** Night and the dawn after it, dawn and early morning: one time told two ways. */
const NEIGHBOURS = new Set(['dawn night', 'dawn morning', 'evening night']);
function partsCompatible(x: DayPart, y: DayPart): boolean {
  return x === y || NEIGHBOURS.has([x, y].sort().join(' '));
}

/**
 * Compares when two claims say their event happened. `publishedA`/`publishedB` are the reports'
 * days when known; without them weekdays and relative days are compared as written.
 */
export function compareTimes(a: TimeFacts, b: TimeFacts, publishedKnown: boolean): TimeComparison {
  const other: TimeComparison = { conflicts: [], differentEvent: true };
  // Explicit years that differ: 2016 against 2024 is another event.
  if (a.years.length > 0 && b.years.length > 0 && !a.years.some((x) => b.years.some((y) => x.value === y.value))) return other;
  const conflicts: TimeConflict[] = [];
  let daysCompared = false;
  // A resolved day on each side.
  for (const precision of ['day', 'month', 'year'] as const) {
    const x = a.days.filter((d) => d.value.precision === precision);
    const y = b.days.filter((d) => d.value.precision === precision);
    if (x.length === 0 || y.length === 0) continue;
    // Years that agree say nothing about the month or the day: keep comparing those.
    if (precision !== 'year') daysCompared = true;
    if (x.some((dx) => y.some((dy) => overlaps(dx.value, dy.value)))) break;
    const near = x.some((dx) => y.some((dy) => overlaps(dx.value, dy.value, SAME_EVENT_DAYS)));
    if (!near && precision !== 'month') return other;
    conflicts.push({ kind: 'day', a: x[0]!, b: y[0]!, note: `${formatEpochDay(x[0]!.value.from)} ≠ ${formatEpochDay(y[0]!.value.from)}` });
    break;
  }
  // A year on one side only, against days of this week on the other: another event.
  const recent = (t: TimeFacts): boolean => t.relative.length > 0 || t.weekdays.length > 0 || t.recent.some((r) => r.value !== 'last-year');
  const yearOnly = (t: TimeFacts): boolean => (t.years.length > 0 && t.days.every((d) => d.value.precision !== 'day')) || t.recent.some((r) => r.value === 'last-year');
  const noYear = (t: TimeFacts): boolean => t.years.length === 0 && !t.recent.some((r) => r.value === 'last-year');
  if ((yearOnly(a) && noYear(b) && recent(b)) || (yearOnly(b) && noYear(a) && recent(a))) return other;
  if (!daysCompared && a.weekdays.length > 0 && b.weekdays.length > 0 && !a.weekdays.some((x) => b.weekdays.some((y) => x.value === y.value))) {
    const x = a.weekdays[0]!;
    const y = b.weekdays[0]!;
    conflicts.push({ kind: 'weekday', a: x, b: y, note: `${WEEKDAY_NAMES_EN[x.value]} ≠ ${WEEKDAY_NAMES_EN[y.value]}` });
  }
  if (!daysCompared && a.months.length > 0 && b.months.length > 0 && !a.months.some((x) => b.months.some((y) => x.value === y.value))) {
    const calendar = (m: string): string => (m.startsWith('h') ? 'h' : 'g');
    const x = a.months[0]!;
    const y = b.months.find((m) => calendar(m.value) === calendar(x.value));
    if (y !== undefined) conflicts.push({ kind: 'month', a: x, b: y });
  }
  // "3 December" / "December 5" with no year or publication date to resolve them: the written days differ.
  const sameMonthsOnly = !conflicts.some((c) => c.kind === 'month');
  if (!daysCompared && sameMonthsOnly && a.monthDays.length > 0 && b.monthDays.length > 0 && !a.monthDays.some((x) => b.monthDays.some((y) => x.value === y.value))) {
    conflicts.push({ kind: 'day', a: a.monthDays[0]!, b: b.monthDays[0]! });
  }
  if (!publishedKnown && a.relative.length > 0 && b.relative.length > 0 && !a.relative.some((x) => b.relative.some((y) => x.value === y.value))) {
    conflicts.push({ kind: 'relative', a: a.relative[0]!, b: b.relative[0]! });
  }
  if (a.clocks.length > 0 && b.clocks.length > 0 && !a.clocks.some((x) => b.clocks.some((y) => clocksMeet(x.value, y.value)))) {
    conflicts.push({ kind: 'clock', a: a.clocks[0]!, b: b.clocks[0]! });
  }
  if (a.dayParts.length > 0 && b.dayParts.length > 0 && !a.dayParts.some((x) => b.dayParts.some((y) => partsCompatible(x.value, y.value)))) {
    conflicts.push({ kind: 'part', a: a.dayParts[0]!, b: b.dayParts[0]! });
  }
  return { conflicts, differentEvent: false };
}
