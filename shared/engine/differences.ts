import type { AttributionMention, EntityMention } from './claim-features';
import { actorHeadAt, nationOf } from './frame-lexicon';
import type { MatchToken } from './normalize';
import { isStopword } from './stopwords';
import type { ClaimAnalysis } from './parse-report';
import type { Difference } from './types';
import { formatEpochDay, WEEKDAY_NAMES_EN } from './weekday';

/**
 * The differences that matter between two versions of a claim, each in the versions' own words,
 * beyond those of their frames (frame-compare.ts): a weekday that contradicts its own date, names
 * missing from a list, and sources. Aliases were made one entity before this runs, so «بريطانيا»
 * vs «المملكة المتحدة» is never a difference.
 */

export interface ClaimVersion {
  analysis: ClaimAnalysis;
  /** The report's full text: mentions carry offsets into it. */
  text: string;
}

const slice = (v: ClaimVersion, m: { start: number; end: number }): string => v.text.slice(m.start, m.end).trim();

/** A claim whose weekday and date disagree with each other («الخميس 27 نوفمبر» when the 27th was a Wednesday). */
export function selfContradictoryDates(a: ClaimVersion, b: ClaimVersion): Difference[] {
  const out: Difference[] = [];
  for (const [version, other] of [[a, b], [b, a]] as const) {
    for (const date of version.analysis.features.dates) {
      if (!date.weekdayConflict || date.from === null || date.reference) continue;
      const words = slice(version, date);
      const actual = WEEKDAY_NAMES_EN[new Date(date.from * 86_400_000).getUTCDay()];
      const note = `date: ${words} — ${formatEpochDay(date.from)} was a ${actual}`;
      const otherDate = other.analysis.features.dates.find((d) => !d.reference);
      const otherWords = otherDate === undefined ? '' : slice(other, otherDate);
      out.push(version === a ? { kind: 'date', a: words, b: otherWords, note } : { kind: 'date', a: otherWords, b: words, note });
    }
  }
  return out.slice(0, 2);
}

/** Entities written as one list: «تركيا وإيران وروسيا وقطر», "France, Germany and Britain". */
function listMates(version: ClaimVersion, entities: readonly EntityMention[], index: number): EntityMention[] {
  const mates: EntityMention[] = [];
  const joined = /^\s*(?:[،,]\s*)?(?:(?:و|and|&)\s*)?$|^\s*[،,]\s*(?:and\s+)?$/;
  for (let i = index - 1; i >= 0 && joined.test(version.text.slice(entities[i]!.end, entities[i + 1]!.start)); i--) mates.push(entities[i]!);
  for (let i = index + 1; i < entities.length && joined.test(version.text.slice(entities[i - 1]!.end, entities[i]!.start)); i++) mates.push(entities[i]!);
  return mates;
}

function inSource(analysis: ClaimAnalysis, mention: EntityMention): boolean {
  const source = analysis.attribution;
  return source !== null && mention.start >= source.start && mention.end <= source.end;
}

export function entityDifferences(a: ClaimVersion, b: ClaimVersion): Difference[] {
  const entitiesA = a.analysis.features.entities.filter((m) => !inSource(a.analysis, m));
  const entitiesB = b.analysis.features.entities.filter((m) => !inSource(b.analysis, m));
  const idsA = new Set(entitiesA.map((m) => m.entity));
  const idsB = new Set(entitiesB.map((m) => m.entity));
  const out: Difference[] = [];
  const missing = (version: ClaimVersion, mine: EntityMention[], other: Set<string>): EntityMention[] =>
    mine.filter((m, i) => !other.has(m.entity) && listMates(version, mine, i).some((mate) => other.has(mate.entity)));
  const onlyA = missing(a, entitiesA, idsB);
  const onlyB = missing(b, entitiesB, idsA);
  for (const m of onlyA) out.push({ kind: 'entity', a: slice(a, m), b: '', note: `entity: only the first version names ${slice(a, m)}` });
  for (const m of onlyB) out.push({ kind: 'entity', a: '', b: slice(b, m), note: `entity: only the second version names ${slice(b, m)}` });
  return out.slice(0, 4);
}

/** Words that name a source by what it is, standing for any source of that kind: "the agency", «المصدر ذاته». */
const GENERIC_SOURCE = /^(وكاله|منظمه|وزاره|مصدر|مصادر|بلديه|لجنه|هييه|ذاته|نفسه|مسوول|مسوولين|مسوولون|متحدث|ناطق|باسم|رسمي|مكتب|بيان|سلطات|agency|organization|organisation|ministry|source|sources|official|officials|spokesman|spokeswoman|spokesperson|office|committee|same|group|body|statement|authorities)$/;

/** The words that frame a source rather than name it: «بحسب ما أفاد», "according to", "said". */
const SOURCE_FRAME = ['قال', 'قالت', 'حد', 'قول', 'تعبير', 'said', 'says', 'according', 'citing', 'to', 'بحسب', 'حسب', 'حسبما', 'وفق', 'وفقا', 'نقلا', 'ما', 'افاد', 'افادت', 'اعلن', 'اعلنت', 'اعلنته', 'ذكر', 'ذكرت', 'اكد', 'اكدت', 'اكدته', 'told', 'reported', 'announced', 'stated', 'confirmed'];

