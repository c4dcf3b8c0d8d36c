import { EVIDENCE_KIND_LABELS } from '../model/evidence';
import type { Evidence } from '../model/evidence';
import { VERDICT_LABELS } from '../model/verdict';
import { describeDifference, RELATION_LABELS } from './difference-text';
import { hasDecision } from './export-model';
import { exportFileName } from './export-scope';
import type { ClaimGroup, ExportClaim, ExportFile, ExportModel } from './export-types';
import { escapeMarkdownInline, markdownLink, markdownQuote } from './markdown-escape';

/** `2024-12-01 09:30 UTC`: what an editor reads; the JSON export keeps the exact time. */
function readableTime(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso;
}

function scopeLine(model: ExportModel): string {
  const { scope } = model;
  if (scope.kind === 'all') return 'everything';
  if (scope.kind === 'report') {
    const report = model.reports[0];
    return report ? `the report of ${escapeMarkdownInline(report.outlet)}` : `report ${escapeMarkdownInline(scope.reportId)}`;
  }
  return `${scope.claimIds.length} chosen claim${scope.claimIds.length === 1 ? '' : 's'}`;
}

function header(model: ExportModel): string[] {
  const lines = ['# Verification report', ''];
  const organization = model.settings.organizationName;
  lines.push(`- Exported: ${readableTime(model.exportedAt)}${organization ? ` by ${escapeMarkdownInline(organization)}` : ''}`);
  lines.push(`- Scope: ${scopeLine(model)}`);
  lines.push(`- Verification log: ${model.events.length} events, last hash \`${model.headHash}\` (check a JSON export of the same log with \`isnad log verify FILE\`)`);
  lines.push('', '## Reports', '');
  for (const report of model.reports) {
    const parts = [`**${escapeMarkdownInline(report.outlet)}**`];
    if (report.title) parts.push(escapeMarkdownInline(report.title));
    if (report.publishedAt) parts.push(`published ${report.publishedAt}`);
    if (report.url) parts.push(markdownLink('original', report.url));
    parts.push(`SHA-256 \`${report.textSha256}\``);
    lines.push(`- ${parts.join(' — ')}`);
  }
  return lines;
}

function verdictLine(item: ExportClaim): string {
  const outlet = escapeMarkdownInline(item.report.outlet);
  const { status } = item;
  if (!status) return `- ${outlet}: ${VERDICT_LABELS.unverified}`;
  const note = status.note ? ` — ${escapeMarkdownInline(status.note)}` : '';
  return `- ${outlet}: **${VERDICT_LABELS[status.status]}**${note} (${escapeMarkdownInline(status.editor)}, ${readableTime(status.at)})`;
}

function evidenceLine(item: Evidence, outlet: string | null): string {
  const label = EVIDENCE_KIND_LABELS[item.kind];
  const head = item.url ? markdownLink(label, item.url) : label;
  const parts = [`${outlet ? `${escapeMarkdownInline(outlet)}: ` : ''}${head} (${item.stance})`];
  if (item.quote) parts.push(`“${escapeMarkdownInline(item.quote)}”`);
  if (item.note) parts.push(escapeMarkdownInline(item.note));
  return `- ${parts.join(' — ')} (${escapeMarkdownInline(item.editor)}, ${readableTime(item.editedAt ?? item.at)})`;
}

function groupSection(group: ClaimGroup, index: number): string[] {
  const { match, a, b } = group;
  const lines = [`### ${index}. ${RELATION_LABELS[match.relation]}`, ''];
  if (match.origin !== 'engine') {
    const verb = match.origin === 'editor-made' ? 'Linked by' : 'Confirmed by';
    lines.push(`_${verb} ${escapeMarkdownInline(match.editor ?? 'an editor')}${match.at ? `, ${readableTime(match.at)}` : ''}_`, '');
  }
  for (const side of [a, b]) lines.push(`**${escapeMarkdownInline(side.report.outlet)}**`, '', markdownQuote(side.claim.text), '');
  lines.push('**Differences**', '');
  const differences = match.differences.map((d) => `- ${escapeMarkdownInline(describeDifference(d))}`);
  lines.push(...(differences.length > 0 ? differences : ['- none found']), '');
  lines.push('**Verdicts**', '', verdictLine(a), verdictLine(b), '');
  const evidence = [...a.evidence.map((e) => evidenceLine(e, a.report.outlet)), ...b.evidence.map((e) => evidenceLine(e, b.report.outlet))];
  lines.push('**Evidence**', '', ...(evidence.length > 0 ? evidence : ['- none yet']), '');
  return lines;
}

