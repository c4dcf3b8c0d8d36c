import type { Claim } from '../engine/types';
import type { StoryLink } from '../story/story-links';
import { groupClaims } from '../story/claim-groups';
import type { Evidence } from '../model/evidence';
import type { LogEvent } from '../model/events';
import type { Report } from '../model/report';
import { claimOrigins, claimSpan } from '../story/claim-edits';
import { claimInScope, reportIdOfClaim, reportsInScope } from './export-scope';
import type { ClaimChange, ClaimGroup, ClaimLink, ExportClaim, ExportClaimEdit, ExportInput, ExportModel } from './export-types';

/**
 * Joins the log's decisions onto the engine's claims, once, for every format. Claims are derived,
 * never stored, so the caller passes them in; a decision whose claim the engine no longer finds is
 * kept in `statuses`/`evidence` (the JSON export carries it) but has no claim row to show.
 */
export function buildExportModel(input: ExportInput): ExportModel {
  const { state, scope } = input;
  const located = new Map<string, { claim: Claim; report: Report }>();
  for (const parsed of input.parsed) {
    const report = state.reports.get(parsed.report.id);
    if (!report) continue;
    for (const claim of parsed.claims) located.set(claim.id, { claim, report });
  }

  const matchesOf = new Map<string, StoryLink[]>();
  for (const match of input.matches) {
    for (const side of [match.a, match.b]) matchesOf.set(side, [...(matchesOf.get(side) ?? []), match]);
  }

  const eventAt = (seq: number): LogEvent | undefined => {
    const direct = input.events[seq - 1];
    return direct?.seq === seq ? direct : input.events.find((e) => e.seq === seq);
  };

  const previousVersionOf = new Map<string, string>();
  for (const version of state.versions.values()) {
    for (const change of version.changes) if (change.claimId && change.previousClaimId) previousVersionOf.set(change.claimId, change.previousClaimId);
  }

  const origins = new Map([...state.claimEdits.values()].flatMap((edits) => [...claimOrigins(edits)]));
  const built = new Map<string, ExportClaim>();
  const exportClaim = (claim: Claim, report: Report): ExportClaim => {
    const cached = built.get(claim.id);
    if (cached) return cached;
    const changes = (state.claimEvents.get(claim.id) ?? [])
      .map(eventAt)
      .filter((e): e is LogEvent => e !== undefined)
      .map((e): ClaimChange => ({ editor: e.editor, at: e.at }));
    const links: ClaimLink[] = [];
    for (const match of matchesOf.get(claim.id) ?? []) {
      const otherId = match.a === claim.id ? match.b : match.a;
      const other = located.get(otherId);
      if (!other) continue;
      // Each side reads the differences in its own words first.
      const differences = match.a === claim.id ? match.differences : match.differences.map((d) => ({ ...d, a: d.b, b: d.a }));
      links.push({ match, other: other.claim, otherReport: other.report, differences });
    }
    const result: ExportClaim = {
      claim,
      report,
      status: state.statuses.get(claim.id) ?? null,
      evidence: state.evidence.get(claim.id) ?? [],
      links,
      firstChange: changes[0] ?? null,
      lastChange: changes.at(-1) ?? null,
      editors: [...new Set(changes.map((c) => c.editor))],
      needsRecheck: state.recheck.has(claim.id),
      previousVersion: previousVersionOf.get(claim.id) ?? null,
      origin: origins.get(claim.id) ?? null,
    };
    built.set(claim.id, result);
    return result;
  };

  const reports = reportsInScope(scope, state.reportOrder)
    .map((id) => state.reports.get(id))
    .filter((r): r is Report => r !== undefined);
  const claims: ExportClaim[] = [];
  for (const report of reports) {
    const parsed = input.parsed.find((p) => p.report.id === report.id);
    for (const claim of [...(parsed?.claims ?? [])].sort((x, y) => x.start - y.start)) {
      if (claimInScope(scope, claim.id)) claims.push(exportClaim(claim, report));
    }
  }

  const groups: ClaimGroup[] = [];
  for (const match of input.matches) {
    if (!claimInScope(scope, match.a) && !claimInScope(scope, match.b)) continue;
    const a = located.get(match.a);
    const b = located.get(match.b);
    if (a && b) groups.push({ match, a: exportClaim(a.claim, a.report), b: exportClaim(b.claim, b.report) });
  }

  // Decisions on reports removed since are history, not state: the log keeps them.
  const live = (claimId: string) => claimInScope(scope, claimId) && state.reports.has(reportIdOfClaim(claimId));
  const statuses = [...state.statuses.values()].filter((s) => live(s.claimId)).sort((x, y) => x.seq - y.seq);
  const evidence: Evidence[] = [...state.evidence.entries()].filter(([claimId]) => live(claimId)).flatMap(([, items]) => items);

  const claimEdits: ExportClaimEdit[] = reports
    .flatMap((report) =>
      (state.claimEdits.get(report.id) ?? []).map((edit) => ({
        seq: edit.seq,
        kind: edit.kind,
        reportId: report.id,
        editor: edit.editor,
        at: edit.at,
        replaced: edit.removed.map((claimId) => {
          const span = claimSpan(claimId);
          return { claimId, text: span ? report.text.slice(span.start, span.end) : '', status: state.statuses.get(claimId) ?? null, evidence: state.evidence.get(claimId)?.length ?? 0 };
        }),
        made: edit.claims.map((span) => `${report.id}:${span.start}-${span.end}`),
        carried: edit.carried,
      })),
    )
    .sort((x, y) => x.seq - y.seq)
    .map(({ seq: _seq, ...edit }) => edit);

  return {
    exportedAt: input.exportedAt,
    scope,
    timeZone: input.timeZone,
    settings: state.settings,
    events: input.events,
    headHash: state.headHash,
    reports,
    claims,
    groups,
    claimGroups: groupClaims(
      input.parsed.flatMap((p) => p.claims.map((c) => c.id)),
      input.matches,
    ).filter((group) => group.claims.some((id) => claimInScope(scope, id))),
    versions: reports.flatMap((r) => state.versions.get(r.id) ?? []).sort((x, y) => x.seq - y.seq),
    claimEdits,
    statuses,
    evidence,
  };
}

/** Claims an editor acted on: a status other than the starting one, or evidence. */
export function hasDecision(claim: ExportClaim): boolean {
  return (claim.status !== null && claim.status.status !== 'unverified') || claim.evidence.length > 0;
}
