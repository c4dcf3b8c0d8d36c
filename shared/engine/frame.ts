import type { ClaimFeatures, EntityMention } from './claim-features';
import {
  actorHeadAt,
  AR_OBJECT_PREPOSITIONS,
  endsNegationScope,
  englishTakeAt,
  eventClassAt,
  hasArabic,
  modifierSide,
  nationOf,
  negationAt,
  placeNounOf,
  type Negation,
  type Side,
} from './frame-lexicon';
import type { MatchToken } from './normalize';
import { readQuantities, type QuantityMention } from './quantities';
import { isStopword } from './stopwords';
import { readTimeFacts, type TimeFacts } from './time-facts';
import { monthNamed, weekdayNamed } from './weekday';
import type { ClaimFrame, EventClass, Polarity } from './types';

/**
 * A claim read as a frame: its events (each with its polarity, actor and target), the places,
 * times, quantities and source it gives. Read from the claim's words with small lexicons, in
 * Arabic and English; what the engine cannot read stays empty rather than guessed.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Actor extends Span {
  side: Side | null;
  nation: string | null;
  /** Entity id («@…») or the head's stem, to tell two named actors apart. */
  name: string;
}

export interface Place extends Span {
  /** Kind of place («سجن», "prison"), when named. */
  kind: string | null;
  /** Stems or entity ids of the place's name: «حلب المركزي», "Aleppo". */
  name: string[];
}

export interface EventMention extends Span {
  cls: EventClass;
  polarity: Polarity;
  /** Offsets of the negating words, when not asserted. */
  cue: Span | null;
  /** «سقط المطار», "X fell to Y": the subject is what was taken. */
  fall: boolean;
  actor: Actor | null;
  target: Place | null;
  token: number;
}

export interface FrameAnalysis {
  /** Words that negate, deny or say an event failed, outside the source phrase; each span runs to the two words after. */
  negations: Span[];
  events: EventMention[];
  actors: Actor[];
  places: Place[];
  times: TimeFacts;
  quantities: QuantityMention[];
}

const NEGATION_REACH = 5;
const DENIAL_REACH = 9;

function isArabic(token: MatchToken): boolean {
  return hasArabic(token.bare);
}

function clauseBreak(text: string, left: MatchToken, right: MatchToken): boolean {
  return /[.!?؟;؛:\n]|[،,]\s*(?:و|but|while|and)?\s*$/.test(text.slice(left.end, right.start));
}

function readActors(tokens: readonly MatchToken[], text: string, entities: readonly EntityMention[]): Actor[] {
  const actors: Actor[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const head = actorHeadAt(tokens[i]!);
    if (head === null) continue;
    // «مراكز الشرطة», «مقر الجيش», "army positions": a place of the actor, not the actor.
    if (SITE_OF.test(tokens[i - 1]?.bare ?? '') || (!isArabic(tokens[i]!) && SITE_OF.test(tokens[i + 1]?.bare ?? ''))) continue;
    let side = head.side;
    let nation: string | null = null;
    let end = i;
    // Modifiers: «قوات النظام السوري», «الفصائل المسلحة», "Russian forces" (before, in English).
    for (let j = i + 1; j < tokens.length && j <= i + 3 && !clauseBreak(text, tokens[j - 1]!, tokens[j]!); j++) {
      const t = tokens[j]!;
      const modifier = modifierSide(t);
      const n = nationOf(t);
      if (modifier === null && n === null && !(head.neutral && actorHeadAt(t) !== null)) break;
      if (head.neutral && side === null) side = modifier ?? actorHeadAt(t)?.side ?? null;
      nation ??= n;
      end = j;
    }
    let start = i;
    const before = tokens[i - 1];
    if (before !== undefined && !isArabic(tokens[i]!)) {
      const n = nationOf(before);
      const modifier = modifierSide(before);
      // "Hezbollah drones", "RSF fighters": a named group before the head is whose they are.
      const owner = head.neutral && !clauseBreak(text, before, tokens[i]!) ? actorHeadAt(before) : null;
      if (n !== null || modifier !== null) {
        nation ??= n;
        if (side === null || head.neutral) side = modifier ?? side;
        start = i - 1;
      } else if (owner !== null && owner.side !== null && actors[actors.length - 1]?.end === before.end) {
        const merged = actors.pop()!;
        side = owner.side;
        start = tokens.findIndex((t) => t.start === merged.start);
      }
    }
    // "Israeli jets", «القوات التركية»: a country's forces are a state's.
    if (head.neutral && side === null && nation !== null) side = 'state';
    // A neutral head with nothing to tell its side («القوات») is an actor of unknown side.
    const entity = entities.find((e) => e.start >= tokens[start]!.start && e.end <= tokens[end]!.end);
    actors.push({ start: tokens[start]!.start, end: tokens[end]!.end, side, nation, name: entity?.entity ?? tokens[i]!.stem });
    i = end;
  }
  // Named armed groups and countries acting («روسيا», «هيئة تحرير الشام») are actors too; a name
  // after a preposition («على حلب», "in Aleppo") is a place.
  for (const e of entities) {
    if (actors.some((a) => e.start >= a.start && e.end <= a.end) || isPlaceName(tokens, e)) continue;
    const first = tokens.find((t) => t.start >= e.start);
    actors.push({ start: e.start, end: e.end, side: null, nation: first === undefined ? null : nationOf(first), name: e.entity });
  }
  return actors.sort((x, y) => x.start - y.start);
}

