import { compareReports } from './match';
import { normalizeForSearch } from './normalize';
import { parseReport } from './parse-report';
import type { Claim, ClaimMatch, DifferenceKind, MatchRelation, ParsedReport, ReportText } from './types';

/**
 * Gold cases: pairs of reports with the links an editor expects between their claims, named by a
 * distinctive substring so they survive changes to claim splitting. Pure: the caller loads the
 * reports (through the same validators as production) and runs the engine.
 */

/** `linked`: same or related; `not-same`: related or nothing; `none`: no link at all. */
export type GoldExpectation = MatchRelation | 'linked' | 'not-same' | 'none';

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
  require?: GoldDifference[];
  forbid?: DifferenceKind[];
  note?: string;
}

export interface GoldCase {
  kind: 'isnad-gold';
  schemaVersion: 1;
  name: string;
  description?: string;
  /** Report files, relative to the gold file. */
  a: string;
  b: string;
  /** Every pair that is the same fact is listed: any other `same` is a false positive. */
  exhaustive: boolean;
  pairs: GoldPair[];
  /** Text that must not be part of any claim (embedded posts, other articles, link lists). */
  notClaims?: { a?: string[]; b?: string[] };
}

const EXPECTATIONS: readonly GoldExpectation[] = ['same', 'related', 'linked', 'not-same', 'none'];
const KINDS: readonly DifferenceKind[] = ['polarity', 'quantifier', 'number', 'date', 'entity', 'attribution', 'wording'];

function fail(name: string, message: string): never {
  throw new Error(`gold ${name}: ${message}`);
}

