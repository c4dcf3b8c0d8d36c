import type { Actor, EventMention, FrameAnalysis, Place, Span } from './frame';
import { mainEvent } from './frame';
import { compareQuantities, quantityDifferenceKind, type QuantityMention } from './quantities';
import { eventClassAt, negationAt } from './frame-lexicon';
import { negationMeets } from './negation-anchor';
import { tokenizeForMatch, type MatchToken } from './normalize';
import { compareTimes, phraseOf, type TimeFacts } from './time-facts';
import type { DiffPart, Difference, EventClass } from './types';

/**
 * Compares the frames of two linked claims slot by slot: the event and its polarity, who did it,
 * where, when and how many. Every slot on which they differ becomes a named difference; slots that
 * cannot both be true make the pair a contradiction; another target or another year makes it
 * another event, which is not linked at all.
 */

export interface FrameSide {
  frame: FrameAnalysis;
  /** The report's full text: spans are offsets into it. */
  text: string;
  /** The claim's words: with them, a loose link's negation must govern something the other claim speaks of. */
  tokens?: readonly MatchToken[];
}

export interface FrameOptions {
  /** The two claims' word diff, when it could be made: it shows where a negation is. */
  parts?: readonly DiffPart[] | null;
  /** The words link the claims loosely (not as one fact): a negation counts only where it meets the other claim. */
  loose?: boolean;
}

export interface FrameComparison {
  /** Another event: a palace and a prison, 2016 and this week. */
  differentEvent: boolean;
  /** The events cannot both be true: asserted against denied, or another actor. */
  contradiction: boolean;
  /** Times or quantities that cannot both be right: a contradiction when the claims speak of one fact. */
  detailConflict: boolean;
  /** …counts of the same named thing, which makes it one fact told two ways. */
  countConflict: boolean;
  /** Both claims name the same kind of event. */
  sameKindOfEvent: boolean;
  /** …and at a compatible target. */
  sameEvent: boolean;
  /** Both claims name their event, and the events are of unrelated kinds: an arrest and a release, a call and a vote. */
  otherKindOfEvent: boolean;
  /** Both claims name one day: the same weekday, date or day before publication. */
  oneDay: boolean;
  /** Each names kinds of places and none of them meet: the palace and the prison. */
  placesDisjoint: boolean;
  differences: Difference[];
}

const words = (side: FrameSide, span: Span): string => side.text.slice(span.start, span.end).trim();

/** Particles that never name what is counted. */
const PARTICLE = /^(من|في|على|عن|الى|إلى|الي|او|أو|و|بين|منذ|of|in|on|at|to|and|or|from|since|by|for|the|a|an|were|was|are|is|had|have|has)$/i;

/**
 * A count with the word it counts, as the editor reads it: «ثلاثة محاور», "212 people", "four
 * hours". Shares and percentages keep their own words.
 */