const SITE_OF = /^(مراكز|مركز|مقر|مقرات|مبني|مباني|مواقع|موقع|ثكنه|ثكنات|قاعده|قواعد|مستودعات|نقاط|headquarters|stations|station|posts|positions|bases|base)$/;

const PLACE_PREPOSITIONS = /^(علي|في|من|الي|عن|نحو|قرب|داخل|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|ريف|مدينه|محافظه|in|at|on|to|from|near|of|into|outside|inside|north|south|east|west|northern|southern|eastern|western|central|around|across|over)$/;

/** «على حلب», «بحلب», "in Aleppo": a name the event happens at, not one that acts. */
function isPlaceName(tokens: readonly MatchToken[], e: EntityMention): boolean {
  const index = tokens.findIndex((t) => t.end > e.start);
  if (index < 0) return false;
  const token = tokens[index]!;
  const prefix = token.folded.slice(0, token.folded.length - token.bare.length);
  // «بحلب» is a place; «لقوات …» (of, for) is not.
  if (/^(و|ف)?ب/.test(prefix) && !prefix.endsWith('ال')) return true;
  const before = tokens[index - 1];
  // «كل من الولايات المتحدة وفرنسا» opens a list of actors.
  if (before?.bare === 'من' && tokens[index - 2]?.bare === 'كل') return false;
  return before !== undefined && (PLACE_PREPOSITIONS.test(before.bare) || placeNounOf(before) !== null);
}

function entityPlaces(tokens: readonly MatchToken[], text: string, entities: readonly EntityMention[], places: readonly Place[], actors: readonly Actor[]): Place[] {
  const named = entities
    .filter((e) => isPlaceName(tokens, e) && !places.some((p) => e.start >= p.start && e.end <= p.end) && !actors.some((a) => e.start >= a.start && e.end <= a.end))
    .map((e) => ({ start: e.start, end: e.end, kind: null, name: [e.entity] }));
  // English names the alias table does not know: "from Bara", "in Sabha", "the port of Zuwara".
  const capitalized = tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t, i }) => /^[A-Z][a-z]/.test(text.slice(t.start, t.end)) && i > 0 && /^(in|at|from|near|of|into|to|around|outside|inside)$/.test(tokens[i - 1]!.bare))
    .filter(({ t }) => !entities.some((e) => t.start >= e.start && t.end <= e.end) && !places.some((p) => t.start >= p.start && t.end <= p.end))
    .filter(({ t }) => monthNamed(t.bare, undefined) === null && weekdayNamed(t.folded, undefined) === null && actorHeadAt(t) === null)
    .map(({ t }) => ({ start: t.start, end: t.end, kind: null, name: [t.stem] }));
  return [...named, ...capitalized];
}

