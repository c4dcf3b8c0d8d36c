import type { Evidence } from './evidence';
import type { LogEvent, Settings } from './events';
import type { RecordedGap } from './log-check';
import type { Report } from './report';
import { linkKey, type LinkRelation, type VersionChange } from './story-events';
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
  headSeq: number;
  headHash: string;
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
    recheck: new Map(),
    keys: new Map(),
    gaps: [],
    signed: false,
    eventCount: 0,
    headSeq: 0,
    headHash: genesisHash,
  };
}

/** Any status or evidence change is an editor acting on the claim: its re-check flag goes. */
function noteClaimEvent(state: WorkbenchState, claimId: string, seq: number, acted = true): void {
  if (acted) state.recheck.delete(claimId);
  const list = state.claimEvents.get(claimId);
  if (list) list.push(seq);
  else state.claimEvents.set(claimId, [seq]);
}

/** Folds one event into the state, in place (the state is large; copying it per event is not an option). */
export function applyEvent(state: WorkbenchState, event: LogEvent): void {
  switch (event.type) {
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
      state.statuses.set(claimId, { claimId, reportId, status: to, note, editor: event.editor, at: event.at, seq: event.seq });
      noteClaimEvent(state, claimId, event.seq);
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
    case 'key.registered':
      state.keys.set(event.payload.keyId, { publicKey: event.payload.publicKey, editor: event.payload.editor });
      break;
    case 'log.gap':
      state.gaps.push({ from: event.payload.from, to: event.payload.to, seq: event.seq, editor: event.editor, reason: event.payload.reason });
      break;
  }
  if (event.v !== undefined) state.signed = true;
  state.eventCount++;
  state.headSeq = event.seq;
  state.headHash = event.hash;
}

export function statusOf(state: WorkbenchState, claimId: string): Verdict {
  return state.statuses.get(claimId)?.status ?? 'unverified';
}
