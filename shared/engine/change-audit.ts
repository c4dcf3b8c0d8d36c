import type { AuditVersion, Hunk } from './change-hunks';
import { hunksOf } from './change-hunks';
import {
  allNames,
  generic,
  hasContent,
  inSource,
  namesIn,
  negatingMa,
  negationsIn,
  quantitiesIn,
  sharesRoot,
  shown,
  spanned,
  timesClash,
  timesIn,
  timeSpans,
  words,
} from './change-slots';
import { countWords } from './frame-compare';
import { actorHeadAt, eventClassAt, modifierSide, nationOf, negationAt, placeNounOf } from './frame-lexicon';
import type { DateMention } from './claim-features';
import type { MatchToken } from './normalize';
import { oppositeIn } from './opposites';
import { compareQuantities, quantityDifferenceKind, type QuantityMention } from './quantities';
import { isStopword } from './stopwords';
import type { Difference, DifferenceKind } from './types';

/**
 * The last reading of a linked pair before the editor sees it: every run of words one version
 * changed is read for what it changes, and a change no named difference explains is named by its
 * kind. Frames miss what their lexicons do not know; the word diff misses nothing, so a negation,
 * another actor, another time or another count in an otherwise identical sentence is never shown
 * as "the same, no differences".
 */

export type { AuditVersion } from './change-hunks';

export interface AuditResult {
  differences: Difference[];
  /** A change that cannot be true of both versions: a negation, an opposite, another actor, time or count. */
  flips: boolean;
}

/** A run longer than this on either side is a rewrite of that part, not a changed slot. */
const MAX_RUN = 6;

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

/** A run right after a kind of place («معبر», «مدينة», "crossing" before it in English: "the Jaber crossing"). */
function namesPlace(version: AuditVersion, from: number, length: number): boolean {
  if (length === 0) return false;
  const tokens = version.analysis.tokens;
  const before = tokens[from - 1];
  const after = tokens[from + length];
  return (before !== undefined && placeNounOf(before) !== null && /[\u0600-\u06ff]/.test(before.bare)) || (after !== undefined && placeNounOf(after) !== null && !/[\u0600-\u06ff]/.test(after.bare));
}

/**
 * A run at the head of its sentence, where the doer stands: after the verb that opens an Arabic
 * sentence («أغلق محتجون …», «وقصفت الطائرات …»), before the verb in English ("Fishermen rescued …",
 * "The coast guard rescued …").
 */
function atHead(version: AuditVersion, from: number): boolean {
  const tokens = version.analysis.tokens;
  const before = tokens.slice(0, from).filter((t) => !isStopword(t.folded, t.bare));
  if (from >= tokens.length) return false;
  return /[\u0600-\u06ff]/.test(tokens[from]!.bare) ? before.length === 1 && from <= 2 : before.length === 0 && from <= 1;
}

/** The word beside both runs, where the verb stands (before in Arabic, after in English), is one word of content. */
function sameVerbBeside(a: AuditVersion, aFrom: number, aLength: number, b: AuditVersion, bFrom: number, bLength: number): boolean {
  const arabic = /[\u0600-\u06ff]/.test(a.analysis.tokens[aFrom]?.bare ?? '');
  const x = arabic ? a.analysis.tokens[aFrom - 1] : a.analysis.tokens[aFrom + aLength];
  const y = arabic ? b.analysis.tokens[bFrom - 1] : b.analysis.tokens[bFrom + bLength];
  return x !== undefined && y !== undefined && x.stem === y.stem && !isStopword(x.folded, x.bare);
}

/** People who act, named by what they are: «محتجون», «صيادون», "fishermen", "residents". */
const PEOPLE = /^(محتج|محتجون|محتجين|متظاهر|متظاهرون|متظاهرين|صياد|صيادون|صيادين|سكان|اهالي|ناشط|ناشطون|ناشطين|شهود|متطوع|متطوعون|متطوعين|مدني|مدنيون|مدنيين|عمال|طلاب|مسلح|مسلحون|مسلحين|fishermen|residents|villagers|locals|activists|witnesses|volunteers|protesters|demonstrators|civilians|workers|students|gunmen|rescuers|medics|doctors)$/;

/** A run that can name who did something: an actor, a nation, a known name, people, a name in capitals. */
function doerLike(version: AuditVersion, run: readonly MatchToken[]): boolean {
  if (run.some((t) => negationAt(run, run.indexOf(t)) !== null)) return false;
  return run.some((t) => actorHeadAt(t) !== null || nationOf(t) !== null || PEOPLE.test(t.bare) || version.analysis.features.entities.some((e) => t.end > e.start && t.start < e.end) || (!/[\u0600-\u06ff]/.test(t.bare) && /^[A-Z]/.test(version.text.slice(t.start, t.end)) && !isStopword(t.folded, t.bare)));
}

/** A run that names forces of no side: «القوات», "the armed forces", "security forces" of whoever the sentence means. */
function unnamedForces(version: AuditVersion, run: readonly MatchToken[]): boolean {
  const named = (t: MatchToken): boolean =>
    (actorHeadAt(t)?.side ?? null) !== null || modifierSide(t) !== null || nationOf(t) !== null || (!isStopword(t.folded, t.bare) && /^[A-Z]/.test(version.text.slice(t.start, t.end)));
  return run.some((t) => actorHeadAt(t)?.neutral === true) && !run.some(named);
}

