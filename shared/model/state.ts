import { addToDag, agreedOrder, compareKeys, isAncestor, type Dag, type OrderKey } from './event-dag';
import type { Evidence } from './evidence';
import { GENESIS_HASH, type LogEvent, type Settings } from './events';
import type { RecordedGap } from './log-check';
import type { Report } from './report';
import { linkKey, type ClaimEditKind, type ClaimReshape, type LinkRelation, type VersionChange } from './story-events';
import { roleProblem, type StoryMember } from './story-roles';
import type { Verdict } from './verdict';

/** The current decision on a claim, as the last status event left it. */
export interface ClaimStatus {
  claimId: string;
  reportId: string;
  status: Verdict;
  note: string | null;
  editor: string;
  at: string;
  /** Sequence number of the event that set it. */
  seq: number;
  /**
   * Set when editors decided differently without seeing each other's verdict: every verdict still
   * standing, in the agreed order. `status` is the last of them until an editor decides again
   * having seen them all (that decision is the resolution).
   */
  conflict?: ConcurrentVerdict[];
}

/** One editor's verdict on a claim that no later decision has seen yet. */
export interface ConcurrentVerdict {
  status: Verdict;
  note: string | null;
  editor: string;
  at: string;
  seq: number;
  hash: string;
}

/** A report recorded as an updated version of another, with its claims against the previous one's. */
export interface ReportVersion {
  reportId: string;
  replaces: string;
  changes: VersionChange[];
  editor: string;
  at: string;
  seq: number;
}

/** An editor's word on two claims: linked with a relation, or (relation null) not linked at all. */
export interface EditorLink {
  a: string;
  b: string;
  relation: LinkRelation | null;
  note: string | null;
  editor: string;
  at: string;
  seq: number;
}

/** An editor's correction of a report's claim boundaries, in the order they were made. */
export interface ClaimEdit extends ClaimReshape {
  kind: ClaimEditKind;
  editor: string;
  at: string;
  seq: number;
}

/** A claim whose words changed since its decision was made: shown as "re-check" until an editor acts on it. */
export interface RecheckFlag {
  claimId: string;
  previousClaimId: string;
  seq: number;
}

/**
 * Everything the log says now. Derived only by `applyEvent`, so replaying the log always gives the
 * same state: the log is the record, this is a view of it.
 */
export interface WorkbenchState {
  reports: Map<string, Report>;
  /** Import order, for a stable list. */
  reportOrder: string[];
  settings: Settings;
  statuses: Map<string, ClaimStatus>;
  /** Evidence still attached, by claim id. Removed items stay in the log only. */
  evidence: Map<string, Evidence[]>;
  /** Sequence numbers of the events about each claim, oldest first. */
  claimEvents: Map<string, number[]>;
  /** Seq of each stored report's import event. */
  importedSeq: Map<string, number>;
  /** Updated versions, by the new report's id. */
  versions: Map<string, ReportVersion>;
  /** The editors' links and unlinks, by `linkKey`; the latest word on each pair of claims. */
  links: Map<string, EditorLink>;
  /** Editors' corrections of claim boundaries, by report id, oldest first. */
  claimEdits: Map<string, ClaimEdit[]>;
  /** Claims carried into an edited version and not yet acted on, by claim id. */
  recheck: Map<string, RecheckFlag>;
  /** Editors' public keys registered in the log, by key id. */
  keys: Map<string, { publicKey: string; editor: string }>;
  /** Ranges of history the editors recorded as lost. */
  gaps: RecordedGap[];
  /** True once a signed event was applied: later events must be signed too. */
  signed: boolean;
  /** Events applied. */
  eventCount: number;
  /** The highest sequence number applied (this folder's newest trusted event), and its hash. */
  headSeq: number;
  headHash: string;
  /** Every event applied, by hash: its place here, its depth and parents. */
  dag: Dag;
  /** Events no other event follows yet: the next event made here names them as its parents. */
  heads: Set<string>;
  /** The last event applied in the agreed order: an event that sorts before it needs a replay. */
  lastKey: OrderKey | null;
  /** Status decisions on each claim that no later decision has seen (more than one: concurrent). */
  standing: Map<string, ConcurrentVerdict[]>;
  /** The story's members by key id, from its latest signed list; null when it has none. */
  members: Map<string, StoryMember> | null;
  /** Comments on each claim, oldest first. */
  comments: Map<string, ClaimComment[]>;
  /** Events held and signed, but not counted: the member list does not let their signer decide. */
  ignored: IgnoredEvent[];
}

