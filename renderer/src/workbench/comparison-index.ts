import type { ComparisonView } from '../../../shared/contract/channels';
import type { Claim } from '../../../shared/engine/types';
import type { StoryLink } from '../../../shared/story/story-links';
import type { Verdict } from '../../../shared/model/verdict';

/** How a claim stands against the other report. */
export type ClaimKind = 'same' | 'related' | 'contradicts' | 'single';

export interface IndexedClaim {
  claim: Claim;
  side: 'a' | 'b';
  outlet: string;
  kind: ClaimKind;
  matches: StoryLink[];
  /** Other-side claim ids linked to this one. */
  partners: string[];
  status: Verdict;
  /** Who set the status shown (on a shared story, often a colleague). */
  decidedBy: string | null;
  /** Verdicts standing in conflict (0: none). */
  conflicts: number;
  evidenceCount: number;
  hasDiscrepancy: boolean;
  /** Changed since verified in an updated version: to be checked again. */
  needsRecheck: boolean;
}

export interface ComparisonIndex {
  /** Claims of A then B, in reading order. */
  claims: IndexedClaim[];
  byId: Map<string, IndexedClaim>;
  /** The pair number shown on both partners of a match (1, 2, 3… in A's reading order). */
  pairNumber: Map<string, number>;
}

/** Indexes built elsewhere (in the comparison worker) for a view, so they are not built again here. */
const prebuilt = new WeakMap<ComparisonView, ComparisonIndex>();

export function rememberIndex(view: ComparisonView, index: ComparisonIndex): void {
  prebuilt.set(view, index);
}

export function indexComparison(view: ComparisonView): ComparisonIndex {
  const known = prebuilt.get(view);
  if (known) return known;
  const matchesOf = new Map<string, StoryLink[]>();
  for (const match of view.matches) {
    for (const id of [match.a, match.b]) matchesOf.set(id, [...(matchesOf.get(id) ?? []), match]);
  }
  const claims: IndexedClaim[] = [];
  const byId = new Map<string, IndexedClaim>();
  const sides = [
    ['a', view.a, view.summaries[0].outlet],
    ['b', view.b, view.summaries[1].outlet],
  ] as const;
  for (const [side, parsed, outlet] of sides) {
    for (const claim of parsed.claims) {
      const matches = (matchesOf.get(claim.id) ?? []).sort((x, y) => y.score - x.score);
      const kind: ClaimKind = matches.some((m) => m.relation === 'contradicts') ? 'contradicts' : matches.some((m) => m.relation === 'same') ? 'same' : matches.length > 0 ? 'related' : 'single';
      const indexed: IndexedClaim = {
        claim,
        side,
        outlet,
        kind,
        matches,
        partners: matches.map((m) => (m.a === claim.id ? m.b : m.a)),
        status: view.statuses[claim.id]?.status ?? 'unverified',
        decidedBy: view.statuses[claim.id]?.editor ?? null,
        conflicts: view.statuses[claim.id]?.conflict?.length ?? 0,
        evidenceCount: view.evidenceCounts[claim.id] ?? 0,
        hasDiscrepancy: matches.some((m) => m.differences.some((d) => d.kind !== 'wording')),
        needsRecheck: view.recheck?.[claim.id] !== undefined,
      };
      claims.push(indexed);
      byId.set(claim.id, indexed);
    }
  }
  const pairNumber = new Map<string, number>();
  let next = 1;
  for (const entry of claims) {
    if (entry.side !== 'a' || entry.matches.length === 0) continue;
    const number = next++;
    pairNumber.set(entry.claim.id, number);
    for (const partner of entry.partners) if (!pairNumber.has(partner)) pairNumber.set(partner, number);
  }
  return { claims, byId, pairNumber };
}

export interface ClaimFilter {
  status: Verdict | 'any';
  kind: ClaimKind | 'linked' | 'any';
  discrepancy: boolean;
  side: 'a' | 'b' | 'any';
  /** Only claims changed since verified. */
  recheck: boolean;
  /** Already normalized with normalizeForSearch. */
  query: string;
}

export const NO_FILTER: ClaimFilter = { status: 'any', kind: 'any', discrepancy: false, side: 'any', recheck: false, query: '' };

export function filterClaims(claims: IndexedClaim[], filter: ClaimFilter, normalize: (text: string) => string): IndexedClaim[] {
  return claims.filter(
    (c) =>
      (filter.status === 'any' || c.status === filter.status) &&
      (filter.kind === 'any' || (filter.kind === 'linked' ? c.kind !== 'single' : c.kind === filter.kind)) &&
      (!filter.discrepancy || c.hasDiscrepancy) &&
      (!filter.recheck || c.needsRecheck) &&
      (filter.side === 'any' || c.side === filter.side) &&
      (filter.query === '' || normalize(c.claim.text).includes(filter.query)),
  );
}