function versionSection(model: ExportModel): string[] {
  if (model.versions.length === 0) return [];
  const outletOf = (id: string) => escapeMarkdownInline(model.reports.find((r) => r.id === id)?.outlet ?? id);
  const lines = [`## Versions (${model.versions.length})`, ''];
  for (const version of model.versions) {
    const count = (kind: string) => version.changes.filter((c) => c.change === kind).length;
    lines.push(
      `- ${outletOf(version.reportId)} \`${version.reportId}\` updates \`${version.replaces}\` (${escapeMarkdownInline(version.editor)}, ${readableTime(version.at)}): ` +
        `${count('unchanged')} unchanged, ${count('edited')} edited, ${count('added')} added, ${count('removed')} removed`,
    );
  }
  const recheck = model.claims.filter((c) => c.needsRecheck);
  if (recheck.length > 0) {
    lines.push('', `**Changed since verified — re-check (${recheck.length})**`, '');
    for (const item of recheck) lines.push(`- ${escapeMarkdownInline(item.report.outlet)}: ${escapeMarkdownInline(item.claim.text)}`);
  }
  lines.push('');
  return lines;
}

function claimEditSection(model: ExportModel): string[] {
  if (model.claimEdits.length === 0) return [];
  const lines = [`## Claims corrected by editors (${model.claimEdits.length})`, ''];
  for (const edit of model.claimEdits) {
    const replaced = edit.replaced.map((r) => `“${escapeMarkdownInline(r.text)}” (${VERDICT_LABELS[r.status?.status ?? 'unverified']}${r.evidence > 0 ? `, ${r.evidence} evidence` : ''})`);
    const verb = { split: 'Split', merged: 'Merged', drawn: 'Drawn', resized: 'Boundaries moved' }[edit.kind];
    lines.push(`- ${verb} by ${escapeMarkdownInline(edit.editor)}, ${readableTime(edit.at)}: ${replaced.length > 0 ? `${replaced.join(' and ')} → ` : ''}${edit.made.map((id) => `\`${id}\``).join(', ')}${edit.carried.length > 0 ? '; decisions carried, to re-check' : ''}`);
  }
  lines.push('');
  return lines;
}

function singleSection(item: ExportClaim): string[] {
  const lines = [`### ${escapeMarkdownInline(item.report.outlet)}`, '', markdownQuote(item.claim.text), '', verdictLine(item)];
  if (item.evidence.length > 0) lines.push('', '**Evidence**', '', ...item.evidence.map((e) => evidenceLine(e, null)));
  lines.push('');
  return lines;
}

/**
 * A report for a newsroom document: each claim group with both versions, what differs, the
 * verdicts and the evidence; then the claims found in one report only that an editor acted on.
 */
export function buildMarkdownExport(model: ExportModel): ExportFile {
  const lines = header(model);
  lines.push('', ...versionSection(model), ...claimEditSection(model));
  lines.push(`## Claim groups (${model.groups.length})`, '');
  if (model.groups.length === 0) lines.push('No claim in this scope was found in two reports.', '');
  model.groups.forEach((group, i) => lines.push(...groupSection(group, i + 1)));
  const singles = model.claims.filter((c) => c.links.length === 0 && hasDecision(c));
  lines.push(`## Claims in one report only, with a verdict or evidence (${singles.length})`, '');
  if (singles.length === 0) lines.push('None.', '');
  for (const item of singles) lines.push(...singleSection(item));
  return {
    fileName: exportFileName(model.scope, model.exportedAt, 'md'),
    mimeType: 'text/markdown; charset=utf-8',
    content: `${lines.join('\n').trimEnd()}\n`,
  };
}
