import type { DiffPart, Difference } from '../engine/types';
import type { VersionChangeKind } from '../model/story-events';
import type { ClaimStatus } from '../model/state';
import type { ReportSummary } from './channels';

/** One claim of a version against the version before it. */
export interface VersionEntry {
  change: VersionChangeKind;
  claimId: string | null;
  previousClaimId: string | null;
  /** The claim's words in this version; null when removed (or the engine no longer finds it). */
  text: string | null;
  previousText: string | null;
  /** Word by word from the previous version to this one, for an edited claim. */
  diff: DiffPart[];
  /** The differences that matter, as the engine names them, `a` the previous version. */
  differences: Difference[];
  /** The decision in this version (for a removed claim, the one it keeps in the previous version). */
  status: ClaimStatus | null;
  previousStatus: ClaimStatus | null;
  evidenceCount: number;
  needsRecheck: boolean;
}

/** A version in a report's timeline. */
export interface VersionStep {
  summary: ReportSummary;
  /** Null for the first version. */
  replaces: string | null;
  /** Who imported this version, and when. */
  editor: string | null;
  importedAt: string | null;
  counts: Record<VersionChangeKind, number>;
  /** Claims of this version still flagged "changed since verified". */
  recheck: number;
  /** Every claim against the version before; empty for the first version. */
  entries: VersionEntry[];
}
