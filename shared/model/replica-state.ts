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
    ignored: state.ignored.map(({ seq: _seq, ...rest }) => rest),
    events: state.dag.size,
    heads: [...state.heads].sort(),
  });
}
