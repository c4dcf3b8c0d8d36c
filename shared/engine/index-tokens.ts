import { WordNormalizer } from './normalize';
import { FRAME_WORDS } from './frame-words';
import type { ClaimAnalysis } from './parse-report';

/**
 * Term statistics over the claims of two reports, and an inverted index over the second report's
 * claims, so that comparing never scores all pairs of claims: a claim only meets the claims it
 * shares a rare term with.
 */

const FRAME_STEMS: ReadonlySet<string> = (() => {
  const normalizer = new WordNormalizer();
  return new Set(FRAME_WORDS.split(/\s+/).filter(Boolean).map((w) => normalizer.normalize(w).stem));
})();

/** A frame word weighs this much of what its rarity alone would give it. */
const FRAME_FACTOR = 0.35;

export function isFrameTerm(term: string): boolean {
  return FRAME_STEMS.has(term);
}

export function isEntityTerm(term: string): boolean {
  return term.startsWith('@');
}

export function isNumberTerm(term: string): boolean {
  return term.startsWith('#');
}

export class TermStats {
  readonly dfA = new Map<string, number>();
  readonly dfB = new Map<string, number>();
  readonly claimCount: number;
  private readonly weights = new Map<string, number>();

  constructor(
    readonly a: readonly ClaimAnalysis[],
    readonly b: readonly ClaimAnalysis[],
  ) {
    for (const claim of a) for (const term of claim.features.terms) this.dfA.set(term, (this.dfA.get(term) ?? 0) + 1);
    for (const claim of b) for (const term of claim.features.terms) this.dfB.set(term, (this.dfB.get(term) ?? 0) + 1);
    this.claimCount = a.length + b.length;
  }

  /** Inverse document frequency over both reports, damped for frame words. */
  weight(term: string): number {
    let weight = this.weights.get(term);
    if (weight === undefined) {
      const df = (this.dfA.get(term) ?? 0) + (this.dfB.get(term) ?? 0);
      weight = Math.log(1 + this.claimCount / Math.max(1, df));
      if (FRAME_STEMS.has(term)) weight *= FRAME_FACTOR;
      this.weights.set(term, weight);
    }
    return weight;
  }

  /**
   * A term rare enough in each report to identify a fact: it names what few claims speak of.
   * Frame words, entities and years never do on their own (Aleppo is where, not what).
   */
  isAnchor(term: string): boolean {
    // Years are when, not what: «منذ 2011» recurs in claims about unrelated events.
    if (FRAME_STEMS.has(term) || isEntityTerm(term) || /^#(19|20)\d\d$/.test(term)) return false;
    const limitA = Math.max(2, Math.ceil(this.a.length * 0.02));
    const limitB = Math.max(2, Math.ceil(this.b.length * 0.02));
    return (this.dfA.get(term) ?? 0) <= limitA && (this.dfB.get(term) ?? 0) <= limitB;
  }
}

/** Claims of one report by term. Postings are claim indices in ascending order. */
export class TermIndex {
  private readonly postings = new Map<string, number[]>();

  constructor(claims: readonly ClaimAnalysis[]) {
    claims.forEach((claim, index) => {
      for (const term of claim.features.terms) {
        const list = this.postings.get(term);
        if (list === undefined) this.postings.set(term, [index]);
        else list.push(index);
      }
    });
  }

  get(term: string): readonly number[] | undefined {
    return this.postings.get(term);
  }
}
