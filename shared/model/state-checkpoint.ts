import type { Evidence } from './evidence';
import type { Settings } from './events';
import type { RecordedGap } from './log-check';
import type { Report } from './report';
import type { OrderKey } from './event-dag';
import { linkKey } from './story-events';
import type { ClaimComment, ClaimEdit, ClaimStatus, ConcurrentVerdict, EditorLink, IgnoredEvent, RecheckFlag, ReportVersion, WorkbenchState } from './state';
import type { StoryMember } from './story-roles';

/**
 * The derived state, saved so that opening a large folder does not replay the whole log. It is a
 * cache, never the record: it is bound to the log head it was derived from (seq and hash), the
 * log after that head is re-checked on every open, and `log verify` replays the whole log and
 * compares.
 */
export interface StateCheckpoint {
  kind: 'isnad-state';
  /** 2: the DAG (its nodes, heads and standing verdicts) is part of the state. */
  schemaVersion: 2;
  headSeq: number;
  headHash: string;
  /** The sealed segments the state was derived from, by name and size: a change to one of them sends the store back to a full read. */
  segments: { name: string; bytes: number }[];
  /**
   * The newest segment at the time: its first event and the hash it follows. On open it is read
   * and checked whole, from that hash, since it may have grown since.
   */
  tail: { firstSeq: number; prevHash: string } | null;
  /** SHA-256 of `checkpointHashInput(headSeq, headHash, stateJson)`. */
  stateHash: string;
  state: StateJson;
}

export interface StateJson {
  reports: Report[];
  reportOrder: string[];
  settings: Settings;
  statuses: ClaimStatus[];
  evidence: [string, Evidence[]][];
  claimEvents: [string, number[]][];
  importedSeq: [string, number][];
  keys: [string, { publicKey: string; editor: string }][];
  /** Absent in checkpoints written before stories (they had no versions or editor links). */
  versions?: ReportVersion[];
  links?: EditorLink[];
  recheck?: RecheckFlag[];
  /** Absent in checkpoints written before editors corrected claim boundaries. */
  claimEdits?: ClaimEdit[];
  gaps: RecordedGap[];
  signed: boolean;
  eventCount: number;
  headSeq: number;
  headHash: string;
  /** Hash, seq, depth and parents of every event: what the next event, or one that arrives, is placed by. */
  dag: [string, number, number, readonly string[]][];
  heads: string[];
  lastKey: OrderKey | null;
  standing: [string, ConcurrentVerdict[]][];
  members: [string, StoryMember][] | null;
  comments: [string, ClaimComment[]][];
  ignored: IgnoredEvent[];
}

export function checkpointHashInput(headSeq: number, headHash: string, stateJson: string): string {
  return `isnad-state:${headSeq}:${headHash}:${stateJson}`;
}

export function stateToJson(state: WorkbenchState): StateJson {
  return {
    reports: state.reportOrder.map((id) => state.reports.get(id)!).filter(Boolean),
    reportOrder: state.reportOrder,
    settings: state.settings,
    statuses: [...state.statuses.values()],
    evidence: [...state.evidence],
    claimEvents: [...state.claimEvents],
    importedSeq: [...state.importedSeq],
    keys: [...state.keys],
    // Left out while empty, so a folder from before stories still matches its own checkpoint.
    ...(state.versions.size > 0 && { versions: [...state.versions.values()] }),
    ...(state.links.size > 0 && { links: [...state.links.values()] }),
    ...(state.recheck.size > 0 && { recheck: [...state.recheck.values()] }),
    ...(state.claimEdits.size > 0 && { claimEdits: [...state.claimEdits.values()].flat() }),
    gaps: state.gaps,
    signed: state.signed,
    eventCount: state.eventCount,
    headSeq: state.headSeq,
    headHash: state.headHash,
    dag: [...state.dag].map(([hash, node]) => [hash, node.seq, node.depth, node.parents]),
    heads: [...state.heads].sort(),
    lastKey: state.lastKey,
    standing: [...state.standing],
    members: state.members ? [...state.members] : null,
    comments: [...state.comments],
    ignored: state.ignored,
  };
}

/** Fills `state` (in place, so references to it stay valid) from a checkpoint. */
export function stateFromJson(json: StateJson, state: WorkbenchState): void {
  state.reports = new Map(json.reports.map((report) => [report.id, report]));
  state.reportOrder = json.reportOrder;
  state.settings = json.settings;
  state.statuses = new Map(json.statuses.map((status) => [status.claimId, status]));
  state.evidence = new Map(json.evidence);
  state.claimEvents = new Map(json.claimEvents);
  state.importedSeq = new Map(json.importedSeq);
  state.keys = new Map(json.keys);
  state.versions = new Map((json.versions ?? []).map((version) => [version.reportId, version]));
  state.links = new Map((json.links ?? []).map((link) => [linkKey(link.a, link.b), link]));
  state.recheck = new Map((json.recheck ?? []).map((flag) => [flag.claimId, flag]));
  state.claimEdits = new Map();
  for (const edit of json.claimEdits ?? []) state.claimEdits.set(edit.reportId, [...(state.claimEdits.get(edit.reportId) ?? []), edit]);
  state.gaps = json.gaps;
  state.signed = json.signed;
  state.eventCount = json.eventCount;
  state.headSeq = json.headSeq;
  state.headHash = json.headHash;
  state.dag = new Map(json.dag.map(([hash, seq, depth, parents]) => [hash, { seq, depth, parents }]));
  state.heads = new Set(json.heads);
  state.lastKey = json.lastKey;
  state.standing = new Map(json.standing);
  state.members = json.members ? new Map(json.members) : null;
  state.comments = new Map(json.comments);
  state.ignored = json.ignored;
}
