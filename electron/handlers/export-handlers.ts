import { buildExport } from '../../shared/export/build-export';
import { ExportError } from '../../shared/export/export-error';
import type { ExportScope } from '../../shared/export/export-types';
import type { Report } from '../../shared/model/report';
import { HandlerError } from './handler-error';
import type { HandlerContext, HandlerGroup } from './handler-types';
import { allStoryLinks } from './story-links';

/** The exporting machine's time zone, for the CSV's local-time column when the caller names none. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function checkTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    throw new HandlerError('invalid-time-zone', `unknown time zone ${JSON.stringify(timeZone).slice(0, 60)}; give an IANA name such as Asia/Damascus`);
  }
}

/**
 * Builds an export in main and hands the renderer the file's content: the renderer saves it (a
 * save dialog in Electron, a download in the browser), the CLI writes it. It covers the whole
 * story, every report, version and link, whichever reports an editor has open. Reading only, so
 * it also works on a store that refuses changes.
 */
export function exportHandlers(context: HandlerContext): HandlerGroup<'export:build'> {
  const { store, catalog } = context;

  return {
    'export:build': async ({ format, scope: requested, timeZone }) => {
      const { state } = store;
      const scope: ExportScope = requested.kind === 'claims' ? { kind: 'claims', claimIds: [...new Set(requested.claimIds)] } : requested;
      if (scope.kind === 'report' && !state.reports.has(scope.reportId)) throw new HandlerError('unknown-report', `no report with id ${scope.reportId}`);
      if (scope.kind === 'claims') for (const claimId of scope.claimIds) catalog.claim(claimId, state.reports);

      const reports = state.reportOrder.map((id) => state.reports.get(id)).filter((r): r is Report => r !== undefined);
      try {
        return buildExport(format, {
          events: await store.allEvents(),
          state,
          parsed: reports.map((report) => catalog.parse(report)),
          matches: allStoryLinks(context, reports),
          scope,
          exportedAt: new Date().toISOString(),
          timeZone: checkTimeZone(timeZone ?? localTimeZone()),
        });
      } catch (error) {
        if (error instanceof ExportError) throw new HandlerError(error.code, error.message);
        throw error;
      }
    },
  };
}