/** Checks a parsed JSON value is a gold case; throws one readable line otherwise. */
export function parseGoldCase(value: unknown, name = 'file'): GoldCase {
  const v = value as Partial<GoldCase> | null;
  if (v === null || typeof v !== 'object' || v.kind !== 'isnad-gold') fail(name, 'not an isnad-gold file');
  if (v.schemaVersion !== 1) fail(name, 'unsupported schemaVersion');
  if (typeof v.name !== 'string' || typeof v.a !== 'string' || typeof v.b !== 'string') fail(name, 'needs "name", "a" and "b"');
  if (!Array.isArray(v.pairs)) fail(name, 'needs "pairs"');
  v.pairs.forEach((p, i) => {
    if (typeof p?.a !== 'string' || typeof p.b !== 'string') fail(name, `pair ${i}: needs "a" and "b" substrings`);
    if (!EXPECTATIONS.includes(p.expect)) fail(name, `pair ${i}: "expect" must be one of ${EXPECTATIONS.join(', ')}`);
    for (const d of p.require ?? []) if (!KINDS.includes(d.kind)) fail(name, `pair ${i}: unknown difference kind "${d.kind}"`);
    for (const k of p.forbid ?? []) if (!KINDS.includes(k)) fail(name, `pair ${i}: unknown difference kind "${k}"`);
  });
  return { ...(v as GoldCase), exhaustive: v.exhaustive === true };
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface GoldResult {
  name: string;
  /** Pairs the engine called `same`, against pairs the gold calls the same fact. */
  same: Counts;
  /** Any link (same or related), against pairs the gold expects linked. */
  links: Counts;
  requiredDifferences: { expected: number; found: number };
  forbiddenDifferences: number;
  /** One line per failed expectation, for the test and the bench. */
  failures: string[];
}

function claimsWith(claims: readonly Claim[], substring: string): Claim[] {
  const needle = normalizeForSearch(substring);
  return claims.filter((c) => normalizeForSearch(c.text).includes(needle));
}

function contains(haystack: string, needle: string | undefined): boolean {
  return needle === undefined || normalizeForSearch(haystack).includes(normalizeForSearch(needle));
}

/** Scores one case's matches against its gold. */
export function evaluateGoldCase(gold: GoldCase, a: ParsedReport, b: ParsedReport, matches: readonly ClaimMatch[]): GoldResult {
  const result: GoldResult = {
    name: gold.name,
    same: { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
    links: { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
    requiredDifferences: { expected: 0, found: 0 },
    forbiddenDifferences: 0,
    failures: [],
  };
  const byPair = new Map(matches.map((m) => [`${m.a}|${m.b}`, m]));
  const judged = new Set<string>();

  for (const pair of gold.pairs) {
    const left = claimsWith(a.claims, pair.a);
    const right = claimsWith(b.claims, pair.b);
    if (left.length === 0 || right.length === 0) {
      result.failures.push(`${gold.name}: no claim contains «${left.length === 0 ? pair.a : pair.b}»`);
      if (pair.expect === 'same') result.same.falseNegatives++;
      continue;
    }
    // Several claims may contain the substring after a split change: the best link among them counts.
    const found = left.flatMap((x) => right.map((y) => byPair.get(`${x.id}|${y.id}`))).filter((m): m is ClaimMatch => m !== undefined);
    for (const x of left) for (const y of right) judged.add(`${x.id}|${y.id}`);
    const match = found.find((m) => m.relation === 'same') ?? found[0];
    const got = match?.relation ?? 'none';
    const label = `${gold.name}: «${pair.a}» ~ «${pair.b}»`;
    const isSame = got === 'same';
    if (pair.expect === 'same') {
      if (isSame) result.same.truePositives++;
      else {
        result.same.falseNegatives++;
        result.failures.push(`${label}: expected same, got ${got}`);
      }
    } else if (pair.expect !== 'linked' && isSame) {
      result.same.falsePositives++;
      result.failures.push(`${label}: expected ${pair.expect}, got same`);
    }
    const shouldLink = pair.expect === 'same' || pair.expect === 'related' || pair.expect === 'linked';
    if (shouldLink && match) result.links.truePositives++;
    if (shouldLink && !match) {
      result.links.falseNegatives++;
      if (pair.expect !== 'same') result.failures.push(`${label}: expected ${pair.expect}, got none`);
    }
    if (pair.expect === 'none' && match) {
      result.links.falsePositives++;
      result.failures.push(`${label}: expected none, got ${got}`);
    }
    if (pair.expect === 'related' && isSame) result.failures.push(`${label}: expected related, got same`);

    for (const required of pair.require ?? []) {
      result.requiredDifferences.expected++;
      const ok = match?.differences.some((d) => d.kind === required.kind && contains(d.a, required.a) && contains(d.b, required.b));
      if (ok) result.requiredDifferences.found++;
      else result.failures.push(`${label}: missing ${required.kind} difference ${required.a ?? ''} / ${required.b ?? ''}`);
    }
    for (const kind of pair.forbid ?? []) {
      const wrong = match?.differences.find((d) => d.kind === kind);
      if (wrong) {
        result.forbiddenDifferences++;
        result.failures.push(`${label}: unexpected ${kind} difference (${wrong.note ?? `${wrong.a} / ${wrong.b}`})`);
      }
    }
  }

  if (gold.exhaustive) {
    for (const m of matches) {
      if (m.relation !== 'same' || judged.has(`${m.a}|${m.b}`)) continue;
      result.same.falsePositives++;
      const x = a.claims.find((c) => c.id === m.a)?.text ?? m.a;
      const y = b.claims.find((c) => c.id === m.b)?.text ?? m.b;
      result.failures.push(`${gold.name}: unexpected same «${x.slice(0, 60)}» ~ «${y.slice(0, 60)}»`);
    }
  }

  for (const [side, parsed] of [['a', a], ['b', b]] as const) {
    for (const text of gold.notClaims?.[side] ?? []) {
      const leak = claimsWith(parsed.claims, text)[0];
      if (leak) result.failures.push(`${gold.name}: «${text}» is part of a claim of ${side}: «${leak.text.slice(0, 60)}»`);
    }
  }
  return result;
}

/** Parses and compares a case's two reports, then scores the matches. */
export function runGoldCase(gold: GoldCase, a: ReportText, b: ReportText): GoldResult {
  const parsedA = parseReport(a);
  const parsedB = parseReport(b);
  return evaluateGoldCase(gold, parsedA, parsedB, compareReports(parsedA, parsedB));
}

export interface GoldSummary {
  cases: GoldResult[];
  same: Counts & { precision: number; recall: number };
  links: Counts & { precision: number; recall: number };
  differences: { expected: number; found: number; recall: number; forbidden: number };
  failures: string[];
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

function total(counts: Counts[]): Counts & { precision: number; recall: number } {
  const sum = counts.reduce(
    (acc, c) => ({
      truePositives: acc.truePositives + c.truePositives,
      falsePositives: acc.falsePositives + c.falsePositives,
      falseNegatives: acc.falseNegatives + c.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  return {
    ...sum,
    precision: ratio(sum.truePositives, sum.truePositives + sum.falsePositives),
    recall: ratio(sum.truePositives, sum.truePositives + sum.falseNegatives),
  };
}

/** Precision and recall over the whole gold set. */
export function evaluateGold(results: readonly GoldResult[]): GoldSummary {
  const expected = results.reduce((n, r) => n + r.requiredDifferences.expected, 0);
  const found = results.reduce((n, r) => n + r.requiredDifferences.found, 0);
  return {
    cases: [...results],
    same: total(results.map((r) => r.same)),
    links: total(results.map((r) => r.links)),
    differences: { expected, found, recall: ratio(found, expected), forbidden: results.reduce((n, r) => n + r.forbiddenDifferences, 0) },
    failures: results.flatMap((r) => r.failures),
  };
}
