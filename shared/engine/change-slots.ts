import type { FrameAnalysis, Span } from './frame';
import { actorHeadAt, eventClassAt, nationOf, negationAt } from './frame-lexicon';
import type { AuditVersion } from './change-hunks';
import type { MatchToken } from './normalize';
import type { ClaimAnalysis } from './parse-report';
import type { QuantityMention } from './quantities';
import { isStopword } from './stopwords';
import { clocksMeet, type ClockTime } from './time-facts';
import { monthNamed } from './weekday';
import { MONTH_PARTS } from './wording';

/**
 * What a run of changed words says: its negations, the names it gives, its time slots and
 * quantities, whether it lies in the claim's source, and its words as the editor reads them.
 */

const within = (span: Span, tokens: readonly MatchToken[]): boolean =>
  tokens.length > 0 && span.end > tokens[0]!.start && span.start < tokens[tokens.length - 1]!.end;

export function words(version: AuditVersion, tokens: readonly MatchToken[]): string {
  if (tokens.length === 0) return '';
  return version.text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).trim();
}

/** A run's words, with the word before or after it when the run is a lone particle («لم»). */
export function shown(version: AuditVersion, run: readonly MatchToken[], from: number): string {
  const all = version.analysis.tokens;
  if (run.length === 0) return '';
  const last = from + run.length - 1;
  const tokens = run.length === 1 && all[last + 1] !== undefined ? [run[0]!, all[last + 1]!] : run;
  return words(version, tokens);
}

/** Negations, denials and failures in a run, counted where they stand in their claim. */
export function negationsIn(version: AuditVersion, run: readonly MatchToken[], from: number): number {
  const all = version.analysis.tokens;
  let count = 0;
  for (let k = 0; k < run.length; k++) {
    if (negationAt(all, from + k) !== null || eventClassAt(all, from + k) === 'deny' || refusalAt(all, from + k)) count++;
  }
  return count;
}

/** «رفضت الشرطة إطلاق سراح …»: a refusal of the act the other version says was done. */
function refusalAt(tokens: readonly MatchToken[], i: number): boolean {
  if (!/^(ي|ت)?رفض(ت|وا|ون)?$/.test(tokens[i]!.bare)) return false;
  return [tokens[i + 1], tokens[i + 2]].some((t) => t !== undefined && !t.folded.startsWith('ال') && /^(ا..ا.|ت..ي.|است..ا.)$/.test(t.bare));
}

/** What «ما» stands before when it is no negation: «ما زال», «ما يلي», «ما إذا». */
const MA_NOT_NEGATING = /^(زال|زالت|يزال|تزال|دام|دامت|يلي|اذا|ان|بين|بعد|قبل|هو|هي|هم|لم|لا|يكفي|عدا|خلا|سوي|الي|من|في|علي|عن|الذي|التي|الذين)$/;
/** Words before «ما» that make it «what»: «بحسب ما أفاد», «كل ما», «بعد ما». */
const MA_RELATIVE_AFTER = /^(حسب|بحسب|وفق|وفقا|كل|بعد|عند|مثل|كما|ريثما|بقدر|اكثر|اقل|اول|اخر|نحو|حسبما)$/;

/**
 * A «ما» one version adds before a verb both versions share (ما زار / زار): the MSA negation of
 * the past. Read only where the other version has no word in its place.
 */
export function negatingMa(version: AuditVersion, run: readonly MatchToken[], from: number, otherEmpty: boolean): boolean {
  if (!otherEmpty || run.length === 0) return false;
  const all = version.analysis.tokens;
  const last = from + run.length - 1;
  const ma = run[run.length - 1]!;
  // «الحكم غير نهائي» / «الحكم نهائي»: «غير» before a word both versions share negates it too.
  if (ma.bare === 'غير' || ma.folded === 'غير') return all[last + 1] !== undefined && !/^(ان|انه|انها|ذلك)$/.test(all[last + 1]!.bare);
  if (ma.bare !== 'ما' && !/^(و|ف)?ما$/.test(ma.folded)) return false;
  const next = all[last + 1];
  const previous = all[last - 1];
  if (next === undefined || MA_NOT_NEGATING.test(next.bare) || MA_NOT_NEGATING.test(next.folded)) return false;
  return previous === undefined || !MA_RELATIVE_AFTER.test(previous.bare);
}

