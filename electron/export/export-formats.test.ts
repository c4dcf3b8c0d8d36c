import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract/channels';
import { claimReviewProblems } from '../../shared/export/claimreview-requirements';
import { CSV_COLUMNS } from '../../shared/export/csv-export';
import type { JsonExport } from '../../shared/export/json-export';
import { withDataDir } from '../cli/open-data-dir';
import { openAppContext } from '../app-context';
import { FORMULA_NOTE, startExportTestSession, type ExportTestSession } from './export-test-session';

/* Each format built on the fixtures after a verification session, and read back by a parser. */

let session: ExportTestSession;
let json: JsonExport;

function exportOf(input: ChannelInput<'export:build'>, dataDir = session.dataDir) {
  return withDataDir(dataDir, undefined, (call) => call('export:build', input));
}
const everything = (format: ChannelInput<'export:build'>['format']) => exportOf({ format, scope: { kind: 'all' } });

beforeAll(async () => {
  session = await startExportTestSession({ organization: true });
  json = JSON.parse((await everything('json')).content) as JsonExport;
});
afterAll(() => session.remove());

describe('export:build on the fixtures', () => {
  it('JSON: the whole log, the reports with their hashes, claims anchored in their text', () => {
    expect(json.kind).toBe('isnad-export');
    expect(json.log.count).toBe(json.log.events.length);
    expect(json.log.headHash).toBe(json.log.events.at(-1)!.hash);
    // It says which editors' keys signed it: every signed event is counted under its key.
    expect(json.signers.length).toBeGreaterThan(0);
    expect(json.signers.reduce((n, s) => n + s.events, 0)).toBe(json.log.events.filter((e) => e.key !== undefined).length);
    for (const signer of json.signers) expect(signer.editor).not.toBe('');
    expect(json.reports.map((r) => r.id)).toEqual(session.reportIds);
    for (const claim of json.claims) {
      const report = json.reports.find((r) => r.id === claim.reportId)!;
      expect(report.text.slice(claim.start, claim.end)).toBe(claim.text);
    }
    expect(json.statuses.map((s) => s.claimId).sort()).toEqual([...session.group, session.single].sort());
    expect(json.evidence).toHaveLength(2);
    expect(json.matches.length).toBeGreaterThan(0);
  });

  it('CSV: one row per claim, Arabic intact, formulas neutralized', async () => {
    const file = await everything('csv');
    expect(file.fileName).toMatch(/^isnad-all-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.content.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(file.content, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => r['Claim ID'])).toEqual(json.claims.map((c) => c.id));
    const byId = new Map(rows.map((r) => [r['Claim ID']!, r]));
    const outlets = json.reports.map((r) => r.outlet);
    expect(new Set(rows.map((r) => r['Outlet']))).toEqual(new Set(outlets));
    expect(outlets.every((o) => /[\u0600-\u06FF]/.test(o))).toBe(true);
    const [a, b] = session.group;
    expect(byId.get(a)).toMatchObject({ Status: 'False', 'Last editor': 'Night desk editor', 'Evidence count': '1', 'Evidence links': 'https://ministry.example/statement?id=7' });
    expect(byId.get(a)!['Verdict note']).toBe('الرقم الرسمي مختلف: the ministry gives another figure');
    expect(byId.get(a)!['Matched claim']).toContain(json.claims.find((c) => c.id === b)!.text);
    expect(byId.get(session.single)).toMatchObject({ Status: 'Unverifiable', 'Verdict note': `'${FORMULA_NOTE}`, 'Matched claim': '' });
    expect(byId.get(session.untouched)).toMatchObject({ Status: 'Unverified', 'Last editor': '', 'Evidence count': '0' });
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('Markdown: each group with both versions, differences, verdicts and evidence', async () => {
    const { content } = await everything('md');
    const lines = content.split('\n');
    expect(lines[0]).toBe('# Verification report');
    const groups = lines.filter((l) => /^### \d+\. /.test(l));
    expect(groups).toHaveLength(json.matches.length);
    const start = lines.indexOf(groups[0]!);
    const first = lines.slice(start, lines.findIndex((l, i) => i > start && l.startsWith('##')));
    const quoted = first.filter((l) => l.startsWith('> '));
    expect(quoted.length).toBeGreaterThanOrEqual(2);
    for (const heading of ['**Differences**', '**Verdicts**', '**Evidence**']) expect(first).toContain(heading);
    expect(first.some((l) => l.includes('**False** — الرقم الرسمي مختلف: the ministry gives another figure (Night desk editor, '))).toBe(true);
    expect(first.some((l) => l.includes('[Link](https://ministry.example/statement?id=7) (refutes)'))).toBe(true);
    expect(first.some((l) => l.includes('&lt;script>alert(1)&lt;/script>'))).toBe(true);
    const singles = lines.slice(lines.findIndex((l) => l.startsWith('## Claims in one report only')));
    expect(singles.some((l) => l.includes('**Unverifiable** — =HYPERLINK("http://evil.example","click")'))).toBe(true);
    expect(content).not.toContain('<');
  });

  it('ClaimReview: one valid record per claim with a verdict', async () => {
    const records = JSON.parse((await everything('claimreview')).content) as Record<string, any>[];
    expect(records).toHaveLength(3);
    for (const record of records) expect(claimReviewProblems(record)).toEqual([]);
    expect(records.map((r) => r['reviewRating']['alternateName']).sort()).toEqual(['False', 'Unverifiable', 'Verified']);
    // The fixtures have no URL: appearance is left out rather than invented.
    for (const record of records) expect(record['itemReviewed']).not.toHaveProperty('appearance');
  });

  it('Web Annotations: selectors that find the claim again in the report text', async () => {
    const collection = JSON.parse((await everything('annotations')).content) as Record<string, any>;
    const items = collection['first']['items'] as Record<string, any>[];
    expect(items).toHaveLength(3);
    for (const item of items) {
      const [quote, position] = item['target']['selector'];
      const report = json.reports.find((r) => item['target']['source'] === `urn:sha256:${r.textSha256}`)!;
      expect([...report.text].slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(item['body'][0]).toMatchObject({ type: 'TextualBody', purpose: 'assessing' });
    }
  });

  it('limits the state to a report or a claim group, never the log', async () => {
    const [a, b] = session.group;
    const oneReport = JSON.parse((await exportOf({ format: 'json', scope: { kind: 'report', reportId: session.reportIds[1] } })).content) as JsonExport;
    expect(oneReport.log.events).toEqual(json.log.events);
    expect(oneReport.reports.map((r) => r.id)).toEqual([session.reportIds[1]]);
    expect(oneReport.statuses.map((s) => s.claimId)).toEqual([b]);
    const group = await exportOf({ format: 'csv', scope: { kind: 'claims', claimIds: [a, b] } });
    expect((parse(group.content, { bom: true, columns: true }) as Record<string, string>[]).map((r) => r['Claim ID'])).toEqual([a, b]);
    expect(group.fileName).toMatch(/^isnad-2-claims-/);
  });

  it('refuses an unknown report, claim or time zone, and ClaimReview without an organization', async () => {
    const context = await openAppContext({ dataDir: session.dataDir, sampleReportsDir: null });
    try {
      const refused = async (input: unknown) => context.dispatch('export:build', input);
      expect(await refused({ format: 'md', scope: { kind: 'report', reportId: 'nope' } })).toMatchObject({ ok: false, code: 'unknown-report' });
      expect(await refused({ format: 'md', scope: { kind: 'claims', claimIds: ['nope:1-2'] } })).toMatchObject({ ok: false, code: 'unknown-claim' });
      expect(await refused({ format: 'csv', scope: { kind: 'all' }, timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, code: 'invalid-time-zone' });
      expect(await refused({ format: 'pdf', scope: { kind: 'all' } })).toMatchObject({ ok: false, code: 'invalid-input' });
    } finally {
      await context.close();
    }
    const bare = await startExportTestSession({ organization: false });
    try {
      await expect(exportOf({ format: 'claimreview', scope: { kind: 'all' } }, bare.dataDir)).rejects.toThrow(/organization name and the organization URL in Settings/);
    } finally {
      await bare.remove();
    }
  });
});
