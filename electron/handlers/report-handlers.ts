import { isRightToLeft, type Report } from '../../shared/model/report';
import type { ImportResult } from '../../shared/contract/channels';
import { sha256Hex } from '../crypto/sha256';
import { fetchPage, FetchPageError } from '../reports/fetch-page';
import { reportFromImport, type ReportImport } from '../reports/import-report';
import { publicationDateOf, siteNameOf } from '../reports/page-date';
import { currentEditor } from './editor';
import { HandlerError } from './handler-error';
import type { HandlerContext, HandlerGroup } from './handler-types';
import { summarize } from './report-summary';
import { appHandlers } from './app-handlers';
import { carryOverDecisions } from './carry-over';
import { versionTimeline } from './version-timeline';

type ReportChannels = 'reports:get' | 'reports:import' | 'reports:importUrl' | 'reports:versions' | 'reports:remove';

export function reportHandlers(context: HandlerContext): HandlerGroup<ReportChannels> {
  const { store } = context;
  const findReport = (id: string) => {
    const report = store.state.reports.get(id);
    if (!report) throw new HandlerError('unknown-report', `no report with id ${id}`);
    return report;
  };

  /**
   * Stores a report; an updated version starts from the report it replaces (outlet, title, URL and
   * language, each unless given) and carries its decisions over.
   */
  const importReport = async (
    input: Omit<ReportImport, 'outlet'> & { outlet: string | null; replaces: string | null },
    fallbackOutlet: string | null = null,
  ): Promise<ImportResult> => {
    const editor = currentEditor(context);
    const previous: Report | null = input.replaces === null ? null : findReport(input.replaces);
    const outlet = input.outlet ?? previous?.outlet ?? fallbackOutlet;
    if (!outlet) throw new HandlerError('outlet-required', 'outlet is required: which outlet published this report?');
    const report = await reportFromImport(
      {
        ...input,
        outlet,
        title: input.title ?? (previous?.title || null),
        url: input.url ?? previous?.url ?? null,
        language: input.language ?? previous?.language ?? null,
      },
      sha256Hex,
    );
    const twin = [...store.state.reports.values()].find((r) => r.textSha256 === report.textSha256);
    if (twin) throw new HandlerError('duplicate-report', `this text is already in Isnad as “${twin.outlet}” (${twin.id})`);
    if (store.state.reports.has(report.id)) throw new HandlerError('duplicate-report', `a report with id ${report.id} already exists`);
    const carried = previous ? carryOverDecisions(store.state, context.catalog, previous, report) : null;
    await store.commit([{ type: 'report.imported', payload: { report } }, ...(carried?.drafts ?? [])], editor);
    return { ...summarize(report, store), carriedOver: carried?.summary ?? null };
  };

  return {
    'reports:get': async ({ id }) => {
      const report = findReport(id);
      return { summary: summarize(report, store), text: report.text, direction: isRightToLeft(report.text) ? 'rtl' : 'ltr' };
    },

    'reports:import': (input) => importReport(input),

    'reports:importUrl': async (input) => {
      currentEditor(context);
      if (input.replaces !== null) findReport(input.replaces);
      let page;
      try {
        page = await fetchPage(input.url);
      } catch (error) {
        if (error instanceof FetchPageError) throw new HandlerError(error.code, error.message);
        throw error;
      }
      const plain = page.plainText;
      return importReport(
        {
          content: page.html,
          format: plain ? 'text' : 'html',
          fileName: null,
          outlet: input.outlet,
          title: input.title,
          publishedAt: input.publishedAt ?? (plain ? null : publicationDateOf(page.html)),
          url: page.url,
          language: input.language,
          replaces: input.replaces,
          fetchedAt: page.fetchedAt,
        },
        (plain ? null : siteNameOf(page.html)) ?? new URL(page.url).hostname.replace(/^www\./, ''),
      );
    },

    'reports:versions': async ({ id }) => {
      findReport(id);
      return versionTimeline(context, id);
    },

    'reports:remove': async ({ id, reason }) => {
      const editor = currentEditor(context);
      findReport(id);
      await store.commit([{ type: 'report.removed', payload: { reportId: id, reason } }], editor);
      return appHandlers(context)['app:load']({});
    },
  };
}
