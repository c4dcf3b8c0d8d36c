import { z } from 'zod';
import type { ParsedReport } from '../engine/types';
import type { StoryLink } from '../story/story-links';
import type { ClaimGroup } from '../story/claim-groups';
import type { ClaimOrigin } from '../story/claim-edits';
import type { Claim } from '../engine/types';
import type { StoryMatrix } from './matrix-types';
import { linkRelationSchema } from '../model/story-events';
import type { VersionStep } from './version-types';
import type { Evidence } from '../model/evidence';
import { evidenceInputSchema } from '../model/evidence';
import type { LogEvent, Settings } from '../model/events';
import type { ProblemKind, RecordedGap, SignerSummary } from '../model/log-check';
import { settingsSchema } from '../model/events';
import { httpUrl, isoDate } from '../model/report';
import type { ClaimStatus } from '../model/state';
import { verdictSchema } from '../model/verdict';
import { isPlainHttpUrl } from './trusted-url';

/** A channel: the schema its input must pass at run time, and (as a type only) what it returns. */
export interface Channel<I extends z.ZodType, R> {
  input: I;
  /** Phantom: never read at run time, only carries the result type. */
  result?: R;
}
function channel<R>() {
  return <I extends z.ZodType>(input: I): Channel<I, R> => ({ input });
}

export interface ReportSummary {
  id: string;
  outlet: string;
  title: string;
  publishedAt: string | null;
  language: string;
  url: string | null;
  textSha256: string;
  characters: number;
  /** Seq of the import event. */
  importedSeq: number;
  /** The report this one is an updated version of. */
  replaces: string | null;
  /** When Isnad fetched the page, for a report imported from its URL. */
  fetchedAt: string | null;
}

/** An import of an updated version says how many decisions followed the text. */
export interface ImportResult extends ReportSummary {
  carriedOver: {
    from: string;
    /** Claims whose decisions were carried over, and those whose decisions stay on the old version only. */
    claims: number;
    lost: number;
    unchanged: number;
    edited: number;
    added: number;
    removed: number;
    /** Edited claims that carry a decision and are flagged "changed since verified". */
    recheck: number;
  } | null;
}

/** A report's versions, oldest first: each with its claims against the version before it. */
export interface VersionTimeline {
  reportId: string;
  versions: VersionStep[];
}

export interface StoreWarning {
  /** Stable code for tests and the UI: "corrupt-file", "log-broken", … */
  code: string;
  message: string;
}

/** One thing wrong with the history: what, which events, and in which file. */
export interface HistoryProblem {
  kind: ProblemKind;
  from: number;
  /** Null when the end of the range is unknown. */
  to: number | null;
  file: string | null;
  message: string;
}

/** Why the store opened read-only: named on every open, in the app, the browser mode and the CLI. */
export interface StoreDamage {
  problems: HistoryProblem[];
  /** Set when (part of) the folder was written by a newer version of Isnad. */
  newer: string | null;
  /** Events still readable and trusted, and shown. */
  readableEvents: number;
  /** Ranges of events read on this open, e.g. [[1, 500], [924, 930]]. */
  readableRanges: [number, number][];
  /** The furthest event the log or its head checkpoint records. */
  headSeq: number;
}

export interface AppSnapshot {
  settings: Settings;
  reports: ReportSummary[];
  warnings: StoreWarning[];
  /** False when the history is damaged, from a newer Isnad, or in doubt: the store then refuses changes. */
  writable: boolean;
  /** What is wrong with the history, when it is damaged; the warnings say it in words too. */
  damage: StoreDamage | null;
  dataDir: string;
  eventCount: number;
}

export interface ReportView {
  summary: ReportSummary;
  text: string;
  direction: 'rtl' | 'ltr';
}

/** Two reports compared: their claims, the links between them, and each claim's decision. */
export interface ComparisonView {
  a: ParsedReport;
  b: ParsedReport;
  summaries: [ReportSummary, ReportSummary];
  /** The engine's matches with the editors' links and unlinks applied. */
  matches: StoryLink[];
  statuses: Record<string, ClaimStatus>;
  evidenceCounts: Record<string, number>;
  /** Claims changed since verified, with the claim of the previous version they were carried from. */
  recheck: Record<string, { previousClaimId: string }>;
  /** Claims an editor made (split, merged, drawn, moved) rather than the engine, and how. */
  origins?: Record<string, ClaimOrigin>;
}

/** A claim an editor made, with the claims it replaced and the decisions they had. */
export interface ClaimOriginView extends Omit<ClaimOrigin, 'from'> {
  from: { claimId: string; text: string; status: ClaimStatus | null; evidence: number }[];
}

/** What a correction of claim boundaries made, and where the replaced claims' decisions went. */
export interface ClaimEditResult {
  claimIds: string[];
  carried: { from: string; to: string; recheck: boolean }[];
}

