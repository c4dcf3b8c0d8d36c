import { aliasIndexFor } from './aliases';
import { auditChanges } from './change-audit';
import { typedDifferences } from './differences';
import { compareFrames, type FrameComparison } from './frame-compare';
import { TermIndex, TermStats } from './index-tokens';
import { WordNormalizer } from './normalize';
import { claimAnalyses, type ClaimAnalysis } from './parse-report';
import { scorePair, type PairScore } from './relation';
import type { AliasTable, ClaimMatch, ParsedReport } from './types';
import { linkWithLazyDifferences, type LinkDetails } from './lazy-differences';
import { diffParsedClaims } from './word-diff';
import { nameSignature, wordingDifferences, type NameSignature } from './wording';

export interface CompareOptions {
  /** Aliases on top of the defaults, e.g. the editor's own file. */
  aliases?: AliasTable;
}

/** Candidates scored in full per claim, after the cheap accumulation over rare shared terms. */
const CANDIDATES_PER_CLAIM = 8;
/** Matches kept per claim, on either side. Precision first: a claim states one or two facts. */
const MATCHES_PER_CLAIM = 3;
/** A related match weaker than this share of the claim's best match is noise beside it. */
const RELATIVE_FLOOR = 0.6;
/** Word edits beyond which two versions are rewritten rather than reworded: no wording differences. */
const MAX_WORDING_EDITS = 24;
/** Below this score two versions are too far apart to be one sentence with another name in it. */
const SWAP_SCORE = 0.55;
/** Edits past which two looser versions are not one sentence with another name in it. */
const MAX_SWAP_EDITS = 8;
/** Edits past which the word diff no longer points at where a negation is. */
const MAX_POLARITY_EDITS = 40;
/** Wording differences are looked for in close versions only; looser pairs differ everywhere. */
const WORDING_SCORE = 0.7;

/** Each claim looks for candidates through its rarest terms only (prefix filtering). */
const PROBE_TERMS = 8;

/**
 * Terms shared by more claims than this are never probed: they are the vocabulary of the whole
 * report («قوات», «سيطرة»), and walking their postings would make comparing quadratic. Scoring
 * still counts them.
 */
function postingLimit(claims: number): number {
  return Math.max(100, Math.ceil(claims * 0.1));
}

interface Candidate {
  b: number;
  score: PairScore;
  frames: FrameComparison;
}

/** The score from which the words link two claims as one fact (`same`). */
const SAME_LINK = 0.5;
/** A score this low links two claims only as a contradiction of one event's frame. */
const CONTRADICTION_SCORE = 0.2;
/** What is known of a pair whose frames were not read: nothing that would link it. */
const UNREAD: FrameComparison = {
  differentEvent: false, contradiction: false, detailConflict: false, countConflict: false, sameKindOfEvent: false, sameEvent: false, otherKindOfEvent: false, oneDay: false, placesDisjoint: false, differences: [],
};

/** Claims the words did not link at all may still contradict, on this much shared content. */
const UNLINKED_CONTRADICTION_SCORE = 0.15;

/**
 * The relation the frames allow: another event is no link; slots that cannot both be true make
 * a contradiction, whatever the words had suggested.
 */
function judgePair(score: PairScore, frames: FrameComparison): PairScore {
  if (frames.differentEvent) return { score: score.score, relation: null };
  // A loose link between claims about different places (footage of the palace, of the prison) is noise.
  if (frames.placesDisjoint && score.relation !== 'same') return { score: score.score, relation: null };
  // Times and counts that cannot both be right contradict when the claims state one fact.
  // Loosely linked, the counts must be of one thing in one kind of event to contradict.
  const detail = frames.detailConflict && (score.relation === 'same' || (frames.countConflict && (frames.sameKindOfEvent || frames.oneDay)) || (score.relation === null && frames.sameKindOfEvent));
  if (!frames.contradiction && !detail) return score;
  // Unlinked by their words, two claims contradict when their frames tell one event two ways.
  if (score.relation === null && !((frames.sameEvent || frames.sameKindOfEvent) && frames.contradiction && score.score >= UNLINKED_CONTRADICTION_SCORE)) return score;
  return { score: Math.max(score.score, CONTRADICTION_SCORE), relation: 'contradicts' };
}

