import type { DraftEvent } from '../../shared/model/events';
import type { Report } from '../../shared/model/report';
import { reanchorClaim } from '../../shared/model/reanchor';
import type { WorkbenchState } from '../../shared/model/state';
import type { ClaimCatalog } from './claim-catalog';

/**
 * When an outlet updates an article, the decisions made on the old version follow its words into
 * the new one: each status and piece of evidence is re-anchored by its quote and recorded again
 * on the new claim, saying where it came from. Claims whose words are gone keep their history on
 * the old version only.
 */
export function carryOverDecisions(state: WorkbenchState, catalog: ClaimCatalog, previous: Report, updated: Report): { drafts: DraftEvent[]; carried: number; lost: number } {
  const newClaims = catalog.parse(updated).claims;
  const drafts: DraftEvent[] = [];
  let carried = 0;
  let lost = 0;
  for (const old of catalog.parse(previous).claims) {
    const status = state.statuses.get(old.id);
    const evidence = state.evidence.get(old.id) ?? [];
    if (!status && evidence.length === 0) continue;
    const target = reanchorClaim(old.selector, updated.text, newClaims);
    if (!target) {
      lost++;
      continue;
    }
    carried++;
    if (status && status.status !== 'unverified') {
      drafts.push({
        type: 'claim.statusChanged',
        payload: {
          claimId: target.id,
          reportId: updated.id,
          from: 'unverified',
          to: status.status,
          note: `Carried over from the earlier version (${old.id}), decided by ${status.editor}${status.note ? `: ${status.note}` : ''}`,
          selector: target.selector,
        },
      });
    }
    for (const item of evidence) {
      drafts.push({
        type: 'evidence.added',
        payload: {
          claimId: target.id,
          evidenceId: `${item.id}@${updated.id}`,
          evidence: { kind: item.kind, url: item.url, quote: item.quote, stance: item.stance, note: item.note },
        },
      });
    }
  }
  return { drafts, carried, lost };
}
