import type { ExportFormat } from '../contract/channels';
import type { Claim, ClaimMatch, Difference, ParsedReport } from '../engine/types';
import type { Evidence } from '../model/evidence';
import type { LogEvent, Settings } from '../model/events';
import type { Report } from '../model/report';
import type { ClaimStatus, WorkbenchState } from '../model/state';

export type { ExportFormat };

/** What part of the work to export. The log itself is always exported whole (see json-export). */
export type ExportScope = { kind: 'all' } | { kind: 'report'; reportId: string } | { kind: 'claims'; claimIds: string[] };

/** A finished export: what to save, under which name, as which type. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** Everything a format builder may read. Built by the caller from the store and the engine. */
export interface ExportInput {
  /** The whole log, in order. */
  events: readonly LogEvent[];
  state: WorkbenchState;
  /** Claims of every report the export touches: those in scope and the two of the pair. */
  parsed: readonly ParsedReport[];
  /** The two reports whose claims were compared, first report first; null with fewer than two reports. */
  pair: readonly [string, string] | null;
  /** Matches between the pair's reports, `a` in the first. */
  matches: readonly ClaimMatch[];
  scope: ExportScope;
  /** ISO date-time; passed in so that the builders stay pure and their output reproducible. */
  exportedAt: string;
}

/** Who last touched a claim, and when. */
export interface ClaimChange {
  editor: string;
  at: string;
}

/** A claim's counterpart in the other report, with the differences seen from this claim's side. */
export interface ClaimLink {
  match: ClaimMatch;
  other: Claim;
  otherReport: Report;
  /** `a` is this claim's wording, `b` the other's. */
  differences: Difference[];
}

/** A claim with everything the log says about it. */
export interface ExportClaim {
  claim: Claim;
  report: Report;
  status: ClaimStatus | null;
  evidence: Evidence[];
  links: ClaimLink[];
  firstChange: ClaimChange | null;
  lastChange: ClaimChange | null;
  /** Everyone who changed the claim's status or evidence, in order of first appearance. */
  editors: string[];
}

/** Two matched claims, one in each report of the pair. */
export interface ClaimGroup {
  match: ClaimMatch;
  a: ExportClaim;
  b: ExportClaim;
}

/** The export model: one view of the input, shared by every format so they agree with each other. */
export interface ExportModel {
  exportedAt: string;
  scope: ExportScope;
  pair: readonly [string, string] | null;
  settings: Settings;
  events: readonly LogEvent[];
  headHash: string;
  /** Reports in scope, in import order. */
  reports: Report[];
  /** Claims in scope, by report then by position in the text. */
  claims: ExportClaim[];
  /** Matches with at least one claim in scope. */
  groups: ClaimGroup[];
  /**
   * Decisions in scope, including those on claims the engine no longer finds in the text (their
   * selector still anchors them), so no decision is dropped from an export.
   */
  statuses: ClaimStatus[];
  evidence: Evidence[];
}
