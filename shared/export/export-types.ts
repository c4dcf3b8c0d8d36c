import type { ExportFormat } from '../contract/channels';
import type { Claim, Difference, ParsedReport } from '../engine/types';
import type { StoryLink } from '../story/story-links';
import type { ClaimGroup as StoryGroup } from '../story/claim-groups';
import type { ClaimOrigin } from '../story/claim-edits';
import type { Evidence } from '../model/evidence';
import type { LogEvent, Settings } from '../model/events';
import type { Report } from '../model/report';
import type { ClaimStatus, ReportVersion, WorkbenchState } from '../model/state';

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
  /** Claims of every report of the story. */
  parsed: readonly ParsedReport[];
  /**
   * Every link of the story, between each two of its reports (the engine's, with the editors'
   * links and unlinks applied), `a` in the earlier-imported report. The same whichever two
   * reports an editor has open.
   */
  matches: readonly StoryLink[];
  scope: ExportScope;
  /** ISO date-time; passed in so that the builders stay pure and their output reproducible. */
  exportedAt: string;
  /** IANA time zone of the CSV's local-time column ("Asia/Damascus"). */
  timeZone: string;
}

/** Who last touched a claim, and when. */
export interface ClaimChange {
  editor: string;
  at: string;
}

/** A claim's counterpart in the other report, with the differences seen from this claim's side. */
export interface ClaimLink {
  match: StoryLink;
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
  /** Changed since verified in an updated version, and not yet acted on. */
  needsRecheck: boolean;
  /** The claim of the previous version this one continues, in an updated version. */
  previousVersion: string | null;
  /** Set when an editor made the claim (split, merged, drawn, moved) rather than the engine. */
  origin: ClaimOrigin | null;
}

/** An editor's correction of claim boundaries: what it replaced (with their decisions) and where the decisions went. */
export interface ExportClaimEdit {
  kind: ClaimOrigin['kind'];
  reportId: string;
  editor: string;
  at: string;
  replaced: { claimId: string; text: string; status: ClaimStatus | null; evidence: number }[];
  made: string[];
  carried: { from: string; to: string; recheck: boolean }[];
}

/** Two linked claims, in two reports of the story. */
export interface ClaimGroup {
  match: StoryLink;
  a: ExportClaim;
  b: ExportClaim;
}

/** The export model: one view of the input, shared by every format so they agree with each other. */
export interface ExportModel {
  exportedAt: string;
  scope: ExportScope;
  timeZone: string;
  settings: Settings;
  events: readonly LogEvent[];
  headHash: string;
  /** Reports in scope, in import order. */
  reports: Report[];
  /** Claims in scope, by report then by position in the text. */
  claims: ExportClaim[];
  /** Links with at least one claim in scope. */
  groups: ClaimGroup[];
  /** The story's claim groups that hold a claim in scope (over every report of the story). */
  claimGroups: StoryGroup[];
  /** Updated versions among the reports in scope, oldest first. */
  versions: ReportVersion[];
  /** Editors' corrections of claim boundaries in the reports in scope, oldest first. */
  claimEdits: ExportClaimEdit[];
  /**
   * Decisions in scope, including those on claims the engine no longer finds in the text (their
   * selector still anchors them), so no decision is dropped from an export.
   */
  statuses: ClaimStatus[];
  evidence: Evidence[];
}