export function countWords(text: string, q: QuantityMention): string {
  const own = text.slice(q.start, q.end).trim();
  if (q.kind !== 'count') return own;
  const next = /^[ \u00a0]+([^\s.,،؛;:!?()«»"'\u061f]+)/u.exec(text.slice(q.end, q.end + 40));
  if (next === null || PARTICLE.test(next[1]!) || /^[0-9٠-٩]/.test(next[1]!)) return own;
  return `${own} ${next[1]!}`;
}

/** Events that change who holds a place, compared by who holds it afterwards. */
const CONTROL: ReadonlySet<EventClass> = new Set(['capture', 'recapture', 'withdraw', 'repel']);
/** Events whose actor is a fact of the event (not a speaker): a different actor is another account. */
const ACTED: ReadonlySet<EventClass> = new Set(['capture', 'recapture', 'withdraw', 'repel', 'attack', 'kill', 'arrest', 'release']);

function group(cls: EventClass): string {
  return CONTROL.has(cls) ? 'control' : cls;
}

/** Kinds of event one report may name where another names the other: a strike that killed, the killing. */
const VIOLENCE: ReadonlySet<EventClass> = new Set(['attack', 'kill', 'injure']);
/** Kinds that say nothing of what happened: speaking, denying, the rest. */
const UNTOLD: ReadonlySet<EventClass> = new Set(['state', 'deny', 'other']);

function unrelatedKinds(x: EventClass, y: EventClass): boolean {
  if (UNTOLD.has(x) || UNTOLD.has(y)) return false;
  if (VIOLENCE.has(x) && VIOLENCE.has(y)) return false;
  // "Stormed" and "attacked" a polling station: one assault, read as a capture and as an attack.
  if ((x === 'attack' && CONTROL.has(y)) || (y === 'attack' && CONTROL.has(x))) return false;
  return group(x) !== group(y);
}

function asserted(e: EventMention): boolean {
  return e.polarity === 'asserted';
}

/** Two actors that cannot be the same: another side, another country, another named group. */
export function actorsDiffer(x: Actor, y: Actor): boolean {
  if (x.nation !== null && y.nation !== null) return x.nation !== y.nation;
  if (x.side !== null && y.side !== null) return x.side !== y.side;
  return false;
}

function placesCompatible(x: Place, y: Place): boolean {
  if (x.kind !== null && y.kind !== null && x.kind !== y.kind) return false;
  if (x.name.length > 0 && y.name.length > 0 && !x.name.some((n) => y.name.includes(n))) return false;
  return true;
}

function polarityWords(side: FrameSide, e: EventMention): string {
  if (e.cue === null) return words(side, e);
  const start = Math.min(e.cue.start, e.start);
  const end = Math.max(e.cue.end, e.end);
  return side.text.slice(start, end).trim();
}

interface EventVerdict {
  contradiction: boolean;
  differences: Difference[];
  /** The conflict is about counts of the same thing («73 trucks» / «about 220 trucks»). */
  sameThing?: boolean;
}

/** Who holds the place after a control event: the actor, or not the actor. */
function holder(e: EventMention): { actor: Actor | null; holds: boolean } {
  const holds = e.cls === 'withdraw' ? !asserted(e) : asserted(e);
  return { actor: e.actor, holds };
}

/** Taken against held or left: «سيطرت» / «صد هجوما», "captured" / "withdrew from". */
function outcomeDifference(a: FrameSide, ea: EventMention, b: FrameSide, eb: EventMention): Difference {
  const wa = polarityWords(a, ea);
  const wb = polarityWords(b, eb);
  return { kind: 'polarity', a: wa, b: wb, note: `polarity: ${wa} ≠ ${wb} (they disagree on who holds the place)` };
}

function actorDifference(a: FrameSide, ea: EventMention, b: FrameSide, eb: EventMention): Difference {
  const wa = words(a, ea.actor!);
  const wb = words(b, eb.actor!);
  return { kind: 'entity', a: wa, b: wb, note: `actor: ${wa} ≠ ${wb}` };
}

const NO_CONFLICT: EventVerdict = { contradiction: false, differences: [] };

function compareEvents(a: FrameSide, ea: EventMention, b: FrameSide, eb: EventMention): EventVerdict {
  const differentActors = ea.actor !== null && eb.actor !== null && actorsDiffer(ea.actor, eb.actor);
  if (group(ea.cls) === 'control' && ea.cls !== eb.cls) {
    // Captured against repelled or withdrew: compare who holds the place afterwards.
    const ha = holder(ea);
    const hb = holder(eb);
    const sameActor = ha.actor !== null && hb.actor !== null && !actorsDiffer(ha.actor, hb.actor);
    const repelVsCapture = (ea.cls === 'repel') !== (eb.cls === 'repel') && asserted(ea) && asserted(eb);
    if ((repelVsCapture && !sameActor) || (sameActor && ha.holds !== hb.holds)) return { contradiction: true, differences: [outcomeDifference(a, ea, b, eb)] };
    if (differentActors && ha.holds && hb.holds) return { contradiction: true, differences: [actorDifference(a, ea, b, eb)] };
    return NO_CONFLICT;
  }
  // A negation the other version lacks is found on the words (polarityByNegation); here, the actors.
  if (asserted(ea) === asserted(eb) && differentActors && ACTED.has(ea.cls) && asserted(ea)) return { contradiction: true, differences: [actorDifference(a, ea, b, eb)] };
  return NO_CONFLICT;
}

/**
 * Pairs each quantity with the other version's quantity of the same thing: the same counted noun
 * first (equal values before others), then equal values («366» / «ثلاثمئة وستة وستين»), then the
 * one quantity of its kind left on each side.
 */
/** Units of time whose plural is broken: «أيام» counts days as «يومين» does. */
const SINGULAR = new Map<string, string>([
  ['ايام', 'يوم'], ['اسابيع', 'اسبوع'], ['اشهر', 'شهر'], ['شهور', 'شهر'], ['اعوام', 'عام'], ['سنوات', 'سنه'], ['سنين', 'سنه'], ['ساعات', 'ساعه'], ['دقايق', 'دقيقه'],
]);

/** «مدنيين» and «مدنيا» light-stem apart: one stem starting the other counts as one noun. */
function nounsMeet(n: string, m: string): boolean {
  if (n === m || (SINGULAR.get(n) ?? n) === (SINGULAR.get(m) ?? m)) return true;
  const [short, long] = n.length <= m.length ? [n, m] : [m, n];
  return short.length >= 3 && long.startsWith(short) && long.length - short.length <= 2;
}

function sameNoun(x: QuantityMention, y: QuantityMention): boolean {
  return x.nouns.some((n) => y.nouns.some((m) => nounsMeet(n, m)));
}

const PAIRING_RULES: ReadonlyArray<(x: QuantityMention, y: QuantityMention) => boolean> = [
  (x, y) => sameNoun(x, y) && compareQuantities(x, y) === 'equal',
  (x, y) => sameNoun(x, y),
  (x, y) => compareQuantities(x, y) === 'equal',
];

function pairQuantities(xs: readonly QuantityMention[], ys: readonly QuantityMention[]): Array<[QuantityMention, QuantityMention]> {
  const pairs: Array<[QuantityMention, QuantityMention]> = [];
  if (xs.length === 0 || ys.length === 0) return pairs;
  const usedX = new Set<QuantityMention>();
  const usedY = new Set<QuantityMention>();
  for (const rule of PAIRING_RULES) {
    for (const x of xs) {
      if (usedX.has(x)) continue;
      let y: QuantityMention | undefined;
      for (const candidate of ys) {
        if (!usedY.has(candidate) && candidate.kind === x.kind && rule(x, candidate)) {
          y = candidate;
          break;
        }
      }
      if (y === undefined) continue;
      usedX.add(x);
      usedY.add(y);
      if (compareQuantities(x, y) !== 'equal') pairs.push([x, y]);
    }
  }
  for (const kind of ['count', 'share', 'rank'] as const) {
    const restX = xs.filter((q) => q.kind === kind && !usedX.has(q));
    const restY = ys.filter((q) => q.kind === kind && !usedY.has(q));
    // Counts of two named things (weeks and days, the dead and the missing) are not one quantity.
    // Orders of magnitude («عشرات», «مئات») are compared whatever they count in each version's words.
    const vague = restX[0]?.hedge === 'vague' && restY[0]?.hedge === 'vague';
    if (restX.length === 1 && restY.length === 1 && (vague || !(kind === 'count' && restX[0]!.nouns.length > 0 && restY[0]!.nouns.length > 0))) pairs.push([restX[0]!, restY[0]!]);
  }
  return pairs;
}

function compareQuantitySlots(a: FrameSide, b: FrameSide): EventVerdict {
  const differences: Difference[] = [];
  let contradiction = false;
  let sameThing = false;
  for (const [x, y] of pairQuantities(a.frame.quantities, b.frame.quantities)) {
    const agreement = compareQuantities(x, y);
    if (agreement === 'equal') continue;
    const wa = countWords(a.text, x);
    const wb = countWords(b.text, y);
    const kind = quantityDifferenceKind(x, y);
    const conflict = agreement === 'disjoint';
    differences.push({ kind, a: wa, b: wb, note: `${kind}: ${wa} ≠ ${wb}${conflict ? ' (they cannot both be right)' : ''}` });
    if (conflict) contradiction = true;
    if (conflict && sameNoun(x, y)) sameThing = true;
  }
  return { contradiction, differences, sameThing };
}

function negationCount(text: string): number {
  const tokens = tokenizeForMatch(text);
  return tokens.filter((_, i) => negationAt(tokens, i) !== null || eventClassAt(tokens, i) === 'deny').length;
}

/** The next two words of one version after a changed passage of the word diff. */
function followingWords(rest: readonly DiffPart[], side: 'removed' | 'added'): string {
  let text = '';
  for (const part of rest) {
    if (part.op === 'equal' || part.op === side) text += part.value;
    if (text.trim().split(/\s+/).length > 2) break;
  }
  const words = text.match(/^\s*\S+(?:\s+\S+)?/);
  return words === null ? '' : words[0];
}

const trimmed = (value: string): string => value.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');

/**
 * One version negates, denies or says it failed where the other asserts: «سيطرت» / «لم تسيطر»,
 * "reached a deal" / "failed to reach a deal", «لا يزال» / «لم يعد». Counted on the words, so
 * any verb is covered, and shown as the passage of the word diff where the negation is.
 */
function polarityByNegation(a: FrameSide, b: FrameSide, parts: readonly DiffPart[] | null): Difference | null {
  if (a.frame.negations.length % 2 === b.frame.negations.length % 2) return null;
  // The negated words on one side, the other side's event of that kind.
  const negatedA = a.frame.negations.length % 2 === 1;
  const [negated, asserting] = negatedA ? [a, b] : [b, a];
  const cue = negated.frame.negations[0]!;
  const governed = negated.frame.events.find((e) => e.start >= cue.start) ?? mainEvent(negated.frame);
  const counterpart = (governed === null ? undefined : asserting.frame.events.find((e) => group(e.cls) === group(governed.cls))) ?? mainEvent(asserting.frame);
  const wNegated = words(negated, cue);
  const wAsserting = counterpart === null || counterpart === undefined ? '' : words(asserting, counterpart);
  let removed = '';
  let added = '';
  const all = [...(parts ?? []), { op: 'equal', value: '' } as DiffPart];
  for (const [k, part] of all.entries()) {
    if (part.op === 'removed') removed += part.value;
    else if (part.op === 'added') added += part.value;
    else {
      if ((removed !== '' || added !== '') && negationCount(removed) !== negationCount(added)) {
        // The negated words with what they govern: «لم تسجل أي إصابات» / «سجلت إصابات طفيفة».
        let wa = trimmed(removed + followingWords(all.slice(k), 'removed'));
        let wb = trimmed(added + followingWords(all.slice(k), 'added'));
        // Where the passage of the diff misses the asserted event («إلا أن القوات …» for «انسحبت»), the event is shown.
        if (wAsserting !== '' && !(negatedA ? wb : wa).includes(wAsserting)) {
          if (negatedA) wb = wb === '' ? wAsserting : `${wb} … ${wAsserting}`;
          else wa = wa === '' ? wAsserting : `${wa} … ${wAsserting}`;
        }
        return { kind: 'polarity', a: wa, b: wb, note: `polarity: ${wa || '—'} ≠ ${wb || '—'} (one version negates what the other asserts)` };
      }
      removed = '';
      added = '';
    }
  }
  const [wa, wb] = negatedA ? [wNegated, wAsserting] : [wAsserting, wNegated];
  return { kind: 'polarity', a: wa, b: wb, note: `polarity: ${wa || '—'} ≠ ${wb || '—'} (one version negates what the other asserts)` };
}

/** The side with the odd number of negations, then the other. */
function negatedFirst(a: FrameSide, b: FrameSide): [FrameSide, FrameSide] {
  return a.frame.negations.length % 2 === 1 ? [a, b] : [b, a];
}

/** Whether one of the negated side's negations governs words the asserting side speaks of. */
function governsShared(negated: FrameSide, asserting: FrameSide): boolean {
  if (negated.tokens === undefined || asserting.tokens === undefined) return true;
  const side = { tokens: negated.tokens, actors: negated.frame.actors };
  const other = { tokens: asserting.tokens, actors: asserting.frame.actors };
  return negated.frame.negations.some((cue) => negationMeets(side, cue, other));
}

/** Compares two linked claims' frames. */
export function compareFrames(a: FrameSide, b: FrameSide, publishedKnown: boolean, options: FrameOptions = {}): FrameComparison {
  const { parts = null, loose = false } = options;
  const differences: Difference[] = [];
  let contradiction = false;
  let sameEvent = false;
  let sameKindOfEvent = false;
  let detailConflict = false;

  const time = compareTimes(a.frame.times, b.frame.times, publishedKnown);
  const other: FrameComparison = { differentEvent: true, contradiction: false, detailConflict: false, countConflict: false, sameKindOfEvent: false, sameEvent: false, otherKindOfEvent: false, oneDay: false, placesDisjoint: false, differences: [] };
  if (time.differentEvent) return other;

  const ma = mainEvent(a.frame);
  const mb = mainEvent(b.frame);
  if (ma !== null && mb !== null && group(ma.cls) === group(mb.cls)) {
    if (ACTED.has(ma.cls) && ma.target !== null && mb.target !== null && !placesCompatible(ma.target, mb.target)) return other;
    sameKindOfEvent = true;
    sameEvent = ma.target !== null && mb.target !== null;
  }
  const negation = polarityByNegation(a, b, parts);
  if (negation !== null) {
    differences.push(negation);
    // Loosely linked, one claim negates something else than what the other asserts: a difference to
    // show, not a contradiction.
    contradiction = !loose || governsShared(...negatedFirst(a, b));
  }
  // Every pair of events of one kind: who acted, and who holds a place afterwards.
  const seen = new Set<EventMention>();
  for (const ea of a.frame.events) {
    const eb = b.frame.events.find((e) => !seen.has(e) && group(e.cls) === group(ea.cls) && (e.target === null || ea.target === null || placesCompatible(e.target, ea.target)));
    if (eb === undefined) continue;
    seen.add(eb);
    const verdict = compareEvents(a, ea, b, eb);
    differences.push(...verdict.differences.filter((d) => d.kind !== 'polarity' || negation === null));
    contradiction ||= verdict.contradiction;
  }

  for (const conflict of time.conflicts) {
    const wa = words(a, phraseOf(a.frame.times, conflict.a));
    const wb = words(b, phraseOf(b.frame.times, conflict.b));
    differences.push({ kind: 'date', a: wa, b: wb, note: `date: ${wa} ≠ ${wb}${conflict.note ? ` (${conflict.note})` : ''}` });
    detailConflict = true;
  }
  const quantities = compareQuantitySlots(a, b);
  differences.push(...quantities.differences);
  detailConflict ||= quantities.contradiction;
  const placesDisjoint = kinded(a.frame).length > 0 && kinded(b.frame).length > 0 && !kinded(a.frame).some((x) => kinded(b.frame).some((y) => placesCompatible(x, y)));
  const otherKindOfEvent = ma !== null && mb !== null && unrelatedKinds(ma.cls, mb.cls);
  return { differentEvent: false, contradiction, detailConflict, countConflict: quantities.sameThing === true, sameKindOfEvent, sameEvent, otherKindOfEvent, oneDay: onOneDay(a.frame.times, b.frame.times), placesDisjoint, differences: dedupe(differences) };
}

function onOneDay(a: TimeFacts, b: TimeFacts): boolean {
  return (
    a.weekdays.some((x) => b.weekdays.some((y) => x.value === y.value)) ||
    a.relative.some((x) => b.relative.some((y) => x.value === y.value)) ||
    a.days.some((x) => x.value.precision === 'day' && b.days.some((y) => y.value.precision === 'day' && x.value.from === y.value.from))
  );
}

function kinded(frame: FrameAnalysis): Place[] {
  return frame.places.filter((p) => p.kind !== null);
}

function dedupe(differences: Difference[]): Difference[] {
  const seen = new Set<string>();
  return differences.filter((d) => {
    const key = `${d.kind}|${d.a}|${d.b}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