/** A claim's group: the claims of every report that state the same fact, with their decisions. */
export interface ClaimGroupView {
  group: string;
  members: { claimId: string; reportId: string; outlet: string; text: string; status: ClaimStatus | null }[];
}

/** A claim whose words changed in an updated version after its decision: to be checked again. */
export interface RecheckView {
  previousClaimId: string;
  /** The previous version's words, while that report is in the store. */
  previousText: string | null;
}

export interface ClaimDetail {
  claimId: string;
  /** Set until an editor acts on the claim (a status, even the same one, or evidence). */
  needsRecheck: RecheckView | null;
  status: ClaimStatus | null;
  evidence: Evidence[];
  history: LogEvent[];
  /** Set when an editor made the claim (split, merged, drawn, moved); null for the engine's own. */
  origin?: ClaimOriginView | null;
}

/**
 * One event of the record for the activity view: the event as recorded (an imported report
 * without its text, which the view never shows), and what it concerns.
 */
export interface ActivityItem {
  event: LogEvent;
  claimId: string | null;
  reportId: string | null;
  /** The claim's words, while its report is in the store. */
  claimText: string | null;
  /** The outlet of the report concerned, while it is in the store (or as imported). */
  outlet: string | null;
  /** Made by another editor than the one working here: a colleague on a shared story. */
  colleague?: boolean;
}

/** A shared story's sync, for the status bar; null from `desk:status` when the folder works alone. */
export interface DeskStatus {
  story: string;
  server: string;
  /** offline: no server now (work goes on here); syncing: events being exchanged; refused: the server sent an event that was not taken. */
  state: 'offline' | 'syncing' | 'up-to-date' | 'refused';
  /** Events still to exchange while syncing. */
  pending: number;
  /** Events the server sent that were refused (forged, unsigned, malformed), latest last. */
  refused: { editor: string | null; reason: string; streamSeq: number | null }[];
  /** Colleagues' events added since the app opened: the page reloads what it shows when this grows. */
  received: number;
  lastSync: string | null;
  /** Why the server cannot be used right now, in one line. */
  problem: string | null;
}

/** What `log verify` found, for a data folder or an export. */
export interface VerifyReport {
  /** True when nothing is wrong: every event is there, chained, matches its hash and signature. Recorded gaps are allowed and listed. */
  ok: boolean;
  /** Events read. */
  count: number;
  headSeq: number;
  headHash: string;
  files: number;
  problems: HistoryProblem[];
  gaps: RecordedGap[];
  /** The keys that signed events, with their editors. */
  signers: SignerSummary[];
  /** Events written before Isnad signed events (schema 1), checked by hash only. */
  unsigned: number;
  /** Events after lost history signed by a key registered in the lost part: chain checked, signature not. */
  unverifiable: number;
  /** Where the head checkpoint (folder) or the export's own summary was checked. */
  attested: { count: number | null; headSeq: number | null; headHash: string; source: string } | null;
}

const id = z.string().min(1).max(200);
const importMeta = {
  /** Taken from the report it replaces when not given. */
  outlet: z.string().trim().min(1, 'outlet is required').max(200).nullable(),
  title: z.string().trim().max(1000).nullable(),
  publishedAt: isoDate.nullable(),
  language: z.string().max(35).nullable(),
  /** Set when this text is an updated version of a report already in the store. */
  replaces: id.nullable(),
};
const offset = z.number().int().nonnegative().max(100_000_000);
const claimIds = z.array(id).min(1, 'choose at least one claim').max(10_000);
const optionalText = z.string().trim().max(2000).nullable();

