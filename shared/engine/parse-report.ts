import { aliasIndexFor, type AliasIndex } from './aliases';
import { analyzeTokens, eventDates, type AttributionMention, type ClaimFeatures, type DateMention } from './claim-features';
import { claimUnits, makeClaim } from './claims';
import { DuplicateFinder } from './duplicates';
import { displayFrame, readEventTimes, readFrame, type FrameAnalysis } from './frame';
import { ingest } from './ingest';
import { firstTokenAt, tokenizeForMatch, WordNormalizer, type MatchToken } from './normalize';
import { isStopword } from './stopwords';
import type { Block, Claim, ParsedReport, ReportText } from './types';
import { publicationDay } from './weekday';

/** What the matcher knows about a claim beyond its text. */
export interface ClaimAnalysis {
  features: ClaimFeatures;
  /** Who did what to whom, where, when, how many. */
  frame: FrameAnalysis;
  /** The claim's own source, or its sentence's when the claim is a clause of it. */
  attribution: AttributionMention | null;
  /** When the claimed event happened: the claim's own dates, else its sentence's. */
  eventDates: DateMention[];
  /** The claim's words, kept for the word diff. */
  tokens: readonly MatchToken[];
}

interface ClaimTokens {
  claim: MatchToken[];
  /** Tokens of the whole sentence, when the claim is only a clause of it. */
  sentence: MatchToken[] | null;
}

interface ReportAnalysis {
  aliases: AliasIndex;
  tokens: ClaimTokens[];
  claims: ClaimAnalysis[];
  /** Analyses under an editor's alias table, computed when first asked for. */
  withAliases?: WeakMap<AliasIndex, ClaimAnalysis[]>;
}

/**
 * Analyses kept beside parsed reports so comparing does not segment the text again. A report that
 * crossed a process boundary arrives without one and is analysed again on demand.
 */
const analyses = new WeakMap<ParsedReport, ReportAnalysis>();

function tokensIn(tokens: readonly MatchToken[], start: number, end: number): MatchToken[] {
  const from = firstTokenAt(tokens, start);
  let to = from;
  while (to < tokens.length && tokens[to]!.end <= end) to++;
  return tokens.slice(from, to);
}

function analyzeClaim(tokens: ClaimTokens, text: string, aliases: AliasIndex, published: number | null): ClaimAnalysis {
  const ctx = { aliases, published };
  const features = analyzeTokens(tokens.claim, text, ctx);
  let attribution = features.attribution;
  let dates = eventDates(features);
  let frame = readFrame(tokens.claim, text, features, isContentToken);
  const timeless = frame.times.phrases.length === 0;
  if (tokens.sentence !== null && (attribution === null || dates.length === 0 || timeless)) {
    const sentence = analyzeTokens(tokens.sentence, text, ctx);
    attribution ??= sentence.attribution;
    if (dates.length === 0) dates = eventDates(sentence);
    // A clause of a sentence that says when («…، وسيطرت على البلدة الخميس»): the sentence's time.
    if (timeless) frame = { ...frame, times: readEventTimes(tokens.sentence, text, sentence) };
  }
  return { features, frame, attribution, eventDates: dates, tokens: tokens.claim };
}

function isContentToken(token: MatchToken): boolean {
  return !isStopword(token.folded, token.bare);
}

/**
 * Splits a report into its body's blocks and its claims. Pure and linear in the text's length:
 * each paragraph is segmented once, on its own.
 */
export function parseReport(report: ReportText): ParsedReport {
  const { text } = report;
  const ingested = ingest(text, report.title);
  const normalizer = new WordNormalizer();
  const aliases = aliasIndexFor();
  const published = publicationDay(report.publishedAt);
  const duplicates = new DuplicateFinder();
  const blocks: Block[] = [];
  const claims: Claim[] = [];
  const analysis: ReportAnalysis = { aliases, tokens: [], claims: [] };
  let section: string | null = null;

  for (const block of ingested.blocks) {
    if (block.kind === 'heading') section = text.slice(block.start, block.end);
    if (block.kind !== 'paragraph') {
      blocks.push(block);
      continue;
    }
    const paragraphTokens = tokenizeForMatch(text, report.language, normalizer, block.start, block.end);
    const units = claimUnits(text, block);
    const unitTokens: ClaimTokens[] = units.map((unit) => {
      const whole = unit.claim.start === unit.sentence.start && unit.claim.end === unit.sentence.end;
      return {
        claim: tokensIn(paragraphTokens, unit.claim.start, unit.claim.end),
        sentence: whole ? null : tokensIn(paragraphTokens, unit.sentence.start, unit.sentence.end),
      };
    });
    const unitAnalyses = unitTokens.map((tokens) => analyzeClaim(tokens, text, aliases, published));
    const sequences = unitAnalyses.map((a) => a.features.sequence);
    if (duplicates.isDuplicate(sequences)) {
      blocks.push({ kind: 'excluded', start: block.start, end: block.end, reason: 'duplicate' });
      continue;
    }
    duplicates.add(sequences);
    blocks.push(block);
    units.forEach((unit, i) => {
      const unitAnalysis = unitAnalyses[i]!;
      claims.push({ ...makeClaim(text, report.id, unit.claim, section), frame: displayFrame(unitAnalysis.frame, text, unitAnalysis.attribution) });
      analysis.tokens.push(unitTokens[i]!);
      analysis.claims.push(unitAnalyses[i]!);
    });
  }

  const parsed: ParsedReport = {
    report,
    title: ingested.headline ?? report.title,
    sourceLine: ingested.sourceLine,
    blocks,
    claims,
  };
  analyses.set(parsed, analysis);
  return parsed;
}

/** The analysis of each claim of `parsed`, with `aliases` applied. */
export function claimAnalyses(parsed: ParsedReport, aliases: AliasIndex): ClaimAnalysis[] {
  let analysis = analyses.get(parsed);
  if (analysis === undefined) {
    // Parsed elsewhere (another process, a file): parse again; ids are stable, so claims line up.
    const reparsed = parseReport(parsed.report);
    const fresh = analyses.get(reparsed)!;
    const byId = new Map<string, number>();
    reparsed.claims.forEach((c, i) => byId.set(c.id, i));
    const normalizer = new WordNormalizer();
    analysis = { aliases: fresh.aliases, tokens: [], claims: [] };
    for (const claim of parsed.claims) {
      const i = byId.get(claim.id);
      const tokens: ClaimTokens =
        i !== undefined
          ? fresh.tokens[i]!
          : { claim: tokenizeForMatch(parsed.report.text, parsed.report.language, normalizer, claim.start, claim.end), sentence: null };
      analysis.tokens.push(tokens);
      analysis.claims.push(i !== undefined ? fresh.claims[i]! : analyzeClaim(tokens, parsed.report.text, fresh.aliases, publicationDay(parsed.report.publishedAt)));
    }
    analyses.set(parsed, analysis);
  }
  if (analysis.aliases === aliases) return analysis.claims;
  analysis.withAliases ??= new WeakMap();
  let claims = analysis.withAliases.get(aliases);
  if (claims === undefined) {
    const published = publicationDay(parsed.report.publishedAt);
    claims = analysis.tokens.map((tokens) => analyzeClaim(tokens, parsed.report.text, aliases, published));
    analysis.withAliases.set(aliases, claims);
  }
  return claims;
}