export interface ClaimComment {
  text: string;
  editor: string;
  at: string;
  hash: string;
}

export interface IgnoredEvent {
  hash: string;
  seq: number;
  editor: string;
  type: string;
  reason: string;
}

export function emptyState(genesisHash: string): WorkbenchState {
  return {
    reports: new Map(),
    reportOrder: [],
    settings: { editorName: null, organizationName: null, organizationUrl: null },
    statuses: new Map(),
    evidence: new Map(),
    claimEvents: new Map(),
    importedSeq: new Map(),
    versions: new Map(),
    links: new Map(),
    claimEdits: new Map(),
    recheck: new Map(),
    keys: new Map(),
    gaps: [],
    signed: false,
    eventCount: 0,
    headSeq: 0,
    headHash: genesisHash,
    dag: new Map(),
    heads: new Set(),
    lastKey: null,
    standing: new Map(),
    members: null,
    comments: new Map(),
    ignored: [],
  };
}

/** Any status or evidence change is an editor acting on the claim: its re-check flag goes. */
function noteClaimEvent(state: WorkbenchState, claimId: string, seq: number, acted = true): void {
  if (acted) state.recheck.delete(claimId);
  const list = state.claimEvents.get(claimId);
  if (list) list.push(seq);
  else state.claimEvents.set(claimId, [seq]);
}

/** One claim's verdict from a status event (of one claim or of a group). */
function applyVerdict(state: WorkbenchState, event: LogEvent, claimId: string, reportId: string, to: Verdict, note: string | null): void {
  const verdict: ConcurrentVerdict = { status: to, note, editor: event.editor, at: event.at, seq: event.seq, hash: event.hash };
  // A decision replaces the ones its editor had seen; the ones it had not stay standing beside it.
  const standing = [...(state.standing.get(claimId) ?? []).filter((other) => !isAncestor(state.dag, other.hash, event.hash)), verdict];
  state.standing.set(claimId, standing);
  const disagree = standing.some((other) => other.status !== to);
  state.statuses.set(claimId, { claimId, reportId, status: to, note, editor: event.editor, at: event.at, seq: event.seq, ...(disagree ? { conflict: standing } : {}) });
  noteClaimEvent(state, claimId, event.seq);
}

/** Whether an event can be applied on top of the state: it sorts after everything applied. */
export function appliesInOrder(state: WorkbenchState, key: OrderKey): boolean {
  return state.lastKey === null || compareKeys(state.lastKey, key) < 0;
}

/**
 * Folds one event into the state, in place (the state is large; copying it per event is not an
 * option). Events must come in the agreed order (`agreedOrder`), so every replica holding the same
 * events derives the same state.
 */