/** Any form of a verb of saying («أعلنه», «نقلت», «قالوا»), which frames a source and never names it. */
const SAYING = /^(قال|افاد|اعلن|ذكر|اكد|صرح|اوضح|اضاف|اشار|نقل|كشف|حذر|زعم|اورد|told|tell|say|said|add|report|announc|state|confirm|cit|quot)(ت|وا|ه|ها|ته|تها|ه|s|ed|ing)?$/;

function sourceTokens(v: ClaimVersion, s: { start: number; end: number }): MatchToken[] {
  return v.analysis.tokens.filter((t) => t.start >= s.start && t.end <= s.end);
}

/**
 * Two ways of naming one source: a word in common, one named only by what it is ("the agency",
 * «البلدية», «المصدر ذاته»), or the same country's forces or officials ("Turkey" / "Turkish
 * officials", "the Jordanian army" / "Jordan's armed forces").
 */
function sameSource(a: ClaimVersion, sa: AttributionMention, b: ClaimVersion, sb: AttributionMention): boolean {
  const tokensA = sourceTokens(a, sa);
  const tokensB = sourceTokens(b, sb);
  // A word in common names one source, unless it is what both are («وزارة الخارجية» / «وزارة الصحة»).
  const proper = (tokens: MatchToken[]): Set<string> => new Set(tokens.filter((t) => !GENERIC_SOURCE.test(t.bare) && !SOURCE_FRAME.includes(t.bare) && !SAYING.test(t.bare) && !isStopword(t.folded, t.bare)).map((t) => t.stem));
  // «وزارة الدفاع الأوكرانية» / «الروسية», "Pakistan's military" / "India's army": two countries, two sources.
  const nationsOf = (tokens: MatchToken[]): Set<string> => new Set(tokens.map(nationOf).filter((n): n is string => n !== null));
  const nationsA = nationsOf(tokensA);
  const nationsB = nationsOf(tokensB);
  if (nationsA.size > 0 && nationsB.size > 0 && ![...nationsA].some((n) => nationsB.has(n))) return false;
  const properA = proper(tokensA);
  if ([...proper(tokensB)].some((stem) => properA.has(stem))) return true;
  if (sa.source.some((term) => sb.source.includes(term) && term.startsWith('@'))) return true;
  const generic = (tokens: MatchToken[]): boolean => tokens.every((t) => GENERIC_SOURCE.test(t.bare) || isStopword(t.folded, t.bare) || SOURCE_FRAME.includes(t.bare));
  if (generic(tokensA) || generic(tokensB)) return true;
  const nations = (tokens: MatchToken[]): Set<string> => new Set(tokens.map(nationOf).filter((n): n is string => n !== null));
  const na = nations(tokensA);
  const nb = nations(tokensB);
  if (na.size > 0 && [...na].some((n) => nb.has(n))) return true;
  const states = (tokens: MatchToken[]): boolean => tokens.some((t) => actorHeadAt(t)?.side === 'state' || t.bare === 'مسلحه' || t.bare === 'armed');
  return states(tokensA) && states(tokensB) && (na.size === 0 || nb.size === 0);
}

export function attributionDifferences(a: ClaimVersion, b: ClaimVersion): Difference[] {
  const sa = a.analysis.attribution;
  const sb = b.analysis.attribution;
  const named = (s: typeof sa): s is NonNullable<typeof sa> => s !== null && s.source.length > 0;
  if (named(sa) && named(sb)) {
    if (sameSource(a, sa, b, sb)) return [];
    const wa = slice(a, sa);
    const wb = slice(b, sb);
    return [{ kind: 'attribution', a: wa, b: wb, note: `attribution: ${wa} ≠ ${wb}` }];
  }
  // «أعلن الجيش …» against «نفى الجيش …»: the other version names the same source in its own words.
  const namedIn = (s: NonNullable<typeof sa>, other: ClaimVersion): boolean => s.source.every((term) => other.analysis.features.terms.includes(term));
  if (named(sa) && sb === null && !namedIn(sa, b)) return [{ kind: 'attribution', a: slice(a, sa), b: '', note: `attribution: only the first version gives a source (${slice(a, sa)})` }];
  if (named(sb) && sa === null && !namedIn(sb, a)) return [{ kind: 'attribution', a: '', b: slice(b, sb), note: `attribution: only the second version gives a source (${slice(b, sb)})` }];
  return [];
}

/**
 * All typed differences of a linked pair except wording, which needs the word diff: the frame's
 * (polarity, actors, times, quantities, already compared), names missing from a list, and sources.
 */
export function typedDifferences(a: ClaimVersion, b: ClaimVersion, frameDifferences: readonly Difference[]): Difference[] {
  const actors = new Set(frameDifferences.filter((d) => d.kind === 'entity').flatMap((d) => [d.a, d.b]));
  const dates = frameDifferences.some((d) => d.kind === 'date');
  return [
    ...frameDifferences,
    ...(dates ? [] : selfContradictoryDates(a, b)),
    ...entityDifferences(a, b).filter((d) => !actors.has(d.a) && !actors.has(d.b)),
    ...attributionDifferences(a, b),
  ];
}
