import type { ParsedReport } from '../../shared/engine/types';
import { buildExport } from '../../shared/export/build-export';
import { ExportError } from '../../shared/export/export-error';
import { defaultPair, reportsInScope } from '../../shared/export/export-scope';
import type { ExportScope } from '../../shared/export/export-types';
import type { Report } from '../../shared/model/report';
import { HandlerError } from './handler-error';
import type { HandlerContext, HandlerGroup } from './handler-types';

/**
 * Builds an export in main and hands the renderer the file's content: the renderer saves it (a
 * save dialog in Electron, a download in the browser), the CLI writes it. Reading only, so it also
 * works on a store that refuses changes.
 */
export function exportHandlers(context: HandlerContext): HandlerGroup<'export:build'> {
  const { store, catalog } = context;
  const findReport = (id: string): Report => {
    const report = store.state.reports.get(id);
    if (!report) throw new HandlerError('unknown-report', `no report with id ${id}`);
    return report;
  };

  return {
    'export:build': async ({ format, scope: requested, pair: requestedPair }) => {
      const { state } = store;
      const scope: ExportScope = requested.kind === 'claims' ? { kind: 'claims', claimIds: [...new Set(requested.claimIds)] } : requested;
      if (scope.kind === 'report') findReport(scope.reportId);
      if (scope.kind === 'claims') for (const claimId of scope.claimIds) catalog.claim(claimId, state.reports);

      let pair: [string, string] | null;
      if (requestedPair) {
        if (requestedPair[0] === requestedPair[1]) throw new HandlerError('same-report', 'choose two different reports to compare');
        requestedPair.forEach(findReport);
        pair = [requestedPair[0], requestedPair[1]];
      } else {
        pair = defaultPair(scope, state.reportOrder);
      }

      const reportIds = new Set([...reportsInScope(scope, state.reportOrder), ...(pair ?? [])]);
      const parsed: ParsedReport[] = [...reportIds].map((id) => catalog.parse(findReport(id)));
      const matches = pair ? catalog.compare(findReport(pair[0]), findReport(pair[1])) : [];
      try {
        return buildExport(format, { events: await store.allEvents(), state, parsed, pair, matches, scope, exportedAt: new Date().toISOString() });
      } catch (error) {
        if (error instanceof ExportError) throw new HandlerError(error.code, error.message);
        throw error;
      }
    },
  };
}
