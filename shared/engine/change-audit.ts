import { diffArrays } from 'diff';
import type { FrameAnalysis, Span } from './frame';
import { countWords } from './frame-compare';
import { actorHeadAt, eventClassAt, nationOf, negationAt } from './frame-lexicon';
import type { MatchToken } from './normalize';
import { oppositeIn } from './opposites';
import type { ClaimAnalysis } from './parse-report';
import { compareQuantities, type QuantityMention } from './quantities';
import { isStopword } from './stopwords';
import type { Difference, DifferenceKind } from './types';
import { monthNamed } from './weekday';

/**
 * The last reading of a linked pair before the editor sees it: every run of words one version
 * changed is read for what it changes, and a change no named difference explains is named by its
 * kind. Frames miss what their lexicons do not know; the word diff misses nothing, so a negation,
 * another actor, another time or another count in an otherwise identical sentence is never shown
 * as "the same, no differences".
 */

export interface AuditVersion {
  analysis: ClaimAnalysis;
  /** The report's full text: tokens and mentions carry offsets into it. */
  text: string;
}

export interface AuditResult {
  differences: Difference[];
  /** A change that cannot be true of both versions: a negation, an opposite, another actor, time or count. */
  flips: boolean;
}

/** Past this many changed words, two claims are rewritten rather than edited: the diff tells nothing. */
const MAX_EDITS = 40;
/** A run longer than this on either side is a rewrite of that part, not a changed slot. */
const MAX_RUN = 6;

interface Hunk {
  a: MatchToken[];
  b: MatchToken[];
  /** Indices of the first token of each run in its claim (the insertion point when a run is empty). */
  aFrom: number;
  bFrom: number;
}

/**
 * Words as the diff compares them: a word and its inflections or attached particles are one, and
 * so are all the names of one entity («الولايات المتحدة» / «أمريكا»), which count as one word.
 */
interface Unit {
  key: string;
  first: number;
  count: number;
}

/** A claim's units and names, read once however many links it has. */
const UNITS = new WeakMap<ClaimAnalysis, Unit[]>();
const NAMES = new WeakMap<ClaimAnalysis, Set<string>>();

function unitsOf(version: AuditVersion): Unit[] {
  let units = UNITS.get(version.analysis);
  if (units === undefined) {
    units = readUnits(version);
    UNITS.set(version.analysis, units);
  }
  return units;
}

function readUnits(version: AuditVersion): Unit[] {
  const tokens = version.analysis.tokens;
  const entities = version.analysis.features.entities;
  const units: Unit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const entity = entities.find((e) => token.end > e.start && token.start < e.end);
    const last = units[units.length - 1];
    if (entity !== undefined && last !== undefined && last.key === entity.entity && tokens[last.first]!.start >= entity.start) {
      last.count++;
      continue;
    }
    units.push({ key: entity?.entity ?? (token.stem || token.folded), first: i, count: 1 });
  }
  return units;
}

/** A lower bound of the edits between two word sequences: the words of each the other lacks. */
function editsAtLeast(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const key of a) counts.set(key, (counts.get(key) ?? 0) + 1);
  let unmatched = 0;
  for (const key of b) {
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    else unmatched++;
  }
  return unmatched + (a.length - (b.length - unmatched));
}

function hunksOf(a: AuditVersion, b: AuditVersion): Hunk[] | null {
  const unitsA = unitsOf(a);
  const unitsB = unitsOf(b);
  // Common ends are cut before diffing: the diff's cost grows with the length it has to search.
  let head = 0;
  while (head < unitsA.length && head < unitsB.length && unitsA[head]!.key === unitsB[head]!.key) head++;
  let tail = 0;
  while (tail < unitsA.length - head && tail < unitsB.length - head && unitsA[unitsA.length - 1 - tail]!.key === unitsB[unitsB.length - 1 - tail]!.key) tail++;
  if (head === unitsA.length && head === unitsB.length) return [];
  const keysA = unitsA.slice(head, unitsA.length - tail).map((u) => u.key);
  const keysB = unitsB.slice(head, unitsB.length - tail).map((u) => u.key);
  // Words one side has and the other lacks must each be edited: past the limit, no diff is tried.
  if (editsAtLeast(keysA, keysB) > MAX_EDITS) return null;
  const middle = diffArrays(keysA, keysB, { maxEditLength: MAX_EDITS });
  if (middle === undefined) return null;
  const changes = [{ count: head, value: [], added: false, removed: false }, ...middle];
  const tokensOf = (version: AuditVersion, units: Unit[], from: number, count: number): MatchToken[] =>
    units.slice(from, from + count).flatMap((u) => version.analysis.tokens.slice(u.first, u.first + u.count));
  const firstToken = (version: AuditVersion, units: Unit[], at: number): number => units[at]?.first ?? version.analysis.tokens.length;
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      if (open) hunks.push(open);
      open = null;
      i += count;
      j += count;
      continue;
    }
    open ??= { a: [], b: [], aFrom: firstToken(a, unitsA, i), bFrom: firstToken(b, unitsB, j) };
    if (change.removed) {
      open.a.push(...tokensOf(a, unitsA, i, count));
      i += count;
    } else {
      open.b.push(...tokensOf(b, unitsB, j, count));
      j += count;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}

