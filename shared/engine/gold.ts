import { compareReports } from './match';
import { parseReport } from './parse-report';
import type { Comparison, DifferenceKind, MatchRelation, ReportText } from './types';

/**
 * Gold cases: pairs of reports with the links an editor expects between their claims, named by a
 * distinctive substring so they survive changes to claim splitting. Pure: the caller loads the
 * reports (through the same validators as production) and runs the engine. Scoring lives in
 * gold-score.ts; the format is described in docs/gold-set.md.
 */

/** `linked`: any link; `not-same`: anything but `same`; `none`: no link at all. */
export type GoldExpectation = MatchRelation | 'linked' | 'not-same' | 'none';

/** What a pair tests, for the per-phenomenon table. */
export type Phenomenon =
  | 'negation'
  | 'actor'
  | 'time'
  | 'source'
  | 'quantity'
  | 'number-words'
  | 'equal-forms'
  | 'different-event'
  | 'boilerplate'
  | 'splitting'
  | 'plain';

export const PHENOMENA: readonly Phenomenon[] = ['negation', 'actor', 'time', 'source', 'quantity', 'number-words', 'equal-forms', 'different-event', 'boilerplate', 'splitting', 'plain'];

export interface GoldDifference {
  kind: DifferenceKind;
  /** Substrings of the difference's `a` and `b`, compared folded. */
  a?: string;
  b?: string;
}

export interface GoldPair {
  a: string;
  b: string;
  expect: GoldExpectation;
  phenomena: Phenomenon[];
  /** Every difference that matters: any other non-wording difference named is a false one. */
  require: GoldDifference[];
  /** Kinds that must not be named (format 1; format 2 lists `require` exhaustively instead). */
  forbid: DifferenceKind[];
  note?: string;
}

export interface GoldCase {
  kind: 'isnad-gold';
  schemaVersion: 2;
  name: string;
  /** `dev` cases may be tuned on; `test` cases measure what nobody tuned on. */
  split: 'dev' | 'test';
  description?: string;
  /** Report files, relative to the gold file. */
  a: string;
  b: string;
  /** Every pair that is the same fact or a contradiction is listed: any other is a false positive. */
  exhaustive: boolean;
  /** Each pair's `require` lists every difference that matters (format 2; format 1 listed some). */
  differencesListed: boolean;
  pairs: GoldPair[];
  /** Text that must not be part of any claim (embedded posts, other articles, site chrome). */
  notClaims: { a: string[]; b: string[] };
}

const EXPECTATIONS: readonly GoldExpectation[] = ['same', 'related', 'contradicts', 'linked', 'not-same', 'none'];
const KINDS: readonly DifferenceKind[] = ['polarity', 'quantifier', 'number', 'date', 'entity', 'attribution', 'wording'];

function fail(name: string, message: string): never {
  throw new Error(`gold ${name}: ${message}`);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
}

/** Checks a parsed JSON value is a gold case (format 1 or 2); throws one readable line otherwise. */
export function parseGoldCase(value: unknown, name = 'file'): GoldCase {
  const v = value as Record<string, unknown> | null;
  if (v === null || typeof v !== 'object' || v.kind !== 'isnad-gold') fail(name, 'not an isnad-gold file');
  if (v.schemaVersion !== 1 && v.schemaVersion !== 2) fail(name, 'unsupported schemaVersion');
  if (typeof v.name !== 'string' || typeof v.a !== 'string' || typeof v.b !== 'string') fail(name, 'needs "name", "a" and "b"');
  if (!Array.isArray(v.pairs)) fail(name, 'needs "pairs"');
  if (v.split !== undefined && v.split !== 'dev' && v.split !== 'test') fail(name, '"split" must be dev or test');
  const pairs = (v.pairs as Array<Record<string, unknown> | null>).map((p, i): GoldPair => {
    if (typeof p?.a !== 'string' || typeof p.b !== 'string') fail(name, `pair ${i}: needs "a" and "b" substrings`);
    if (!EXPECTATIONS.includes(p.expect as GoldExpectation)) fail(name, `pair ${i}: "expect" must be one of ${EXPECTATIONS.join(', ')}`);
    const require = (Array.isArray(p.require) ? p.require : []) as GoldDifference[];
    for (const d of require) if (!KINDS.includes(d?.kind)) fail(name, `pair ${i}: unknown difference kind "${String(d?.kind)}"`);
    const forbid = strings(p.forbid) as DifferenceKind[];
    for (const k of forbid) if (!KINDS.includes(k)) fail(name, `pair ${i}: unknown difference kind "${k}"`);
    const phenomena = strings(p.phenomena) as Phenomenon[];
    for (const t of phenomena) if (!PHENOMENA.includes(t)) fail(name, `pair ${i}: unknown phenomenon "${t}"`);
    return { a: p.a, b: p.b, expect: p.expect as GoldExpectation, phenomena, require, forbid, ...(typeof p.note === 'string' ? { note: p.note } : {}) };
  });
  const notClaims = (v.notClaims ?? {}) as Record<string, unknown>;
  return {
    kind: 'isnad-gold',
    schemaVersion: 2,
    name: v.name,
    split: v.split === 'test' ? 'test' : 'dev',
    ...(typeof v.description === 'string' ? { description: v.description } : {}),
    a: v.a,
    b: v.b,
    // Format 1 listed only the `same` pairs exhaustively and did not list every difference.
    exhaustive: v.exhaustive === true,
    differencesListed: v.schemaVersion === 2,
    pairs: v.schemaVersion === 1 ? pairs.map((p) => ({ ...p, phenomena: p.phenomena.length > 0 ? p.phenomena : ['plain'] })) : pairs,
    notClaims: { a: strings(notClaims.a), b: strings(notClaims.b) },
  };
}

/** Parses and compares a case's two reports, as `compare` does. */
export function runGold(a: ReportText, b: ReportText): Comparison {
  const parsedA = parseReport(a);
  const parsedB = parseReport(b);
  return { a: parsedA, b: parsedB, matches: compareReports(parsedA, parsedB) };
}