/** Both runs name forces of one side («الجيش» / «القوات الحكومية»): one doer described two ways. */
function oneSide(x: readonly MatchToken[], y: readonly MatchToken[]): boolean {
  const sides = (run: readonly MatchToken[]): Set<string> => new Set(run.flatMap((t) => [actorHeadAt(t)?.side ?? modifierSide(t)].filter((s): s is NonNullable<typeof s> => s !== null && s !== undefined)));
  const [sx, sy] = [sides(x), sides(y)];
  return [...sx].some((s) => sy.has(s));
}

/** The dates a run gives that its frame does not take as the event's: when the source spoke. */
function datesIn(version: AuditVersion, run: readonly MatchToken[]): DateMention[] {
  if (run.length === 0) return [];
  const [start, end] = [run[0]!.start, run[run.length - 1]!.end];
  return version.analysis.features.dates.filter((d) => d.start < end && d.end > start);
}

const spoken = (version: AuditVersion, dates: readonly DateMention[]): string => dates.map((d) => version.text.slice(d.start, d.end)).join(' ');

/** One day told two ways («نيسان 2023» / «أبريل 2023»): the same weekday, or the same resolved days. */
function sameDates(x: readonly DateMention[], y: readonly DateMention[]): boolean {
  const key = (d: DateMention): string => `${d.precision}|${d.weekday}|${d.from}|${d.to}`;
  const resolved = (d: DateMention): boolean => d.weekday !== null || d.from !== null;
  return x.every(resolved) && y.every(resolved) && x.map(key).sort().join() === y.map(key).sort().join();
}

/**
 * A run that adds one member to a list of names: «وكسلا» after «بورتسودان والقضارف», "and Kursk"
 * after "Bryansk". The word before it is a name, and the run is «و» with a word, or "and" / a comma
 * with a word in capitals.
 */
