import type { ExportScope } from './export-types';

/** The report a claim id belongs to: claim ids are `${reportId}:${start}-${end}`. */
export function reportIdOfClaim(claimId: string): string {
  const colon = claimId.lastIndexOf(':');
  return colon < 0 ? claimId : claimId.slice(0, colon);
}

/** Tells whether a claim (by id) falls inside the scope. */
export function claimInScope(scope: ExportScope, claimId: string): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'report':
      return reportIdOfClaim(claimId) === scope.reportId;
    case 'claims':
      return scope.claimIds.includes(claimId);
  }
}

/** The reports whose claims the scope covers, in import order. */
export function reportsInScope(scope: ExportScope, reportOrder: readonly string[]): string[] {
  switch (scope.kind) {
    case 'all':
      return [...reportOrder];
    case 'report':
      return reportOrder.filter((id) => id === scope.reportId);
    case 'claims': {
      const wanted = new Set(scope.claimIds.map(reportIdOfClaim));
      return reportOrder.filter((id) => wanted.has(id));
    }
  }
}

/** A file-name-safe word for the scope: `all`, the report id, or `3-claims`. */
export function scopeSlug(scope: ExportScope): string {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'report':
      return scope.reportId.replace(/[^a-z0-9-]/g, '-');
    case 'claims':
      return `${scope.claimIds.length}-claim${scope.claimIds.length === 1 ? '' : 's'}`;
  }
}

/** `isnad-<scope>-<YYYY-MM-DD>.<extension>`: sorts by scope then date in a downloads folder. */
export function exportFileName(scope: ExportScope, exportedAt: string, extension: string): string {
  return `isnad-${scopeSlug(scope)}-${exportedAt.slice(0, 10)}.${extension}`;
}