/** Words that end a place's name: «بيد الفصائل», «لصالح». */
const NAME_ENDS = /^(يد|بيد|ايدي|لصالح|امام|منذ|بعد|قبل|خلال|اثر)$/;

function readPlaces(tokens: readonly MatchToken[], text: string, entities: readonly EntityMention[], taken: (i: number) => boolean): Place[] {
  const places: Place[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const kind = placeNounOf(tokens[i]!);
    if (kind === null) continue;
    const name: string[] = [];
    let end = i;
    for (let j = i + 1; j < tokens.length && j <= i + 3 && !clauseBreak(text, tokens[j - 1]!, tokens[j]!); j++) {
      const t = tokens[j]!;
      // "the town of Bara", "the port of Zuwara".
      if (j === i + 1 && t.bare === 'of' && /^[A-Z]/.test(text.slice(tokens[j + 1]?.start ?? 0, tokens[j + 1]?.end ?? 0))) continue;
      const entity = entities.find((e) => t.start >= e.start && t.end <= e.end);
      if (entity === undefined && (isStopword(t.folded, t.bare) || NAME_ENDS.test(t.bare) || taken(j) || placeNounOf(t) !== null || /^[0-9]/.test(t.bare))) break;
      name.push(entity?.entity ?? t.stem);
      end = j;
    }
    // English names come first: "Aleppo central prison", "the Nairab airbase".
    let start = i;
    if (!isArabic(tokens[i]!)) {
      for (let j = i - 1; j >= 0 && j >= i - 3 && !clauseBreak(text, tokens[j]!, tokens[j + 1]!); j--) {
        const t = tokens[j]!;
        const entity = entities.find((e) => t.start >= e.start && t.end <= e.end);
        if (entity === undefined && (isStopword(t.folded, t.bare) || taken(j) || /^[0-9]/.test(t.bare))) break;
        name.unshift(entity?.entity ?? t.stem);
        start = j;
      }
    }
    places.push({ start: tokens[start]!.start, end: tokens[end]!.end, kind, name: [...new Set(name)] });
    i = end;
  }
  return places;
}

function eventAt(tokens: readonly MatchToken[], i: number): EventClass | null {
  return (isArabic(tokens[i]!) ? null : englishTakeAt(tokens, i)) ?? eventClassAt(tokens, i);
}

/** The negation that reaches the event at `i`: a negator, a failure or a denial before it in its clause. */
function polarityOf(tokens: readonly MatchToken[], text: string, i: number, denials: readonly number[]): { polarity: Polarity; cue: Span | null } {
  for (let j = i - 1; j >= 0 && i - j <= DENIAL_REACH; j--) {
    if (endsNegationScope(tokens[j]!) || (j < i - 1 && /[.!?؟;؛\n]/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start)))) break;
    if (denials.includes(j)) return { polarity: 'denied', cue: { start: tokens[j]!.start, end: tokens[j]!.end } };
    if (i - j > NEGATION_REACH) continue;
    const negation: Negation | null = negationAt(tokens, j);
    if (negation !== null) return { polarity: negation, cue: { start: tokens[j]!.start, end: tokens[j]!.end } };
  }
  // "… was not true", «… غير صحيح»: a denial after the event.
  const after = tokens.slice(i + 1, i + 8).findIndex((t, k, rest) => (t.bare === 'صحيح' || t.bare === 'صحيحه') && rest[k - 1]?.bare === 'غير');
  if (after >= 0) return { polarity: 'denied', cue: { start: tokens[i + after]!.start, end: tokens[i + 1 + after]!.end } };
  return { polarity: 'asserted', cue: null };
}