/**
 * Who each word of a run names, as keys: a known entity, a nation («روسيا» and «الروسية» are one),
 * an armed side, or a word in capitals inside an English sentence.
 */
function nameKeys(version: AuditVersion, token: MatchToken, index: number): string[] {
  const keys: string[] = [];
  const entity = version.analysis.features.entities.find((e) => token.end > e.start && token.start < e.end);
  if (entity) keys.push(entity.entity);
  const nation = nationOf(token);
  if (nation !== null) keys.push(`nation:${nation}`, `@${nation}`);
  const head = actorHeadAt(token);
  if (head?.side) keys.push(`side:${head.side}`);
  if (keys.length === 0 && /^[A-Z]/.test(version.text.slice(token.start, token.end)) && index > 0 && !isStopword(token.folded, token.bare)) keys.push(`name:${token.stem}`);
  return keys;
}

export function namesIn(version: AuditVersion, run: readonly MatchToken[], from: number): string[][] {
  return run.map((token, k) => nameKeys(version, token, from + k)).filter((keys) => keys.length > 0);
}

/** A claim's names, read once however many links it has. */
const NAMES = new WeakMap<ClaimAnalysis, Set<string>>();

export function allNames(version: AuditVersion): Set<string> {
  let names = NAMES.get(version.analysis);
  if (names === undefined) {
    names = new Set(namesIn(version, version.analysis.tokens, 0).flat());
    NAMES.set(version.analysis, names);
  }
  return names;
}

interface TimeWords {
  kinds: Map<string, Set<string>>;
}

/** The time slots a run gives, by kind (weekday, month, year, part of day, relative day). */
export function timesIn(frame: FrameAnalysis, run: readonly MatchToken[]): TimeWords {
  const kinds = new Map<string, Set<string>>();
  const add = (kind: string, value: string): void => {
    const set = kinds.get(kind) ?? new Set<string>();
    set.add(value);
    kinds.set(kind, set);
  };
  const t = frame.times;
  for (const s of t.weekdays) if (within(s, run)) add('weekday', String(s.value));
  for (const s of t.months) if (within(s, run)) add('month', s.value);
  for (const s of t.years) if (within(s, run)) add('year', String(s.value));
  for (const s of t.dayParts) if (within(s, run)) add('part', s.value);
  for (const s of t.relative) if (within(s, run)) add('relative', String(s.value));
  for (const s of t.days) if (within(s, run)) add('day', `${s.value.from}~${s.value.to}`);
  if (t.days.length === 0) for (const s of t.monthDays) if (within(s, run)) add('month-day', s.value);
  for (const s of t.recent) if (within(s, run)) add('recent', s.value);
  for (const s of t.clocks) if (within(s, run)) add('clock', `${s.value.minutes}|${s.value.halfDay ? 'half' : 'day'}`);
  // "mid-November" / "late November", «أوائل» / «أواخر» الشهر: parts of a month.
  run.forEach((token, k) => {
    const next = run[k + 1];
    if (MONTH_PARTS.test(token.bare) && next !== undefined && monthNamed(next.bare, run[k + 2]?.bare) !== null) add('month-part', token.bare);
  });
  // «قبل انطلاق المباراة» / «بعد نهاية المباراة», "before" / "after" the same moment.
  for (const token of run) if (/^(قبل|before|prior)$/.test(token.bare)) add('order', 'before');
  for (const token of run) if (/^(بعد|after|following)$/.test(token.bare)) add('order', 'after');
  // "in May", "in March": a month only the other version's month makes readable.
  for (const token of run) {
    const month = token.bare === 'may' ? 5 : token.bare === 'march' ? 3 : monthNamed(token.bare, undefined)?.month;
    if (month !== undefined && !/[\u0600-\u06ff]/.test(token.bare)) add('month-word', String(month));
  }
  return { kinds };
}

