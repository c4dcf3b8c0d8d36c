import type { ImportResult } from '../../shared/contract/channels';
import type { DraftEvent } from '../../shared/model/events';
import type { Report } from '../../shared/model/report';
import type { WorkbenchState } from '../../shared/model/state';
import type { VersionChange } from '../../shared/model/story-events';
import { pairVersions } from '../../shared/story/version-changes';
import type { ClaimCatalog } from './claim-catalog';

/**
 * When an outlet updates an article, every decision made on the old version follows its claim into
 * the new one: each claim of the new version is unchanged, edited, added or removed against the
 * old. Unchanged and edited claims get the old status and evidence again, recorded as carried
 * over, saying from where; an edited claim that carried a decision is then flagged "changed since
 * verified" (by the `report.versioned` event, written last) until an editor acts on it. Removed
 * claims keep their decisions on the old version, and the timeline lists them.
 */
export function carryOverDecisions(
  state: WorkbenchState,
  catalog: ClaimCatalog,
  previous: Report,
  updated: Report,
): { drafts: DraftEvent[]; summary: NonNullable<ImportResult['carriedOver']> } {
  const pairings = pairVersions(catalog.parse(previous), catalog.parse(updated), catalog.compare(previous, updated));
  const drafts: DraftEvent[] = [];
  const changes: VersionChange[] = [];
  const summary = { from: previous.id, claims: 0, lost: 0, unchanged: 0, edited: 0, added: 0, removed: 0, recheck: 0 };
  for (const { change, claim, previous: old } of pairings) {
    summary[change]++;
    const status = old ? state.statuses.get(old.id) : undefined;
    const evidence = old ? (state.evidence.get(old.id) ?? []) : [];
    const decided = (status !== undefined && status.status !== 'unverified') || evidence.length > 0;
    const recheck = change === 'edited' && decided;
    changes.push({ change, claimId: claim?.id ?? null, previousClaimId: old?.id ?? null, recheck });
    if (!decided || !old) continue;
    if (!claim) {
      summary.lost++;
      continue;
    }
    summary.claims++;
    if (recheck) summary.recheck++;
    if (status && status.status !== 'unverified') {
      drafts.push({
        type: 'claim.statusChanged',
        payload: {
          claimId: claim.id,
          reportId: updated.id,
          from: 'unverified',
          to: status.status,
          note: `Carried over from the earlier version (${old.id}), decided by ${status.editor}${status.note ? `: ${status.note}` : ''}`,
          selector: claim.selector,
        },
      });
    }
    for (const item of evidence) {
      drafts.push({
        type: 'evidence.added',
        payload: {
          claimId: claim.id,
          evidenceId: `${item.id}@${updated.id}`,
          evidence: { kind: item.kind, url: item.url, quote: item.quote, stance: item.stance, note: item.note },
        },
      });
    }
  }
  drafts.push({ type: 'report.versioned', payload: { reportId: updated.id, replaces: previous.id, changes } });
  return { drafts, summary };
}
