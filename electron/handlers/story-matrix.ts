import type { MatrixCell, MatrixRow, StoryMatrix } from '../../shared/contract/matrix-types';
import type { Claim } from '../../shared/engine/types';
import type { Report } from '../../shared/model/report';
import { statusOf } from '../../shared/model/state';
import { groupClaims } from '../../shared/story/claim-groups';
import type { HandlerContext } from './handler-types';
import { summarize } from './report-summary';
import { allStoryLinks } from './story-links';

const reportOf = (claimId: string) => claimId.slice(0, claimId.lastIndexOf(':'));

/** The story's claim groups laid out by report, with what an editor filters them by. */
export function storyMatrix(context: HandlerContext): StoryMatrix {
  const { store, catalog } = context;
  const { state } = store;
  const reports = state.reportOrder.map((id) => state.reports.get(id)).filter((r): r is Report => r !== undefined);
  const claims = new Map<string, Claim>();
  for (const report of reports) for (const claim of catalog.parse(report).claims) claims.set(claim.id, claim);
  const links = allStoryLinks(context, reports);
  const groups = groupClaims([...claims.keys()], links);
  const groupOf = new Map(groups.flatMap((g) => g.claims.map((id) => [id, g.id] as const)));
  // Differences that matter between claims of one group: a mark on each of them.
  const discrepancies = new Map<string, number>();
  for (const link of links) {
    if (groupOf.get(link.a) !== groupOf.get(link.b)) continue;
    const count = link.differences.filter((d) => d.kind !== 'wording').length;
    if (count === 0) continue;
    for (const id of [link.a, link.b]) discrepancies.set(id, (discrepancies.get(id) ?? 0) + count);
  }
  const rows: MatrixRow[] = groups.map((group) => {
    const cells: Record<string, MatrixCell[]> = {};
    for (const claimId of group.claims) {
      const claim = claims.get(claimId)!;
      (cells[reportOf(claimId)] ??= []).push({
        claimId,
        text: claim.text,
        status: statusOf(state, claimId),
        decidedBy: state.statuses.get(claimId)?.editor ?? null,
        conflicts: state.statuses.get(claimId)?.conflict?.length ?? 0,
        needsRecheck: state.recheck.has(claimId),
        discrepancies: discrepancies.get(claimId) ?? 0,
      });
    }
    const all = Object.values(cells).flat();
    return {
      group: group.id,
      cells,
      singleSource: Object.keys(cells).length === 1,
      contradicted: group.links.some((l) => l.relation === 'contradicts'),
      unverified: all.some((c) => c.status === 'unverified'),
      recheck: all.some((c) => c.needsRecheck),
    };
  });
  return { reports: reports.map((r) => summarize(r, store)), rows };
}
