import { isRightToLeft } from '../../shared/model/report';
import { sha256Hex } from '../crypto/sha256';
import { reportFromImport } from '../reports/import-report';
import { currentEditor } from './editor';
import { HandlerError } from './handler-error';
import type { HandlerContext, HandlerGroup } from './handler-types';
import { summarize } from './report-summary';
import { appHandlers } from './app-handlers';
import { carryOverDecisions } from './carry-over';

export function reportHandlers(context: HandlerContext): HandlerGroup<'reports:get' | 'reports:import' | 'reports:remove'> {
  const { store } = context;
  const findReport = (id: string) => {
    const report = store.state.reports.get(id);
    if (!report) throw new HandlerError('unknown-report', `no report with id ${id}`);
    return report;
  };

  return {
    'reports:get': async ({ id }) => {
      const report = findReport(id);
      return { summary: summarize(report, store), text: report.text, direction: isRightToLeft(report.text) ? 'rtl' : 'ltr' };
    },

    'reports:import': async (input) => {
      const editor = currentEditor(context);
      const previous = input.replaces === null ? null : findReport(input.replaces);
      const report = await reportFromImport(input, sha256Hex);
      const twin = [...store.state.reports.values()].find((r) => r.textSha256 === report.textSha256);
      if (twin) throw new HandlerError('duplicate-report', `this text is already in Isnad as “${twin.outlet}” (${twin.id})`);
      if (store.state.reports.has(report.id)) throw new HandlerError('duplicate-report', `a report with id ${report.id} already exists`);
      const carried = previous ? carryOverDecisions(store.state, context.catalog, previous, report) : null;
      await store.commit([{ type: 'report.imported', payload: { report } }, ...(carried?.drafts ?? [])], editor);
      return { ...summarize(report, store), carriedOver: carried && { claims: carried.carried, lost: carried.lost, from: previous!.id } };
    },

    'reports:remove': async ({ id, reason }) => {
      const editor = currentEditor(context);
      findReport(id);
      await store.commit([{ type: 'report.removed', payload: { reportId: id, reason } }], editor);
      return appHandlers(context)['app:load']({});
    },
  };
}