function actorFor(tokens: readonly MatchToken[], text: string, i: number, fall: boolean, actors: readonly Actor[], source: Span | null): Actor | null {
  const token = tokens[i]!;
  const inClauseAfter = (a: Actor): boolean => a.start >= token.end && !hasBreak(text, token.end, a.start);
  const inClauseBefore = (a: Actor): boolean => a.end <= token.start && !hasBreak(text, a.end, token.start);
  if (fall) {
    // «سقط المطار بيد الفصائل», "the town fell to rebels": the agent follows «بيد» / "to".
    return actors.find((a) => inClauseAfter(a) && /(بيد|يد|لصالح|\bto|\binto)\s*[^\s]*\s*$/.test(text.slice(Math.max(token.end, a.start - 12), a.start))) ?? null;
  }
  if (isArabic(token)) {
    // «أعلن الجيش أنه صد هجوما»: «أنه» stands for the one who spoke.
    if (/^(انه|انها|انهم|بانه|بانها|بانهم)$/.test(tokens[i - 1]?.bare ?? '') && source !== null) {
      const speaker = actors.find((a) => a.start >= source.start && a.end <= source.end);
      if (speaker !== undefined) return speaker;
    }
    // Verb first: the subject comes before any preposition, and is not itself governed by one
    // («هجوما لقوات الدعم السريع» names whose attack, not who repelled it); else subject first.
    for (const a of actors) {
      if (!inClauseAfter(a)) continue;
      const between = tokens.filter((t) => t.start >= token.end && t.end <= a.start);
      const governed = /^(و)?(ل|ب)/.test(tokens.find((t) => t.start >= a.start)?.folded.replace(/^(ال|وال)/, '') ?? '') && !/^(و)?(ال)/.test(tokens.find((t) => t.start >= a.start)?.folded ?? '');
      if (between.length <= 3 && !governed && !between.some((t) => AR_OBJECT_PREPOSITIONS.test(t.bare))) return a;
      break;
    }
    return [...actors].reverse().find((a) => inClauseBefore(a) && tokens.filter((t) => t.start >= a.end && t.end <= token.start).length <= 4) ?? null;
  }
  // English: "was seized by X", else the subject before the verb.
  const previous = tokens[i - 1]?.bare ?? '';
  if (/^(was|were|been|being|is|are)$/.test(previous) || token.bare.endsWith('ed') && /^(was|were)$/.test(tokens[i - 2]?.bare ?? '')) {
    return actors.find((a) => inClauseAfter(a) && /\bby\s+(the\s+)?$/i.test(text.slice(Math.max(token.end, a.start - 10), a.start))) ?? null;
  }
  return [...actors].reverse().find((a) => inClauseBefore(a) && tokens.filter((t) => t.start >= a.end && t.end <= token.start).length <= 6) ?? null;
}

function hasBreak(text: string, from: number, to: number): boolean {
  return /[.!?؟;؛\n]/.test(text.slice(from, to));
}

function targetFor(token: MatchToken, text: string, places: readonly Place[]): Place | null {
  return places.find((p) => p.start >= token.end && !hasBreak(text, token.end, p.start)) ?? places.find((p) => p.end <= token.start && !hasBreak(text, p.end, token.start)) ?? null;
}