function candidatesFor(
  a: ClaimAnalysis,
  index: TermIndex,
  stats: TermStats,
  limit: number,
  accumulator: Float64Array,
  touched: number[],
): number[] {
  touched.length = 0;
  const probes = a.features.terms
    .map((term) => ({ postings: index.get(term), weight: stats.weight(term) }))
    .filter((p): p is { postings: readonly number[]; weight: number } => p.postings !== undefined && p.postings.length <= limit)
    .sort((x, y) => y.weight - x.weight)
    .slice(0, PROBE_TERMS);
  for (const { postings, weight } of probes) {
    for (const b of postings) {
      if (accumulator[b] === 0) touched.push(b);
      accumulator[b]! += weight;
    }
  }
  // Keep the few best by accumulated weight; clear the accumulator as we go.
  const best: number[] = [];
  for (const b of touched) {
    const value = accumulator[b]!;
    if (best.length < CANDIDATES_PER_CLAIM) best.push(b);
    else if (value > accumulator[best[best.length - 1]!]!) best[best.length - 1] = b;
    else continue;
    best.sort((x, y) => accumulator[y]! - accumulator[x]!);
  }
  for (const b of touched) accumulator[b] = 0;
  return best;
}

/**
 * Links the claims of two reports that state the same fact (`same`) or speak of the same event
 * (`related`), with the differences between each pair's versions. Uses an inverted index over the
 * second report's claims: a claim is only scored against claims that share a rare term with it.
 */
/** The names a whole claim gives, read once per claim however many links it has. */
const claimNames = new WeakMap<ClaimAnalysis, NameSignature>();
function namesOf(analysis: ClaimAnalysis, text: string, aliases: ReturnType<typeof aliasIndexFor>): NameSignature {
  let names = claimNames.get(analysis);
  if (names === undefined) {
    names = nameSignature(analysis.tokens, text, aliases);
    claimNames.set(analysis, names);
  }
  return names;
}