const within = (span: Span, tokens: readonly MatchToken[]): boolean =>
  tokens.length > 0 && span.end > tokens[0]!.start && span.start < tokens[tokens.length - 1]!.end;

function words(version: AuditVersion, tokens: readonly MatchToken[]): string {
  if (tokens.length === 0) return '';
  return version.text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).trim();
}

/** A run's words, with the word before or after it when the run is a lone particle («لم»). */
function shown(version: AuditVersion, run: readonly MatchToken[], from: number): string {
  const all = version.analysis.tokens;
  if (run.length === 0) return '';
  const last = from + run.length - 1;
  const tokens = run.length === 1 && all[last + 1] !== undefined ? [run[0]!, all[last + 1]!] : run;
  return words(version, tokens);
}

/** Negations, denials and failures in a run, counted where they stand in their claim. */
function negationsIn(version: AuditVersion, run: readonly MatchToken[], from: number): number {
  const all = version.analysis.tokens;
  let count = 0;
  for (let k = 0; k < run.length; k++) {
    if (negationAt(all, from + k) !== null || eventClassAt(all, from + k) === 'deny') count++;
  }
  return count;
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

function namesIn(version: AuditVersion, run: readonly MatchToken[], from: number): string[][] {
  return run.map((token, k) => nameKeys(version, token, from + k)).filter((keys) => keys.length > 0);
}

function allNames(version: AuditVersion): Set<string> {
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
function timesIn(frame: FrameAnalysis, run: readonly MatchToken[]): TimeWords {
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
  // "in May", "in March": a month only the other version's month makes readable.
  for (const token of run) {
    const month = token.bare === 'may' ? 5 : token.bare === 'march' ? 3 : monthNamed(token.bare, undefined)?.month;
    if (month !== undefined && !/[\u0600-\u06ff]/.test(token.bare)) add('month-word', String(month));
  }
  return { kinds };
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
function timesClash(a: Map<string, Set<string>>, b: Map<string, Set<string>>): boolean {
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
    return !xs.some((x) => other.has(x));
  });
}

function timeSpans(frame: FrameAnalysis): Span[] {
  return frame.times.phrases;
}

/** A run's words widened to the whole mentions it cuts into: «بنحو 20» of «بنحو 20 مليون دولار». */
function spanned(version: AuditVersion, run: readonly MatchToken[], mentions: readonly Span[]): string {
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

function quantitiesIn(frame: FrameAnalysis, run: readonly MatchToken[]): QuantityMention[] {
  return frame.quantities.filter((q) => within(q, run));
}

function inSource(analysis: ClaimAnalysis, run: readonly MatchToken[]): boolean {
  const source = analysis.attribution;
  return source !== null && run.some((t) => t.start >= source.start && t.end <= source.end);
}

/** A word of one run is a form of a word of the other: a rewording, not another name. */
function sharesRoot(a: readonly MatchToken[], b: readonly MatchToken[]): boolean {
  return a.some((x) => !isStopword(x.folded, x.bare) && b.some((y) => !isStopword(y.folded, y.bare) && (x.stem === y.stem || (x.stem.length >= 4 && y.stem.length >= 4 && (x.stem.startsWith(y.stem) || y.stem.startsWith(x.stem))))));
}

/**
 * Two runs that trade places around a word of content: «هاجمت قوات الجهاز مقرا للواء» / «هاجم
 * اللواء مقرا للجهاز», "A attacked B" / "B attacked A". Who did it and to whom are swapped. A list in
 * another order ("France and Germany" / "Germany and France") trades around a conjunction only.
 */
function rolesSwapped(a: AuditVersion, hunks: readonly Hunk[]): [Hunk, Hunk] | null {
  // «للحرس» keeps its preposition after light stemming: «حرس» is the word traded.
  const stem = (t: MatchToken): string => (/^[\u0600-\u06ff]/.test(t.stem) && /^[لبك]/.test(t.stem) && t.stem.length > 3 ? t.stem.slice(1) : t.stem);
  const stems = (run: readonly MatchToken[]): Set<string> => new Set(run.filter((t) => !isStopword(t.folded, t.bare)).map(stem));
  const overlap = (x: Set<string>, y: Set<string>): boolean => [...x].some((v) => y.has(v));
  for (let i = 0; i < hunks.length; i++) {
    for (let j = i + 1; j < hunks.length; j++) {
      const [h1, h2] = [hunks[i]!, hunks[j]!];
      const [a1, b1, a2, b2] = [stems(h1.a), stems(h1.b), stems(h2.a), stems(h2.b)];
      const between = a.analysis.tokens.slice(h1.aFrom + h1.a.length, h2.aFrom);
      if (!hasContent(between)) continue;
      const traded = a1.size > 0 && b1.size > 0 && a2.size > 0 && b2.size > 0 && !overlap(a1, b1) && overlap(a1, b2) && overlap(b1, a2);
      if (traded) return [h1, h2];
    }
  }
  return null;
}

/** Words that stand for any name of their kind: "the city", «البلاد», "the group", «الجماعة». */
const GENERIC = /^(عاصمه|مدينه|بلده|قريه|منطقه|محافظه|ولايه|اقليم|بلاد|دوله|جماعه|منظمه|حركه|جهه|طرف|اطراف|capital|city|town|village|area|region|district|country|province|state|group|organization|organisation|movement|side|party)$/;
function generic(run: readonly MatchToken[]): boolean {
  return run.some((t) => GENERIC.test(t.bare));
}

function hasContent(run: readonly MatchToken[]): boolean {
  return run.some((t) => !isStopword(t.folded, t.bare));
}

/** Whether a named difference already speaks of these words. */
function covered(named: readonly Difference[], kinds: readonly DifferenceKind[], a: string, b: string): boolean {
  const overlaps = (x: string, y: string): boolean => x !== '' && y !== '' && (x.includes(y) || y.includes(x));
  return named.some((d) => kinds.includes(d.kind) && (overlaps(d.a, a) || overlaps(d.b, b) || (a === '' && d.a === '' && overlaps(d.b, b)) || (b === '' && d.b === '' && overlaps(d.a, a))));
}

/**
 * The quantity difference two runs state, if any, as the frames name it: shares (all, most, half,
 * 80%) and vague counts differ as quantifiers, counts as numbers unless the value is the same and
 * only its hedge changed («نحو 300» / «أكثر من 300»).
 */
function quantityChange(qa: readonly QuantityMention[], qb: readonly QuantityMention[]): { x: QuantityMention; y: QuantityMention; kind: 'number' | 'quantifier'; flips: boolean } | null {
  for (const x of qa) {
    const peers = qb.filter((y) => y.kind === x.kind);
    if (peers.length === 0 || peers.some((y) => compareQuantities(x, y) === 'equal')) continue;
    const y = peers[0]!;
    const flips = compareQuantities(x, y) === 'disjoint';
    const numbers = x.kind !== 'share' && x.value !== y.value && x.hedge !== 'vague' && y.hedge !== 'vague';
    return { x, y, kind: numbers ? 'number' : 'quantifier', flips };
  }
  return null;
}

/**
 * Names every changed slot of two linked versions that `named` does not already explain, and says
 * whether one of them flips the claim. Gives up (no differences) when the versions are too far apart
 * for a word diff to line them up.
 */
export function auditChanges(a: AuditVersion, b: AuditVersion, named: readonly Difference[]): AuditResult {
  const hunks = hunksOf(a, b);
  if (hunks === null || hunks.length === 0) return { differences: [], flips: false };
  const out: Difference[] = [];
  let flips = false;
  const seen = (kinds: readonly DifferenceKind[], x: string, y: string): boolean => covered([...named, ...out], kinds, x, y);

  // Negations and opposites are counted over every change: «أعيد فتح المعبر» / «بقي المعبر مغلقا» changes two runs.
  const negA = hunks.reduce((n, h) => n + negationsIn(a, h.a, h.aFrom), 0);
  const negB = hunks.reduce((n, h) => n + negationsIn(b, h.b, h.bFrom), 0);
  const changedA = hunks.flatMap((h) => h.a);
  const changedB = hunks.flatMap((h) => h.b);
  const opposite = oppositeIn(changedA, changedB);
  if (negA % 2 !== negB % 2 || opposite !== null) {
    const negated = hunks.filter((h) => negationsIn(a, h.a, h.aFrom) + negationsIn(b, h.b, h.bFrom) > 0 || oppositeIn(h.a, h.b) !== null || (opposite !== null && (oppositeIn(h.a, changedB) !== null || oppositeIn(changedA, h.b) !== null)));
    const place = negated.length > 0 ? negated : hunks.slice(0, 1);
    const x = place.map((h) => shown(a, h.a, h.aFrom)).filter((s) => s !== '').join(' … ');
    const y = place.map((h) => shown(b, h.b, h.bFrom)).filter((s) => s !== '').join(' … ');
    if (!named.some((d) => d.kind === 'polarity')) out.push({ kind: 'polarity', a: x, b: y, note: `polarity: ${opposite ?? 'asserted ≠ negated'} (${x || '—'} / ${y || '—'})` });
    flips = true;
  }

  const swap = rolesSwapped(a, hunks);
  if (swap !== null) {
    const x = swap.map((h) => words(a, h.a)).join(' … ');
    const y = swap.map((h) => words(b, h.b)).join(' … ');
    if (!seen(['entity'], x, y)) out.push({ kind: 'entity', a: x, b: y, note: `entity: roles swapped (${x} / ${y})` });
    flips = true;
  }

  let names: { a: Set<string>; b: Set<string> } | null = null;
  const claimNames = (): { a: Set<string>; b: Set<string> } => (names ??= { a: allNames(a), b: allNames(b) });
  let wordingLeft = 2;
  for (const hunk of hunks) {
    if (hunk.a.length > MAX_RUN || hunk.b.length > MAX_RUN) continue;
    const x = words(a, hunk.a);
    const y = words(b, hunk.b);
    const source = inSource(a.analysis, hunk.a) || inSource(b.analysis, hunk.b);

    const timesA = timesIn(a.analysis.frame, hunk.a).kinds;
    const timesB = timesIn(b.analysis.frame, hunk.b).kinds;
    if (timesA.size > 0 || timesB.size > 0) {
      // Only the same slot told two ways is a difference: «أمس» and «يوم الأحد» may be one day.
      const clash = timesClash(timesA, timesB);
      if (clash) {
        const [sx, sy] = [spanned(a, hunk.a, timeSpans(a.analysis.frame)), spanned(b, hunk.b, timeSpans(b.analysis.frame))];
        if (!seen(['date'], sx, sy)) out.push({ kind: 'date', a: sx, b: sy, note: `date: ${sx} ≠ ${sy}` });
        flips = true;
      }
      continue;
    }

    const quantity = quantityChange(quantitiesIn(a.analysis.frame, hunk.a), quantitiesIn(b.analysis.frame, hunk.b));
    if (quantity !== null) {
      const [sx, sy] = [countWords(a.text, quantity.x), countWords(b.text, quantity.y)];
      if (!seen(['number', 'quantifier'], sx, sy)) out.push({ kind: quantity.kind, a: sx, b: sy, note: `${quantity.kind}: ${sx} ≠ ${sy}` });
      if (quantity.flips) flips = true;
      continue;
    }
    if (quantitiesIn(a.analysis.frame, hunk.a).length + quantitiesIn(b.analysis.frame, hunk.b).length > 0) continue;
    if (source) continue;

    const na = namesIn(a, hunk.a, hunk.aFrom);
    const nb = namesIn(b, hunk.b, hunk.bFrom);
    // Another name where the other version has its own, and neither gives the other's anywhere.
    // Another name where the other version has its own, and neither gives the other's anywhere.
    const absent = (): boolean => !na.some((keys) => keys.some((n) => claimNames().b.has(n))) && !nb.some((keys) => keys.some((n) => claimNames().a.has(n)));
    const swapped = na.length > 0 && nb.length > 0 && !sharesRoot(hunk.a, hunk.b) && absent();
    if (swapped) {
      if (!seen(['entity'], x, y)) out.push({ kind: 'entity', a: x, b: y, note: `entity: ${x} ≠ ${y}` });
      flips = true;
      continue;
    }
    // A name where the other version has other words («خفر السواحل الليبي» / «صيادون»): perhaps
    // someone else, perhaps the same one described. Named for the editor, not called a contradiction.
    const described = (na.length > 0) !== (nb.length > 0) && hunk.a.length <= 4 && hunk.b.length <= 4 && hasContent(hunk.a) && hasContent(hunk.b);
    if (described && !sharesRoot(hunk.a, hunk.b) && !generic(hunk.a) && !generic(hunk.b) && absent()) {
      if (!seen(['entity'], x, y)) out.push({ kind: 'entity', a: x, b: y, note: `entity: ${x} ≠ ${y}` });
      continue;
    }
    if (wordingLeft > 0 && hasContent(hunk.a) && hasContent(hunk.b) && !seen(['wording', 'polarity', 'entity', 'attribution'], x, y)) {
      out.push({ kind: 'wording', a: x, b: y, note: `wording: ${x} ≠ ${y}` });
      wordingLeft--;
    }
  }
  return { differences: out, flips };
}
