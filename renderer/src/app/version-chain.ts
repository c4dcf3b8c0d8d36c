import type { ReportSummary } from '../../../shared/contract/channels';

/**
 * The reports that are versions of one another with `reportId`: back through what each replaces,
 * forward through what replaces it. Oldest first; just the report itself when it has no versions.
 */
export function versionChain(reports: readonly ReportSummary[], reportId: string): ReportSummary[] {
  const byId = new Map(reports.map((r) => [r.id, r]));
  const chain: ReportSummary[] = [];
  const seen = new Set<string>();
  for (let at = byId.get(reportId); at && !seen.has(at.id); at = at.replaces ? byId.get(at.replaces) : undefined) {
    seen.add(at.id);
    chain.unshift(at);
  }
  for (let last = chain.at(-1); last; ) {
    const next = [...reports].reverse().find((r) => r.replaces === last!.id && !seen.has(r.id));
    if (!next) break;
    seen.add(next.id);
    chain.push(next);
    last = next;
  }
  return chain;
}
