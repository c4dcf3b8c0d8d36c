import type { VersionTimeline } from '../../shared/contract/channels';
import type { VersionEntry, VersionStep } from '../../shared/contract/version-types';
import { diffClaimWords } from '../../shared/engine';
import type { Claim } from '../../shared/engine/types';
import type { Report } from '../../shared/model/report';
import { VERSION_CHANGES, type VersionChangeKind } from '../../shared/model/story-events';
import type { ClaimCatalog } from './claim-catalog';
import type { HandlerContext } from './handler-types';
import { summarize } from './report-summary';

/**
 * The versions of the report `reportId` belongs to, oldest first: back through what each version
 * replaces, then forward through the versions that replace it (the newest, where an editor
 * imported two updates of the same version). Reports removed since are left out.
 */
function chainOf(context: HandlerContext, reportId: string): Report[] {
  const { state } = context.store;
  const chain: Report[] = [];
  const seen = new Set<string>();
  for (let id: string | undefined = reportId; id !== undefined && !seen.has(id); id = state.versions.get(id)?.replaces) {
    seen.add(id);
    const report = state.reports.get(id);
    if (report) chain.unshift(report);
  }
  for (let id = reportId; ; ) {
    const next = [...state.versions.values()].filter((v) => v.replaces === id && state.reports.has(v.reportId) && !seen.has(v.reportId)).sort((x, y) => y.seq - x.seq)[0];
    if (!next) break;
    seen.add(next.reportId);
    chain.push(state.reports.get(next.reportId)!);
    id = next.reportId;
  }
  return chain;
}

function claimsById(catalog: ClaimCatalog, report: Report | undefined): Map<string, Claim> {
  return new Map(report ? catalog.parse(report).claims.map((c) => [c.id, c]) : []);
}

export function versionTimeline(context: HandlerContext, reportId: string): VersionTimeline {
  const { store, catalog } = context;
  const { state } = store;
  const versions: VersionStep[] = chainOf(context, reportId).map((report) => {
    const version = state.versions.get(report.id);
    const counts = Object.fromEntries(VERSION_CHANGES.map((c) => [c, 0])) as Record<VersionChangeKind, number>;
    const previous = version ? state.reports.get(version.replaces) : undefined;
    const newClaims = claimsById(catalog, report);
    const oldClaims = claimsById(catalog, previous);
    const matches = previous ? catalog.compare(previous, report) : [];
    const entries: VersionEntry[] = (version?.changes ?? []).map((change) => {
      counts[change.change]++;
      const claim = change.claimId ? newClaims.get(change.claimId) : undefined;
      const old = change.previousClaimId ? oldClaims.get(change.previousClaimId) : undefined;
      const match = claim && old ? matches.find((m) => m.a === old.id && m.b === claim.id) : undefined;
      const ownId = change.claimId ?? change.previousClaimId;
      return {
        change: change.change,
        claimId: change.claimId,
        previousClaimId: change.previousClaimId,
        text: claim?.text ?? null,
        previousText: old?.text ?? null,
        diff: change.change === 'edited' && claim && old ? diffClaimWords(old.text, claim.text, report.language) : [],
        differences: match?.differences.filter((d) => d.kind !== 'wording') ?? [],
        status: (ownId && state.statuses.get(ownId)) || null,
        previousStatus: (change.previousClaimId && state.statuses.get(change.previousClaimId)) || null,
        evidenceCount: ownId ? (state.evidence.get(ownId)?.length ?? 0) : 0,
        needsRecheck: change.claimId !== null && state.recheck.has(change.claimId),
      };
    });
    return {
      summary: summarize(report, store),
      replaces: version?.replaces ?? null,
      editor: version?.editor ?? null,
      importedAt: version?.at ?? null,
      counts,
      recheck: entries.filter((e) => e.needsRecheck).length,
      entries,
    };
  });
  return { reportId, versions };
}
