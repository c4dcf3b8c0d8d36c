import type { ReportSummary } from '../../shared/contract/channels';
import type { Report } from '../../shared/model/report';
import type { IsnadStore } from '../store/store';

export function summarize(report: Report, store: IsnadStore): ReportSummary {
  return {
    id: report.id,
    outlet: report.outlet,
    title: report.title,
    publishedAt: report.publishedAt,
    language: report.language,
    url: report.url,
    textSha256: report.textSha256,
    characters: report.text.length,
    importedSeq: store.state.importedSeq.get(report.id) ?? 0,
    replaces: store.state.versions.get(report.id)?.replaces ?? null,
    fetchedAt: report.fetchedAt ?? null,
  };
}

export function summaries(store: IsnadStore): ReportSummary[] {
  return store.state.reportOrder.map((id) => summarize(store.state.reports.get(id)!, store));
}
