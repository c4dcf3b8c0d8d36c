import { z } from 'zod';

/** How two claims stand to each other, as the engine or an editor says. */
export const LINK_RELATIONS = ['same', 'related', 'contradicts'] as const;
export const linkRelationSchema = z.enum(LINK_RELATIONS);
export type LinkRelation = z.infer<typeof linkRelationSchema>;

/**
 * A claim of an updated version against the previous one: `unchanged` (same words), `edited`
 * (the same claim, reworded), `added` (only in the new version) or `removed` (only in the old).
 */
export const VERSION_CHANGES = ['unchanged', 'edited', 'added', 'removed'] as const;
export type VersionChangeKind = (typeof VERSION_CHANGES)[number];

const claimRef = z.string().min(1).max(200).nullable();

export const versionChangeSchema = z.object({
  change: z.enum(VERSION_CHANGES),
  /** The claim in the new version; null for a removed claim. */
  claimId: claimRef,
  /** The claim in the previous version; null for an added claim. */
  previousClaimId: claimRef,
  /** Set when the previous claim had a decision that the new one carries and must be checked again. */
  recheck: z.boolean(),
});
export type VersionChange = z.infer<typeof versionChangeSchema>;

/** The key of a pair of claims, the same whichever is named first. */
export function linkKey(a: string, b: string): string {
  return a < b ? `${a}~${b}` : `${b}~${a}`;
}

/** How an editor corrects the engine's claim boundaries. */
export const CLAIM_EDIT_KINDS = ['split', 'merged', 'drawn', 'resized'] as const;
export type ClaimEditKind = (typeof CLAIM_EDIT_KINDS)[number];

const span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() }).refine((r) => r.start < r.end, 'a claim ends after it starts');

/**
 * What every boundary correction records: the claims of one report it replaces (by id), the spans
 * of the claims it makes, and where the replaced claims' decisions went (`carried`, with `recheck`
 * where the words changed under a decision). Applied over the engine's claims every time they are
 * computed, so recomputing never undoes it.
 */
export const claimReshapeSchema = z.object({
  reportId: z.string().min(1).max(200),
  removed: z.array(z.string().min(1).max(200)).max(2),
  claims: z.array(span).min(1).max(2),
  carried: z.array(z.object({ from: z.string().min(1).max(200), to: z.string().min(1).max(200), recheck: z.boolean() })).max(4),
});
export type ClaimReshape = z.infer<typeof claimReshapeSchema>;
