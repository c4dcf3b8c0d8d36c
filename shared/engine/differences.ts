import type { ClaimFeatures, DateMention, EntityMention, NumberMention } from './claim-features';
import type { ClaimAnalysis } from './parse-report';
import type { Difference } from './types';
import { formatEpochDay, WEEKDAY_NAMES_EN } from './weekday';

/**
 * The differences that matter between two versions of a claim, each in the versions' own words:
 * quantifiers (كل ≠ معظم), numbers (16.7 million ≠ 15 million, but never عشرين vs 20), dates
 * (a weekday checked against the publication date), named entities and sources. Aliases were made
 * one entity before this runs, so «بريطانيا» vs «المملكة المتحدة» is never a difference.
 */

export interface ClaimVersion {
  analysis: ClaimAnalysis;
  /** The report's full text: mentions carry offsets into it. */
  text: string;
}

const slice = (v: ClaimVersion, m: { start: number; end: number }): string => v.text.slice(m.start, m.end).trim();

export function quantifierDifferences(a: ClaimVersion, b: ClaimVersion): Difference[] {
  const out: Difference[] = [];
  for (const qa of a.analysis.features.quantifiers) {
    for (const qb of b.analysis.features.quantifiers) {
      if (qa.cls === qb.cls || !qa.nouns.some((noun) => qb.nouns.includes(noun))) continue;
      const wa = slice(a, qa);
      const wb = slice(b, qb);
      out.push({ kind: 'quantifier', a: wa, b: wb, note: `quantifier: ${wa} ≠ ${wb}` });
    }
  }
  return out.slice(0, 2);
}

/** Vague counts («عشرات», "hundreds") agree with any count of their order of magnitude. */
function agree(x: NumberMention, y: NumberMention): boolean {
  if (x.value === y.value) return true;
  if (x.vague && y.vague) return false;
  const [vague, exact] = x.vague ? [x, y] : y.vague ? [y, x] : [null, null];
  return vague !== null && exact !== null && exact.value >= vague.value && exact.value < vague.value * 10;
}

export function numberDifferences(a: ClaimVersion, b: ClaimVersion): Difference[] {
  const restA = a.analysis.features.numbers.filter((x) => !b.analysis.features.numbers.some((y) => agree(x, y)));
  const restB = b.analysis.features.numbers.filter((y) => !a.analysis.features.numbers.some((x) => agree(x, y)));
  const out: Difference[] = [];
  const usedB = new Set<NumberMention>();
  for (const x of restA) {
    // Pair by what is counted; a lone number on each side pairs with the other.
    const y =
      restB.find((candidate) => !usedB.has(candidate) && candidate.unit !== null && candidate.unit === x.unit) ??
      (restA.length === 1 && restB.length === 1 ? restB[0] : undefined);
    if (y === undefined || usedB.has(y)) continue;
    usedB.add(y);
    const wa = slice(a, x);
    const wb = slice(b, y);
    out.push({ kind: 'number', a: wa, b: wb, note: `number: ${wa} ≠ ${wb}` });
  }
  return out;
}

function describeDate(words: string, date: DateMention): string {
  return date.from === null ? words : `${words} (${formatEpochDay(date.from)})`;
}

function ownEventDates(features: ClaimFeatures): DateMention[] {
  return features.dates.filter((d) => !d.reference && d.from !== null);
}

export function dateDifferences(a: ClaimVersion, b: ClaimVersion): Difference[] {
  const out: Difference[] = [];
  const datesA = ownEventDates(a.analysis.features);
  const datesB = ownEventDates(b.analysis.features);
  for (const [version, dates] of [[a, datesA], [b, datesB]] as const) {
    for (const date of dates) {
      if (!date.weekdayConflict || date.from === null) continue;
      const words = slice(version, date);
      const actual = WEEKDAY_NAMES_EN[new Date(date.from * 86_400_000).getUTCDay()];
      const note = `date: ${words} — ${formatEpochDay(date.from)} was a ${actual}`;
      const other = version === a ? datesB : datesA;
      const otherWords = other.length > 0 ? slice(version === a ? b : a, other[0]!) : '';
      out.push(version === a ? { kind: 'date', a: words, b: otherWords, note } : { kind: 'date', a: otherWords, b: words, note });
    }
  }
  if (out.length > 0) return out.slice(0, 2);
  for (const precision of ['day', 'year'] as const) {
    const x = datesA.filter((d) => d.precision === precision);
    const y = datesB.filter((d) => d.precision === precision);
    if (x.length === 0 || y.length === 0) continue;
    if (x.some((dx) => y.some((dy) => dx.from === dy.from))) continue;
    const wa = slice(a, x[0]!);
    const wb = slice(b, y[0]!);
    out.push({ kind: 'date', a: wa, b: wb, note: `date: ${describeDate(wa, x[0]!)} ≠ ${describeDate(wb, y[0]!)}` });
  }
  return out.slice(0, 1);
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

export function attributionDifferences(a: ClaimVersion, b: ClaimVersion): Difference[] {
  const sa = a.analysis.attribution;
  const sb = b.analysis.attribution;
  const named = (s: typeof sa): s is NonNullable<typeof sa> => s !== null && s.source.length > 0;
  if (named(sa) && named(sb)) {
    if (sa.source.some((term) => sb.source.includes(term))) return [];
    const wa = slice(a, sa);
    const wb = slice(b, sb);
    return [{ kind: 'attribution', a: wa, b: wb, note: `attribution: ${wa} ≠ ${wb}` }];
  }
  if (named(sa) && sb === null) return [{ kind: 'attribution', a: slice(a, sa), b: '', note: `attribution: only the first version gives a source (${slice(a, sa)})` }];
  if (named(sb) && sa === null) return [{ kind: 'attribution', a: '', b: slice(b, sb), note: `attribution: only the second version gives a source (${slice(b, sb)})` }];
  return [];
}

/** All typed differences of a linked pair except wording, which needs the word diff. */
export function typedDifferences(a: ClaimVersion, b: ClaimVersion): Difference[] {
  return [
    ...quantifierDifferences(a, b),
    ...numberDifferences(a, b),
    ...dateDifferences(a, b),
    ...entityDifferences(a, b),
    ...attributionDifferences(a, b),
  ];
}
