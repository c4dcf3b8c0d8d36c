import type { DateMention } from './claim-features';
import { isFrameTerm, isNumberTerm, type TermStats } from './index-tokens';
import type { ClaimAnalysis } from './parse-report';
import type { MatchRelation } from './types';

/**
 * How close two claims are, and whether they state the same fact. The evidence is shared content
 * weighted by rarity; a shared frame («سيطرت فصائل … حلب») is not enough, and claims about
 * different times (2016 vs Friday) are at most related.
 */

export interface PairScore {
  score: number;
  relation: MatchRelation | null;
}

/** Days two event dates may differ and still be one event reported differently (a date discrepancy). */
const SAME_EVENT_DAYS = 7;

function compatible(x: DateMention, y: DateMention): boolean {
  if (x.from === null || x.to === null || y.from === null || y.to === null) return true;
  return x.from - SAME_EVENT_DAYS <= y.to && y.from - SAME_EVENT_DAYS <= x.to;
}

/** Both claims say when, and no pair of their dates can be the same event. */
export function timesConflict(a: readonly DateMention[], b: readonly DateMention[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  return !a.some((x) => b.some((y) => compatible(x, y)));
}

export interface PairEvidence {
  shared: number;
  massA: number;
  massB: number;
  anchorWeight: number;
  anchors: number;
  /** Shared terms that are neither frame words nor numbers. */
  contentShared: number;
  sharedTerms: number;
}

export function pairEvidence(a: ClaimAnalysis, b: ClaimAnalysis, aTerms: ReadonlySet<string>, bTerms: ReadonlySet<string>, stats: TermStats): PairEvidence {
  let shared = 0;
  let massA = 0;
  let massB = 0;
  let anchorWeight = 0;
  let anchors = 0;
  let contentShared = 0;
  let sharedTerms = 0;
  for (const term of a.features.terms) {
    const weight = stats.weight(term);
    if (bTerms.has(term)) {
      shared += weight;
      sharedTerms++;
      massA += weight;
      if (stats.isAnchor(term)) {
        anchorWeight += weight;
        anchors++;
      }
      if (!isFrameTerm(term) && !isNumberTerm(term)) contentShared++;
    } else if (!isNumberTerm(term)) {
      // A number only one version gives is a discrepancy to show, not evidence of another fact.
      massA += weight;
    }
  }
  for (const term of b.features.terms) {
    if (aTerms.has(term) || !isNumberTerm(term)) massB += stats.weight(term);
  }
  return { shared, massA, massB, anchorWeight, anchors, contentShared, sharedTerms };
}

const SAME_SCORE = 0.5;
const RELATED_SCORE = 0.25;

/**
 * Both claims quantify the same set («كل الأحياء» / «معظم أحياء المدينة», "all of the
 * neighbourhoods" / "most of Aleppo's neighbourhoods"): they state how much of one thing holds,
 * which is one fact told two ways even when the rest of the sentences share little.
 */
function quantifySameSet(a: ClaimAnalysis, b: ClaimAnalysis, bTerms: ReadonlySet<string>): boolean {
  // The set is what one of them quantifies first: "most of the parcels landed" and "some of the
  // bundles landed" quantify parcels and bundles, not landing.
  return a.features.quantifiers.some((qa) =>
    qa.nouns.some(
      (noun, i) =>
        bTerms.has(noun) &&
        !isFrameTerm(noun) &&
        b.features.quantifiers.some((qb) => {
          const j = qb.nouns.indexOf(noun);
          return j >= 0 && Math.min(i, j) === 0;
        }),
    ),
  );
}

/**
 * Both claims name the same day (even as a start: «منذ الأربعاء» and «في 27 نوفمبر»): with actors
 * or places in common, they speak of one event even when their words differ.
 */
function sameDay(a: ClaimAnalysis, b: ClaimAnalysis): boolean {
  const days = (x: ClaimAnalysis): DateMention[] => x.features.dates.filter((d) => d.precision === 'day' && d.from !== null);
  const daysB = days(b);
  return days(a).some((x) => daysB.some((y) => x.from === y.from));
}

/**
 * Dice rewards overlap overall; cover lets a short claim match a longer version that adds details;
 * anchors reward rare content in common. The weights and thresholds are set on the gold set.
 */
export function scorePair(a: ClaimAnalysis, b: ClaimAnalysis, aTerms: ReadonlySet<string>, bTerms: ReadonlySet<string>, stats: TermStats): PairScore {
  // The same words in the same order: one claim, whatever its words weigh.
  if (a.features.sequence.length > 0 && a.features.sequence.join(' ') === b.features.sequence.join(' ')) return { score: 1, relation: 'same' };
  const e = pairEvidence(a, b, aTerms, bTerms, stats);
  if (e.shared === 0) return { score: 0, relation: null };
  const dice = (2 * e.shared) / (e.massA + e.massB);
  const cover = e.shared / Math.min(e.massA, e.massB);
  const anchorShare = e.anchorWeight / Math.min(e.massA, e.massB);
  const base = Math.min(1, 0.45 * dice + 0.3 * cover + 0.25 * Math.min(1, anchorShare * 3 + (e.anchors >= 1 ? 0.4 : 0)));

  const broad = cover >= 0.55 && dice >= 0.3 && e.contentShared >= 2;
  const anchored = e.anchors >= 2 && anchorShare >= 0.15;
  const quantified = quantifySameSet(a, b, bTerms);
  // A frame and a place in common («سيطرت فصائل … حلب») is not a fact in common.
  const frameOnly = e.anchors === 0 && e.contentShared < 3 && !quantified;
  const same = (base >= SAME_SCORE || broad || anchored || quantified) && !frameOnly && !timesConflict(a.eventDates, b.eventDates);

  // Same day, shared actors or places: one event told with different facts.
  const oneEvent = !same && sameDay(a, b) && e.contentShared >= 1 && e.sharedTerms >= 3;
  const score = same ? Math.max(SAME_SCORE, base) : Math.min(SAME_SCORE - 0.01, oneEvent ? Math.max(base, 0.3) : base);
  const relation: MatchRelation | null = same ? 'same' : score >= RELATED_SCORE && e.contentShared >= 1 ? 'related' : null;
  return { score: Math.round(score * 1000) / 1000, relation };
}