export const IMPORT_FORMATS = ['text', 'markdown', 'html'] as const;
export const EXPORT_FORMATS = ['json', 'csv', 'md', 'claimreview', 'annotations'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Every call the renderer can make. The Electron preload, the IPC wrapper in main and the
 * browser-mode HTTP server are all built from this one map.
 */
/**
 * The organization URL goes into every ClaimReview, which is pasted into web pages: only a plain
 * http(s) address is taken (see isPlainHttpUrl).
 */
const plainHttpUrl = z
  .string()
  .max(2000)
  .refine(isPlainHttpUrl, 'must be a plain http or https address (no spaces, quotes, angle brackets, backslashes, user name or password)');

export const channels = {
  'app:load': channel<AppSnapshot>()(z.object({})),
  'reports:get': channel<ReportView>()(z.object({ id })),
  'reports:import': channel<ImportResult>()(
    z.object({
      content: z.string().min(1, 'the report is empty').max(60_000_000, 'the report is larger than 60 MB'),
      format: z.enum(IMPORT_FORMATS),
      fileName: z.string().max(500).nullable(),
      ...importMeta,
      url: httpUrl.nullable(),
    }),
  ),
  /** Fetches an article from its address (http or https) and imports it, keeping the address, the fetch time and the page's publication date. */
  'reports:importUrl': channel<ImportResult>()(z.object({ url: httpUrl, ...importMeta })),
  'reports:versions': channel<VersionTimeline>()(z.object({ id })),
  /** The claim groups of the whole story: every claim of every report in exactly one group. */
  'story:groups': channel<{ groups: ClaimGroup[] }>()(z.object({})),
  /** The claim's group across the story: every member with its report and decision. */
  'claims:group': channel<ClaimGroupView>()(z.object({ claimId: id })),
  /** The claim matrix: a row per claim group, a column per report. */
  'story:matrix': channel<StoryMatrix>()(z.object({})),
  'reports:remove': channel<AppSnapshot>()(z.object({ id, reason: optionalText })),
  'compare:run': channel<ComparisonView>()(z.object({ a: id, b: id })),
  'claims:get': channel<ClaimDetail>()(z.object({ claimId: id })),
  'claims:setStatus': channel<ClaimStatus[]>()(
    z.object({ claimIds, status: verdictSchema, note: z.string().trim().max(20_000).nullable() }),
  ),
  /**
   * One verdict for the claim's whole group across the story ("apply to the group"), recorded as
   * one event; `undecided` sets only the members still unverified. Returns every member's status.
   */
  'claims:setGroupStatus': channel<ClaimStatus[]>()(
    z.object({ claimId: id, status: verdictSchema, note: z.string().trim().max(20_000).nullable(), only: z.enum(['all', 'undecided']).default('all') }),
  ),
  /** The report's claims as the story has them: the engine's with the editors' corrections, and who made which. */
  'reports:claims': channel<{ claims: Claim[]; origins: Record<string, ClaimOrigin> }>()(z.object({ id })),
  /** Splits a claim in two at an offset of the report's text; its decisions go to both halves, flagged re-check. */
  'claims:split': channel<ClaimEditResult>()(z.object({ claimId: id, at: offset })),
  /** Merges two adjacent claims of one paragraph; their evidence goes to the merged claim, and their status where they agree. */
  'claims:merge': channel<ClaimEditResult>()(z.object({ a: id, b: id })),
  /** Draws a claim from a span of a report's text, within one paragraph and over no other claim. */
  'claims:draw': channel<ClaimEditResult>()(z.object({ reportId: id, start: offset, end: offset })),
  /** Moves a claim's boundaries; its decisions follow, flagged re-check. */
  'claims:resize': channel<ClaimEditResult>()(z.object({ claimId: id, start: offset, end: offset })),
  'claims:link': channel<ClaimDetail>()(z.object({ a: id, b: id, relation: linkRelationSchema, note: optionalText })),
  'claims:unlink': channel<ClaimDetail>()(z.object({ a: id, b: id, note: optionalText })),
  'evidence:add': channel<Evidence>()(z.object({ claimId: id, evidence: evidenceInputSchema })),
  'evidence:update': channel<Evidence>()(z.object({ claimId: id, evidenceId: id, evidence: evidenceInputSchema })),
  'evidence:remove': channel<ClaimDetail>()(z.object({ claimId: id, evidenceId: id, reason: optionalText })),
  'settings:update': channel<Settings>()(
    settingsSchema
      .partial()
      // Stored events stay as lenient as they were written; what an editor enters now is checked
      // harder: the organization URL is published in ClaimReview and shown as a link.
      .extend({ organizationUrl: plainHttpUrl.nullable().optional() })
      .refine((s) => Object.keys(s).length > 0, 'nothing to change'),
  ),
  'log:verify': channel<VerifyReport>()(z.object({})),
  /** Every event of the record, newest first: the activity view. */
  'log:activity': channel<ActivityItem[]>()(z.object({})),
  /** The shared story's sync state (null when the folder has no desk). */
  'desk:status': channel<{ desk: DeskStatus | null }>()(z.object({})),
  'export:build': channel<{ fileName: string; mimeType: string; content: string }>()(
    z.object({
      format: z.enum(EXPORT_FORMATS),
      scope: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('all') }),
        z.object({ kind: z.literal('report'), reportId: id }),
        z.object({ kind: z.literal('claims'), claimIds }),
      ]),
      /** IANA time zone for the CSV's local-time column; the exporting machine's when absent. */
      timeZone: z.string().max(100).nullable().optional(),
    }),
  ),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelResult<C extends ChannelName> = NonNullable<Channels[C]['result']>;
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

/** What crosses the process boundary: never a thrown error, always one of these. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; code: string };

/** The API the renderer sees, whether it runs in Electron or in a browser. */
export type IsnadApi = { [C in ChannelName]: (input: ChannelInput<C>) => Promise<Reply<ChannelResult<C>>> };