/** Reads the frame of a claim from its tokens and the features already read from them. */
export function readFrame(tokens: readonly MatchToken[], text: string, features: ClaimFeatures, isContent: (t: MatchToken) => boolean): FrameAnalysis {
  const actors = readActors(tokens, text, features.entities);
  const classes = tokens.map((_, i) => eventAt(tokens, i));
  const taken = (i: number): boolean => classes[i] !== null || actors.some((a) => tokens[i]!.start >= a.start && tokens[i]!.end <= a.end);
  const named = readPlaces(tokens, text, features.entities, taken);
  const places = [...named, ...entityPlaces(tokens, text, features.entities, named, actors)].sort((x, y) => x.start - y.start);
  const denials = classes.flatMap((cls, i) => (cls === 'deny' ? [i] : []));
  const events: EventMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cls = classes[i];
    if (cls === null || cls === undefined) continue;
    const token = tokens[i]!;
    // «استعاد السيطرة», «أحكمت سيطرتها», "took control": one event, named by its first word.
    const previous = events[events.length - 1];
    if (previous !== undefined && previous.token >= i - 3 && (previous.cls === cls || (previous.cls === 'recapture' && cls === 'capture'))) continue;
    const fall = /سقط|سقوط/.test(token.bare) || /^(fell|fall|fallen)$/.test(token.stem);
    const { polarity, cue } = cls === 'deny' ? { polarity: 'asserted' as const, cue: null } : polarityOf(tokens, text, i, denials);
    const target = targetFor(token, text, places);
    events.push({ start: token.start, end: token.end, cls, polarity, cue, fall, actor: actorFor(tokens, text, i, fall, actors, features.attribution), target, token: i });
  }
  const times = readEventTimes(tokens, text, features);
  const quantities = readQuantities(tokens, text, features, isContent);
  const source = features.attribution;
  const negations: Span[] = [];
  tokens.forEach((t, i) => {
    if (negationAt(tokens, i) === null && classes[i] !== 'deny') return;
    if (source !== null && t.start >= source.start && t.start < source.end && classes[i] !== 'deny') return;
    let last = i;
    while (last < i + 2 && last + 1 < tokens.length && !clauseBreak(text, tokens[last]!, tokens[last + 1]!)) last++;
    negations.push({ start: t.start, end: tokens[last]!.end });
  });
  return { negations, events, actors, places, times, quantities };
}

/** When the claim says its event happened: its times, less the time its source spoke. */
export function readEventTimes(tokens: readonly MatchToken[], text: string, features: Pick<ClaimFeatures, 'dates' | 'attribution'>): TimeFacts {
  return readTimeFacts(tokens, features.dates.filter((d) => !reportingTime(d, features.attribution, text)), text);
}

/**
 * When a source spoke, not when the event happened: «حسبما أفاد المرصد، الأحد», «قالت الوزارة
 * الأحد إن …», "the army said on Sunday".
 */
function reportingTime(date: Span, attribution: Span | null, text: string): boolean {
  if (attribution === null) return false;
  if (date.start >= attribution.start && date.end <= attribution.end) return true;
  const gap = date.start >= attribution.end ? text.slice(attribution.end, date.start) : '';
  return date.start >= attribution.end && /^[\s،,]*(?:(?:يوم|on|late|early)\s+)?$/.test(gap) && /^[^\s]*\s*(?:[.،,]|$|إن|ان|أن|that)/.test(text.slice(date.end, date.end + 6).trimStart() || '.');
}

/** The event a claim is about: the first that is not a denial, else the denial. */
export function mainEvent(frame: FrameAnalysis): EventMention | null {
  return frame.events.find((e) => e.cls !== 'deny') ?? frame.events[0] ?? null;
}

const words = (text: string, span: Span): string => text.slice(span.start, span.end).trim();

/** The frame as the editor sees it: each slot in the claim's own words. */
export function displayFrame(frame: FrameAnalysis, text: string, source: Span | null): ClaimFrame {
  const event = mainEvent(frame);
  const times = frame.times.phrases;
  const unique = (spans: Span[]): string[] => [...new Set(spans.sort((x, y) => x.start - y.start).map((s) => words(text, s)))];
  const targets = event?.target ? [event.target] : [];
  return {
    event: event === null ? null : { text: words(text, event), class: event.cls },
    polarity: event?.polarity ?? 'asserted',
    polarityCue: event?.cue ? words(text, event.cue) : null,
    actors: unique(event?.actor ? [event.actor] : frame.actors.filter((a) => a.side !== null).slice(0, 2)),
    targets: unique(targets),
    places: unique(frame.places.filter((p) => !targets.includes(p))),
    times: unique(times),
    quantities: unique(frame.quantities),
    source: source === null ? null : words(text, source),
  };
}