function clockOf(value: string): ClockTime {
  const [minutes, half] = value.split('|');
  return { minutes: Number(minutes), halfDay: half === 'half' };
}

/** Parts of the day next to each other: «ساعات الصباح الأولى» and «الفجر» may be one hour. */
const DAY_PARTS = ['dawn', 'morning', 'noon', 'afternoon', 'evening', 'night'];
function partsApart(x: string, y: string): boolean {
  const distance = Math.abs(DAY_PARTS.indexOf(x) - DAY_PARTS.indexOf(y));
  return Math.min(distance, DAY_PARTS.length - distance) > 1;
}

function daysOverlap(x: string, y: string): boolean {
  const [fx, tx] = x.split('~').map(Number);
  const [fy, ty] = y.split('~').map(Number);
  return fx! <= ty! && fy! <= tx!;
}

/**
 * Whether two runs give the same time slot two ways that cannot both be right. A weekday that
 * disagrees with a date both versions share is the text contradicting itself, named elsewhere.
 */
export function timesClash(a: Map<string, Set<string>>, b: Map<string, Set<string>>): boolean {
  const daysA = [...(a.get('day') ?? [])];
  const daysB = [...(b.get('day') ?? [])];
  const sameDay = daysA.some((x) => daysB.some((y) => daysOverlap(x, y)));
  return [...a].some(([kind, values]) => {
    const other = b.get(kind);
    if (other === undefined) return false;
    const xs = [...values];
    const ys = [...other];
    if (kind === 'day') return !sameDay;
    if (kind === 'weekday' && sameDay) return false;
    if (kind === 'part') return !xs.some((x) => ys.some((y) => !partsApart(x, y)));
    if (kind === 'clock') return !xs.some((x) => ys.some((y) => clocksMeet(clockOf(x), clockOf(y))));
    return !xs.some((x) => other.has(x));
  });
}

export function timeSpans(frame: FrameAnalysis): Span[] {
  return frame.times.phrases;
}

/** A run's words widened to the whole mentions it cuts into: «بنحو 20» of «بنحو 20 مليون دولار». */
export function spanned(version: AuditVersion, run: readonly MatchToken[], mentions: readonly Span[]): string {
  if (run.length === 0) return '';
  let start = run[0]!.start;
  let end = run[run.length - 1]!.end;
  for (const m of mentions) {
    if (m.end > start && m.start < end) {
      start = Math.min(start, m.start);
      end = Math.max(end, m.end);
    }
  }
  return version.text.slice(start, end).trim();
}

export function quantitiesIn(frame: FrameAnalysis, run: readonly MatchToken[]): QuantityMention[] {
  return frame.quantities.filter((q) => within(q, run));
}

export function inSource(analysis: ClaimAnalysis, run: readonly MatchToken[]): boolean {
  const source = analysis.attribution;
  return source !== null && run.some((t) => t.start >= source.start && t.end <= source.end);
}

/** A word of one run is a form of a word of the other: a rewording, not another name. */
export function sharesRoot(a: readonly MatchToken[], b: readonly MatchToken[]): boolean {
  return a.some((x) => !isStopword(x.folded, x.bare) && b.some((y) => !isStopword(y.folded, y.bare) && (x.stem === y.stem || (x.stem.length >= 4 && y.stem.length >= 4 && (x.stem.startsWith(y.stem) || y.stem.startsWith(x.stem))))));
}

/** Words that stand for any name of their kind: "the city", «البلاد», "the group", «الجماعة». */
const GENERIC = /^(عاصمه|مدينه|بلده|قريه|منطقه|محافظه|ولايه|اقليم|بلاد|دوله|جماعه|منظمه|حركه|جهه|طرف|اطراف|capital|city|town|village|area|region|district|country|province|state|group|organization|organisation|movement|side|party)$/;
export function generic(run: readonly MatchToken[]): boolean {
  return run.some((t) => GENERIC.test(t.bare));
}

export function hasContent(run: readonly MatchToken[]): boolean {
  return run.some((t) => !isStopword(t.folded, t.bare));
}