export function applyEvent(state: WorkbenchState, event: LogEvent): void {
  if (state.dag.has(event.hash)) return;
  const node = addToDag(state.dag, state.heads, event);
  state.lastKey = { depth: node.depth, hash: event.hash };
  const denied = roleProblem(state.members, event);
  if (denied) {
    // Kept in the log and the DAG (later events may follow it), never counted.
    state.ignored.push({ hash: event.hash, seq: event.seq, editor: event.editor, type: event.type, reason: denied });
  } else switch (event.type) {
    case 'report.imported': {
      const { report } = event.payload;
      if (!state.reports.has(report.id)) state.reportOrder.push(report.id);
      state.reports.set(report.id, report);
      state.importedSeq.set(report.id, event.seq);
      break;
    }
    case 'report.removed': {
      state.reports.delete(event.payload.reportId);
      state.importedSeq.delete(event.payload.reportId);
      state.reportOrder = state.reportOrder.filter((id) => id !== event.payload.reportId);
      break;
    }
    case 'settings.changed':
      state.settings = { ...state.settings, ...event.payload.changes };
      break;
    case 'claim.statusChanged': {
      const { claimId, reportId, to, note } = event.payload;
      applyVerdict(state, event, claimId, reportId, to, note);
      break;
    }
    case 'group.statusChanged': {
      const { to, note } = event.payload;
      for (const { claimId, reportId } of event.payload.claims) applyVerdict(state, event, claimId, reportId, to, note);
      break;
    }
    case 'evidence.added': {
      const { claimId, evidenceId, evidence } = event.payload;
      const item: Evidence = { ...evidence, id: evidenceId, claimId, editor: event.editor, at: event.at, editedAt: null };
      state.evidence.set(claimId, [...(state.evidence.get(claimId) ?? []), item]);
      noteClaimEvent(state, claimId, event.seq);
      break;
    }
    case 'evidence.edited': {
      const { claimId, evidenceId, evidence } = event.payload;
      const items = state.evidence.get(claimId) ?? [];
      state.evidence.set(
        claimId,
        items.map((item) => (item.id === evidenceId ? { ...item, ...evidence, editedAt: event.at } : item)),
      );
      noteClaimEvent(state, claimId, event.seq);
      break;
    }
    case 'evidence.removed': {
      const { claimId, evidenceId } = event.payload;
      state.evidence.set(claimId, (state.evidence.get(claimId) ?? []).filter((item) => item.id !== evidenceId));
      noteClaimEvent(state, claimId, event.seq);
      break;
    }
    case 'report.versioned': {
      const { reportId, replaces, changes } = event.payload;
      state.versions.set(reportId, { reportId, replaces, changes, editor: event.editor, at: event.at, seq: event.seq });
      for (const change of changes) {
        if (!change.recheck || change.claimId === null || change.previousClaimId === null) continue;
        state.recheck.set(change.claimId, { claimId: change.claimId, previousClaimId: change.previousClaimId, seq: event.seq });
        noteClaimEvent(state, change.claimId, event.seq, false);
      }
      break;
    }
    case 'claim.linked':
    case 'claim.unlinked': {
      const { a, b, note } = event.payload;
      const relation = event.type === 'claim.linked' ? event.payload.relation : null;
      state.links.set(linkKey(a, b), { a, b, relation, note, editor: event.editor, at: event.at, seq: event.seq });
      noteClaimEvent(state, a, event.seq, false);
      noteClaimEvent(state, b, event.seq, false);
      break;
    }
    case 'claim.split':
    case 'claim.merged':
    case 'claim.drawn':
    case 'claim.resized': {
      const { reportId, removed, claims, carried } = event.payload;
      const kind = event.type.slice('claim.'.length) as ClaimEditKind;
      const edit: ClaimEdit = { kind, reportId, removed, claims, carried, editor: event.editor, at: event.at, seq: event.seq };
      state.claimEdits.set(reportId, [...(state.claimEdits.get(reportId) ?? []), edit]);
      for (const id of removed) noteClaimEvent(state, id, event.seq, false);
      for (const { start, end } of claims) noteClaimEvent(state, `${reportId}:${start}-${end}`, event.seq, false);
      for (const move of carried) if (move.recheck) state.recheck.set(move.to, { claimId: move.to, previousClaimId: move.from, seq: event.seq });
      break;
    }
    case 'claim.commented': {
      const { claimId, text } = event.payload;
      state.comments.set(claimId, [...(state.comments.get(claimId) ?? []), { text, editor: event.editor, at: event.at, hash: event.hash }]);
      noteClaimEvent(state, claimId, event.seq);
      break;
    }
    case 'story.members':
      state.members = new Map(event.payload.members.map(({ keyId, editor, role }) => [keyId, { editor, role }]));
      break;
    case 'key.registered':
      state.keys.set(event.payload.keyId, { publicKey: event.payload.publicKey, editor: event.payload.editor });
      break;
    case 'log.gap':
      state.gaps.push({ from: event.payload.from, to: event.payload.to, seq: event.seq, editor: event.editor, reason: event.payload.reason });
      break;
  }
  if (event.v !== undefined) state.signed = true;
  state.eventCount++;
  if (event.seq > state.headSeq) {
    state.headSeq = event.seq;
    state.headHash = event.hash;
  }
}

export function statusOf(state: WorkbenchState, claimId: string): Verdict {
  return state.statuses.get(claimId)?.status ?? 'unverified';
}

/**
 * Applies events that arrived in any order parents-first (a sync, a fresh open). Returns false,
 * applying nothing, when one of them sorts before what is already applied: the state must then be
 * derived again from every event (`deriveState`), or replicas would disagree.
 */
export function applyEvents(state: WorkbenchState, events: readonly LogEvent[]): boolean {
  const ordered = agreedOrder(events.filter((event) => !state.dag.has(event.hash)), state.dag);
  if (ordered.length > 0 && !appliesInOrder(state, ordered[0]!.key)) return false;
  for (const { event } of ordered) applyEvent(state, event);
  return true;
}

/** The state a set of events gives, whatever order they are stored in. */
export function deriveState(events: readonly LogEvent[]): WorkbenchState {
  const state = emptyState(GENESIS_HASH);
  for (const { event } of agreedOrder(events)) applyEvent(state, event);
  return state;
}
