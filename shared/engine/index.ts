/**
 * The claim engine: split reports into claims, find the claims two outlets both make, diff two
 * versions of a claim word by word, and name the differences that matter. Pure: runs in Node, in
 * the browser and in tests.
 */
import { compareReports, type CompareOptions } from './match';
import { parseReport } from './parse-report';
import type { Comparison, ReportText } from './types';

export type * from './types';
export { parseReport } from './parse-report';
export { ingest } from './ingest';
export { compareReports, type CompareOptions } from './match';
export { diffClaimWords } from './word-diff';
export { normalizeForMatch, normalizeForSearch, tokenizeForMatch, WordNormalizer, type MatchToken } from './normalize';
export { DEFAULT_ALIASES, compileAliases, type AliasIndex } from './aliases';
export { parseGoldCase, runGold, PHENOMENA, type GoldCase, type GoldDifference, type GoldExpectation, type GoldPair, type Phenomenon } from './gold';
export { scoreGoldCase, summarizeGold, GOLD_TARGETS, PHENOMENON_TARGETS, percent, fraction, type GoldResult, type GoldSummary, type Rate } from './gold-score';

/** Parses both reports and compares them: what a side-by-side view needs in one call. */
export function compareReportTexts(a: ReportText, b: ReportText, options: CompareOptions = {}): Comparison {
  const parsedA = parseReport(a);
  const parsedB = parseReport(b);
  return { a: parsedA, b: parsedB, matches: compareReports(parsedA, parsedB, options) };
}
