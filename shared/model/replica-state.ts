import { canonicalJson } from './canonical-json';
import type { WorkbenchState } from './state';

/**
 * The state as every replica of a story derives it: everything but where this folder stores each
 * event (sequence numbers), which differs from folder to folder. Two desks holding the same events
 * give the same text, so its hash is a short way to compare them.
 */
export function replicaStateText(state: WorkbenchState): string {
  return canonicalJson({
    reports: state.reportOrder.map((id) => state.reports.get(id) ?? null),
    settings: state.settings,
    statuses: [...state.statuses.values()]
      .map(({ seq: _seq, conflict, ...status }) => ({ ...status, conflict: conflict?.map(({ seq: _s, ...verdict }) => verdict) }))
      .sort((a, b) => (a.claimId < b.claimId ? -1 : 1)),
    evidence: [...state.evidence].sort(([a], [b]) => (a < b ? -1 : 1)),
    keys: [...state.keys].sort(([a], [b]) => (a < b ? -1 : 1)),
    members: state.members ? [...state.members].sort(([a], [b]) => (a < b ? -1 : 1)) : null,
    comments: [...state.comments].sort(([a], [b]) => (a < b ? -1 : 1)),
    // A story's versions, editors' links and re-check flags are part of what every replica must agree on.
    versions: [...state.versions.values()].map(({ seq: _seq, ...version }) => version).sort((a, b) => (a.reportId < b.reportId ? -1 : 1)),
    links: [...state.links].map(([key, { seq: _seq, ...link }]) => [key, link] as const).sort(([a], [b]) => (a < b ? -1 : 1)),
    recheck: [...state.recheck.values()].map(({ claimId, previousClaimId }) => [claimId, previousClaimId]).sort(([a], [b]) => (a! < b! ? -1 : 1)),
    claimEdits: [...state.claimEdits].map(([reportId, edits]) => [reportId, edits.map(({ seq: _seq, ...edit }) => edit)] as const).sort(([a], [b]) => (a < b ? -1 : 1)),
    ignored: state.ignored.map(({ seq: _seq, ...rest }) => rest),
    events: state.dag.size,
    heads: [...state.heads].sort(),
  });
}