export function compareReports(a: ParsedReport, b: ParsedReport, options: CompareOptions = {}): ClaimMatch[] {
  const aliases = aliasIndexFor(options.aliases);
  const claimsA = claimAnalyses(a, aliases);
  const claimsB = claimAnalyses(b, aliases);
  const stats = new TermStats(claimsA, claimsB);
  const index = new TermIndex(claimsB);
  const termSetsB = claimsB.map((c) => new Set(c.features.terms));
  const limit = postingLimit(claimsB.length);
  const accumulator = new Float64Array(claimsB.length);
  const touched: number[] = [];

  const publishedKnown = a.report.publishedAt !== null && b.report.publishedAt !== null;
  const kept: Array<{ a: number; b: number; score: PairScore; frames: FrameComparison }> = [];
  claimsA.forEach((claim, ai) => {
    const terms = new Set(claim.features.terms);
    const scored: Candidate[] = candidatesFor(claim, index, stats, limit, accumulator, touched)
      .map((bi) => {
        const claimB = claimsB[bi]!;
        const words = scorePair(claim, claimB, terms, termSetsB[bi]!, stats);
        // Frames are read only where the words leave a link possible.
        if (words.relation === null && words.score < UNLINKED_CONTRADICTION_SCORE) return { b: bi, score: words, frames: UNREAD };
        const frames = compareFrames(
          { frame: claim.frame, text: a.report.text, tokens: claim.tokens },
          { frame: claimB.frame, text: b.report.text, tokens: claimB.tokens },
          publishedKnown,
          { loose: words.relation === 'related' },
        );
        return { b: bi, score: judgePair(words, frames), frames };
      })
      .filter((c) => c.score.relation !== null)
      .sort((x, y) => y.score.score - x.score.score);
    const top = scored[0]?.score.score ?? 0;
    scored
      // A loose link whose counts or times cannot both be right is kept however weak: the editor must see it.
      .filter((c) => c.score.relation !== 'related' || c.score.score >= top * RELATIVE_FLOOR || c.frames.detailConflict)
      .slice(0, MATCHES_PER_CLAIM)
      .forEach((c) => kept.push({ a: ai, b: c.b, score: c.score, frames: c.frames }));
  });

  // The same cap from the second report's side.
  const perB = new Map<number, number>();
  const selected = kept
    .sort((x, y) => y.score.score - x.score.score)
    .filter((m) => {
      const count = perB.get(m.b) ?? 0;
      perB.set(m.b, count + 1);
      return count < MATCHES_PER_CLAIM;
    })
    .sort((x, y) => x.a - y.a || y.score.score - x.score.score);

  const normalizer = new WordNormalizer();
  return selected.map(({ a: ai, b: bi, score, frames }) => {
    const claimA = a.claims[ai]!;
    const claimB = b.claims[bi]!;
    const link = { id: `${claimA.id}~${claimB.id}`, a: claimA.id, b: claimB.id, score: score.score };
    // Only a `same` link's relation waits on the word-by-word reading; the others' differences are read when asked for.
    if (score.relation !== 'same') return linkWithLazyDifferences({ ...link, relation: score.relation! }, () => readLink(ai, bi, score, frames));
    return { ...link, ...readLink(ai, bi, score, frames) };
  });

  function readLink(ai: number, bi: number, score: PairScore, frames: FrameComparison): LinkDetails {
    const claimA = a.claims[ai]!;
    const claimB = b.claims[bi]!;
    const versionA = { analysis: claimsA[ai]!, text: a.report.text };
    const versionB = { analysis: claimsB[bi]!, text: b.report.text };
    // The word diff shows where a negation is: read again with it, for the links kept only.
    const negationDiff = versionA.analysis.frame.negations.length % 2 !== versionB.analysis.frame.negations.length % 2;
    const shown = negationDiff
      ? compareFrames(
          { frame: versionA.analysis.frame, text: a.report.text, tokens: versionA.analysis.tokens },
          { frame: versionB.analysis.frame, text: b.report.text, tokens: versionB.analysis.tokens },
          publishedKnown,
          {
            parts: diffParsedClaims(
              { text: a.report.text, start: claimA.start, end: claimA.end, tokens: versionA.analysis.tokens },
              { text: b.report.text, start: claimB.start, end: claimB.end, tokens: versionB.analysis.tokens },
              MAX_POLARITY_EDITS,
            ),
            loose: score.score < SAME_LINK,
          },
        )
      : frames;
    const differences = typedDifferences(versionA, versionB, shown.differences);
    let relation = score.relation!;
    // Close versions are read word by word: for their wording, and for a name swapped in them.
    if (relation !== 'related' && score.score >= SWAP_SCORE) {
      const parts = diffParsedClaims(
        { text: a.report.text, start: claimA.start, end: claimA.end, tokens: versionA.analysis.tokens },
        { text: b.report.text, start: claimB.start, end: claimB.end, tokens: versionB.analysis.tokens },
        // A swapped name is a short edit; only close versions are read for their wording.
        score.score >= WORDING_SCORE ? MAX_WORDING_EDITS : MAX_SWAP_EDITS,
      );
      if (parts !== null) {
        const whole = { a: namesOf(versionA.analysis, a.report.text, aliases), b: namesOf(versionB.analysis, b.report.text, aliases) };
        const wording = wordingDifferences(parts, a.report.language, aliases, normalizer, differences, whole, score.score >= WORDING_SCORE);
        differences.push(...wording.differences);
        // The same sentence about another actor or place: «سلمت كتائب القسام» / «سلمت سرايا القدس».
        if (wording.anotherName) relation = 'contradicts';
      }
    }
    // Whatever the frames and the wording found, every changed slot is named, and one that cannot
    // be true of both versions makes an otherwise identical pair a contradiction.
    const audit = auditChanges(versionA, versionB, differences);
    differences.push(...audit.differences);
    if (audit.flips && relation === 'same') relation = 'contradicts';
    // Names and nouns in common, but one claim tells of an arrest and the other of a release, and
    // nothing says one undoes the other: two facts of one story.
    if (relation === 'same' && frames.otherKindOfEvent) relation = 'related';
    // A rewording the audit named by its kind is listed once, as that kind.
    const named = differences.filter((d) => d.kind !== 'wording');
    const shownDifferences = differences.filter((d) => d.kind !== 'wording' || !named.some((n) => n.a === d.a && n.b === d.b));
    return { relation, differences: shownDifferences };
  }
}
