import { VERDICT_LABELS } from '../model/verdict';
import { toCsv } from './csv';
import { describeDifference } from './difference-text';
import { exportFileName } from './export-scope';
import type { ClaimLink, ExportClaim, ExportFile, ExportModel } from './export-types';
import { localTime } from './local-time';
import { describeOrigin } from '../story/claim-edits';

/** The columns, in order. Several values in one cell (links, evidence) are one per line, in the same order. */
export const CSV_COLUMNS = [
  'Outlet',
  'Report date',
  'Report URL',
  'Claim',
  'Status',
  'Verdict note',
  'Needs re-check',
  'Previous version claim ID',
  'Last editor',
  'Last change (UTC)',
  'Last change (local time)',
  'Evidence count',
  'Evidence links',
  'Evidence quotes',
  'Evidence stances',
  'Matched claim',
  'Link made by',
  'Claim made by',
  'Discrepancies',
  'Claim ID',
] as const;

/** Who stands behind a link: the engine, or the editor who made or confirmed it. */
function linkOrigin(link: ClaimLink): string {
  const { origin, editor, relation } = link.match;
  if (origin === 'engine') return `engine (${relation})`;
  return `${origin === 'editor-made' ? 'made' : 'confirmed'} by ${editor ?? 'an editor'} (${relation})`;
}

function row(item: ExportClaim, timeZone: string): string[] {
  const { claim, report, status, evidence, links, lastChange } = item;
  return [
    report.outlet,
    report.publishedAt ?? '',
    report.url ?? '',
    claim.text,
    VERDICT_LABELS[status?.status ?? 'unverified'],
    status?.note ?? '',
    item.needsRecheck ? 'changed since verified — re-check' : '',
    item.previousVersion ?? '',
    lastChange?.editor ?? '',
    lastChange?.at ?? '',
    lastChange ? localTime(lastChange.at, timeZone) : '',
    String(evidence.length),
    evidence.flatMap((e) => (e.url ? [e.url] : [])).join('\n'),
    evidence.flatMap((e) => (e.quote ? [e.quote] : [])).join('\n'),
    evidence.map((e) => e.stance).join('\n'),
    links.map((link) => `${link.otherReport.outlet}: ${link.other.text}`).join('\n'),
    links.map(linkOrigin).join('\n'),
    item.origin ? describeOrigin(item.origin) : 'engine',
    links.flatMap((link) => link.differences.map(describeDifference)).join('\n'),
    claim.id,
  ];
}

/** One row per claim in scope, in report then text order; the local-time column is in `model.timeZone`. */
export function buildCsvExport(model: ExportModel): ExportFile {
  return {
    fileName: exportFileName(model.scope, model.exportedAt, 'csv'),
    // RFC 4180 registers text/csv; `header=present` tells a reader the first record names the columns.
    mimeType: 'text/csv; charset=utf-8; header=present',
    content: toCsv(CSV_COLUMNS, model.claims.map((item) => row(item, model.timeZone))),
  };
}