function listedName(version: AuditVersion, run: readonly MatchToken[], from: number): boolean {
  if (run.length === 0 || run.length > 3) return false;
  const tokens = version.analysis.tokens;
  const entities = version.analysis.features.entities;
  const isName = (t: MatchToken | undefined): boolean =>
    t !== undefined && (entities.some((e) => t.end > e.start && t.start < e.end) || nationOf(t) !== null || (!/[\u0600-\u06ff]/.test(t.bare) && /^[A-Z]/.test(version.text.slice(t.start, t.end)) && !isStopword(t.folded, t.bare)));
  const first = run[0]!;
  const before = tokens[from - 1];
  if (/[\u0600-\u06ff]/.test(first.bare)) {
    // «والحسكة»: the conjunction on the word; the word before it a name, or a list member itself.
    const joined = first.folded.startsWith('و') && !isStopword(first.folded, first.bare) && run.length === 1 && eventClassAt(tokens, from) === null;
    return joined && before !== undefined && (isName(before) || before.folded.startsWith('و')) && placeNounOf(first) === null;
  }
  const opens = first.bare === 'and' || /,\s*$/.test(version.text.slice(before?.end ?? 0, first.start));
  return opens && run.some(isName) && (before === undefined || isName(before));
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
    return { x, y, kind: quantityDifferenceKind(x, y), flips };
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
  const negA = hunks.reduce((n, h) => n + negationsIn(a, h.a, h.aFrom) + (negatingMa(a, h.a, h.aFrom, h.b.length === 0) ? 1 : 0), 0);
  const negB = hunks.reduce((n, h) => n + negationsIn(b, h.b, h.bFrom) + (negatingMa(b, h.b, h.bFrom, h.a.length === 0) ? 1 : 0), 0);
  const changedA = hunks.flatMap((h) => h.a);
  const changedB = hunks.flatMap((h) => h.b);
  const opposite = oppositeIn(changedA, changedB);
  if (negA % 2 !== negB % 2 || opposite !== null) {
    const negated = hunks.filter((h) => negationsIn(a, h.a, h.aFrom) + negationsIn(b, h.b, h.bFrom) > 0 || negatingMa(a, h.a, h.aFrom, h.b.length === 0) || negatingMa(b, h.b, h.bFrom, h.a.length === 0) || oppositeIn(h.a, h.b) !== null || (opposite !== null && (oppositeIn(h.a, changedB) !== null || oppositeIn(changedA, h.b) !== null)));
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

    // «أعلنت الوزارة يوم الخميس» / «يوم الجمعة»: dates that are not the event's tell when the source
    // spoke. Another day is named; the fact may still be one.
    const [datesA, datesB] = [datesIn(a, hunk.a), datesIn(b, hunk.b)];
    if (datesA.length > 0 && datesB.length > 0) {
      const [spokenA, spokenB] = [spoken(a, datesA), spoken(b, datesB)];
      if (!sameDates(datesA, datesB) && !seen(['date'], spokenA, spokenB)) out.push({ kind: 'date', a: spokenA, b: spokenB, note: `date: ${spokenA} ≠ ${spokenB} (when the source spoke)` });
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

    // «بورتسودان والقضارف» / «بورتسودان والقضارف وكسلا», "Bryansk" / "Bryansk and Kursk": a name one list adds.
    if ((hunk.a.length === 0) !== (hunk.b.length === 0)) {
      const [version, run, from, other] = hunk.a.length > 0 ? [a, hunk.a, hunk.aFrom, b] : [b, hunk.b, hunk.bFrom, a];
      // A list in another order gives the name elsewhere in the other version: no name added.
      const elsewhere = (): boolean => {
        const keys = namesIn(version, run, from).flat();
        const otherNames = allNames(other);
        const stems = new Set(other.analysis.tokens.map((t) => t.stem));
        return keys.some((k) => otherNames.has(k)) || run.some((t) => !isStopword(t.folded, t.bare) && stems.has(t.stem));
      };
      if (listedName(version, run, from) && !elsewhere()) {
        const named = words(version, run).replace(/^(and|or)\s+/i, '');
        const [x, y] = hunk.a.length > 0 ? [named, ''] : ['', named];
        if (!seen(['entity'], x, y)) out.push({ kind: 'entity', a: x, b: y, note: `entity: only ${hunk.a.length > 0 ? 'the first' : 'the second'} version names ${named}` });
        continue;
      }
    }

    const na = namesIn(a, hunk.a, hunk.aFrom);
    const nb = namesIn(b, hunk.b, hunk.bFrom);
    // Another name where the other version has its own, and neither gives the other's anywhere.
    // Another name where the other version has its own, and neither gives the other's anywhere.
    const absent = (): boolean => !na.some((keys) => keys.some((n) => claimNames().b.has(n))) && !nb.some((keys) => keys.some((n) => claimNames().a.has(n)));
    // The verb both runs share («قصفت» / «قصف») is the event; the names around it are who did it.
    const nonEvents = (version: AuditVersion, run: readonly MatchToken[], from: number): MatchToken[] => run.filter((_, k) => eventClassAt(version.analysis.tokens, from + k) === null);
    const swapped = na.length > 0 && nb.length > 0 && !sharesRoot(nonEvents(a, hunk.a, hunk.aFrom), nonEvents(b, hunk.b, hunk.bFrom)) && absent();
    if (swapped) {
      if (!seen(['entity'], x, y)) out.push({ kind: 'entity', a: x, b: y, note: `entity: ${x} ≠ ${y}` });
      flips = true;
      continue;
    }
    // Other words where the other version names who did it («خفر السواحل الليبي» / «صيادون»,
    // «محتجون» / «قوات موالية»): at the head of both sentences they are the doer, and another doer
    // of the same act is another account, unless both are forces of one side described two ways.
    // Elsewhere, perhaps the same one described: named for the editor, not called a contradiction.
    const rewordable = hunk.a.length <= 4 && hunk.b.length <= 4 && hasContent(hunk.a) && hasContent(hunk.b) && !sharesRoot(hunk.a, hunk.b) && !generic(hunk.a) && !generic(hunk.b);
    // «القوات», "the forces": anyone's forces, perhaps those the other version names.
    const unnamed = unnamedForces(a, hunk.a) || unnamedForces(b, hunk.b);
    const doer = !unnamed && rewordable && atHead(a, hunk.aFrom) && atHead(b, hunk.bFrom) && sameVerbBeside(a, hunk.aFrom, hunk.a.length, b, hunk.bFrom, hunk.b.length) && doerLike(a, hunk.a) && doerLike(b, hunk.b) && !oneSide(hunk.a, hunk.b) && absent();
    const described = !unnamed && (na.length > 0) !== (nb.length > 0) && rewordable && !oneSide(hunk.a, hunk.b) && absent();
    if (doer || described) {
      if (!seen(['entity'], x, y)) out.push({ kind: 'entity', a: x, b: y, note: `entity: ${x} ≠ ${y}${doer ? ' (another doer of the same act)' : ''}` });
      if (doer) flips = true;
      continue;
    }
    // «في معبر بيتونيا» / «في معبر كرم أبو سالم», "at the Nassib crossing" / "at the Jaber crossing":
    // another name where a kind of place stands. Another place, named; perhaps another event, so no contradiction.
    if (namesPlace(a, hunk.aFrom, hunk.a.length) && namesPlace(b, hunk.bFrom, hunk.b.length) && hunk.a.length <= 3 && hunk.b.length <= 3 && !sharesRoot(hunk.a, hunk.b) && !generic(hunk.a) && !generic(hunk.b)) {
      if (!seen(['entity'], x, y)) out.push({ kind: 'entity', a: x, b: y, note: `entity: another place (${x} / ${y})` });
      continue;
    }
    if (wordingLeft > 0 && hasContent(hunk.a) && hasContent(hunk.b) && !seen(['wording', 'polarity', 'entity', 'attribution'], x, y)) {
      out.push({ kind: 'wording', a: x, b: y, note: `wording: ${x} ≠ ${y}` });
      wordingLeft--;
    }
  }
  return { differences: out, flips };
}
