import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Claim, ParsedReport } from '../engine/types';
import type { StoryLink } from '../story/story-links';
import type { DraftEvent, LogEvent } from '../model/events';
import type { Report } from '../model/report';
import { applyEvent, emptyState } from '../model/state';
import { buildExport } from './build-export';
import { claimReviewProblems } from './claimreview-requirements';
import type { ExportInput, ExportScope } from './export-types';
import type { JsonExport } from './json-export';

/*
 * The builders on a small, hostile input made by hand: an emoji before a claim (UTF-16 and code
 * point offsets differ), a claim that is a spreadsheet formula, HTML in a claim, Arabic. The
 * formats are checked on the real fixtures through the store in electron/export/export-formats.test.ts.
 */

const TEXT_A = 'Officials said 30 people died in the city.\n\n😀 =HYPERLINK("http://evil.example","open")\n\nThe <b>mayor</b> *resigned* on Monday.';
const TEXT_B = 'قال المرصد إن 25 شخصاً قتلوا في المدينة.';

function report(id: string, outlet: string, text: string, url: string | null): Report {
  return { id, outlet, title: `${outlet} title`, publishedAt: '2024-12-01', language: id === 'b' ? 'ar' : 'en', url, text, textSha256: id.repeat(64) };
}
const A = report('a', 'Wire & Co', TEXT_A, 'https://wire.example/story');
const B = report('b', 'الجزيرة مباشر', TEXT_B, null);

function claim(r: Report, exact: string): Claim {
  const start = r.text.indexOf(exact);
  const end = start + exact.length;
  return {
    id: `${r.id}:${start}-${end}`,
    reportId: r.id,
    text: exact,
    start,
    end,
    section: null,
    selector: { type: 'TextQuoteSelector', exact, prefix: r.text.slice(Math.max(0, start - 10), start), suffix: r.text.slice(end, end + 10) },
  };
}
const deaths = claim(A, 'Officials said 30 people died in the city.');
const formula = claim(A, '=HYPERLINK("http://evil.example","open")');
const mayor = claim(A, 'The <b>mayor</b> *resigned* on Monday.');
const deathsB = claim(B, TEXT_B);

const parsed = (r: Report, claims: Claim[]): ParsedReport => ({ report: r, title: r.title, sourceLine: null, blocks: [], claims });
const match: StoryLink = {
  id: `${deaths.id}~${deathsB.id}`,
  a: deaths.id,
  b: deathsB.id,
  score: 0.8,
  relation: 'same',
  differences: [{ kind: 'number', a: '30', b: '25', note: 'the counts differ' }],
  origin: 'engine',
  editor: null,
  at: null,
  engineRelation: 'same',
};

function session(organization: boolean): { events: LogEvent[]; input: (scope: ExportScope) => ExportInput } {
  const drafts: [string, DraftEvent][] = [
    ['Isnad', { type: 'report.imported', payload: { report: A } }],
    ['Isnad', { type: 'report.imported', payload: { report: B } }],
    ['Desk', { type: 'settings.changed', payload: { changes: { editorName: 'Desk', ...(organization ? { organizationName: 'Fact Desk', organizationUrl: 'https://factdesk.example/checks' } : {}) } } }],
    ['Desk', { type: 'claim.statusChanged', payload: { claimId: deaths.id, reportId: 'a', from: 'unverified', to: 'false', note: '-25 per the ministry', selector: deaths.selector } }],
    ['Night editor', { type: 'evidence.added', payload: { claimId: deaths.id, evidenceId: 'e1', evidence: { kind: 'link', url: 'https://ministry.example/(release)', quote: 'twenty-five', note: null, stance: 'refutes' } } }],
    ['Desk', { type: 'claim.statusChanged', payload: { claimId: deathsB.id, reportId: 'b', from: 'unverified', to: 'verified', note: null, selector: deathsB.selector } }],
    ['Desk', { type: 'claim.statusChanged', payload: { claimId: formula.id, reportId: 'a', from: 'unverified', to: 'unverifiable', note: '@everyone look', selector: formula.selector } }],
    ['Night editor', { type: 'evidence.added', payload: { claimId: mayor.id, evidenceId: 'e2', evidence: { kind: 'note', url: null, quote: null, note: '<i>council</i> denies', stance: 'context' } } }],
  ];
  const events = drafts.map(([editor, draft], i): LogEvent => {
    const hash = String(i + 1).padStart(64, '0');
    const prevHash = String(i).padStart(64, '0');
    return { ...draft, id: `ev${i + 1}`, seq: i + 1, at: `2024-12-0${Math.min(i + 1, 9)}T10:00:00.000Z`, editor, prevHash, hash } as LogEvent;
  });
  const state = emptyState('0'.repeat(64));
  events.forEach((e) => applyEvent(state, e));
  return {
    events,
    input: (scope) => ({
      events,
      state,
      parsed: [parsed(A, [deaths, formula, mayor]), parsed(B, [deathsB])],
      matches: [match],
      scope,
      exportedAt: '2024-12-10T08:00:00.000Z',
      timeZone: 'Asia/Damascus',
    }),
  };
}

const all: ExportScope = { kind: 'all' };

describe('JSON export', () => {
  it('carries the whole log whatever the scope, and the state of the scope only', () => {
    const { events, input } = session(true);
    const json = JSON.parse(buildExport('json', input({ kind: 'report', reportId: 'b' })).content) as JsonExport;
    expect(json).toMatchObject({ kind: 'isnad-export', schemaVersion: 1, log: { count: events.length, headHash: events.at(-1)!.hash } });
    expect(json.log.events).toEqual(events);
    expect(json.reports.map((r) => r.id)).toEqual(['b']);
    expect(json.claims.map((c) => c.id)).toEqual([deathsB.id]);
    expect(json.statuses.map((s) => s.claimId)).toEqual([deathsB.id]);
    expect(json.matches).toEqual([match]);
  });

  it('anchors each claim in its report text', () => {
    const json = JSON.parse(buildExport('json', session(true).input(all)).content) as JsonExport;
    for (const c of json.claims) {
      const text = json.reports.find((r) => r.id === c.reportId)!.text;
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.selector.exact).toBe(c.text);
    }
    expect(json.evidence.map((e) => e.id).sort()).toEqual(['e1', 'e2']);
  });
});

describe('CSV export', () => {
  it('has one row per claim with the agreed columns, formulas neutralized', () => {
    const file = buildExport('csv', session(true).input(all));
    expect(file.fileName).toBe('isnad-all-2024-12-10.csv');
    const rows = parse(file.content, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Claim ID'])).toEqual([deaths.id, formula.id, mayor.id, deathsB.id]);
    const [first, second, third, arabic] = rows as [Record<string, string>, Record<string, string>, Record<string, string>, Record<string, string>];
    expect(first).toMatchObject({ Outlet: 'Wire & Co', Status: 'False', 'Verdict note': "'-25 per the ministry", 'Last editor': 'Night editor', 'Evidence count': '1' });
    expect(first['Evidence links']).toBe('https://ministry.example/(release)');
    expect(first['Matched claim']).toBe(`الجزيرة مباشر: ${TEXT_B}`);
    expect(first['Discrepancies']).toBe('Number: 30 ≠ 25 (the counts differ)');
    expect(second).toMatchObject({ Claim: `'${formula.text}`, Status: 'Unverifiable', 'Verdict note': "'@everyone look" });
    expect(third).toMatchObject({ Status: 'Unverified', 'Evidence count': '1', 'Evidence links': '' });
    expect(arabic).toMatchObject({ Outlet: 'الجزيرة مباشر', Claim: TEXT_B, Discrepancies: 'Number: 25 ≠ 30 (the counts differ)' });
  });
});

describe('Markdown export', () => {
  it('shows each group with both versions, differences, verdicts and evidence, then single-source claims', () => {
    const { content } = buildExport('md', session(true).input(all));
    const lines = content.split('\n');
    expect(lines[0]).toBe('# Verification report');
    expect(lines.filter((l) => l.startsWith('### '))).toEqual(['### 1. Same fact', '### Wire & Co', '### Wire & Co']);
    expect(lines).toContain(`> ${TEXT_B}`);
    expect(lines).toContain('- Number: 30 ≠ 25 (the counts differ)');
    expect(lines).toContain('- Wire & Co: **False** — -25 per the ministry (Desk, 2024-12-04 10:00 UTC)');
    expect(lines).toContain('- الجزيرة مباشر: **Verified** (Desk, 2024-12-06 10:00 UTC)');
    expect(lines).toContain('- Wire & Co: [Link](https://ministry.example/%28release%29) (refutes) — “twenty-five” (Night editor, 2024-12-05 10:00 UTC)');
    expect(lines).toContain('> The &lt;b>mayor&lt;/b> \\*resigned\\* on Monday.');
    expect(content).not.toContain('<');
  });
});

describe('ClaimReview export', () => {
  it('makes a valid record for each claim with a verdict, rated on the documented scale', () => {
    const file = buildExport('claimreview', session(true).input(all));
    expect(file.mimeType).toBe('application/ld+json');
    const records = JSON.parse(file.content) as Record<string, any>[];
    for (const record of records) expect(claimReviewProblems(record)).toEqual([]);
    const byClaim = new Map(records.map((r) => [r['claimReviewed'], r]));
    expect([...byClaim.keys()]).toEqual([deaths.text, formula.text, TEXT_B]);
    expect(byClaim.get(deaths.text)).toMatchObject({
      url: `https://factdesk.example/checks#isnad-claim-${encodeURIComponent(deaths.id)}`,
      reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Organization', name: 'Wire & Co' }, appearance: [{ url: 'https://wire.example/story' }] },
      author: { '@type': 'Organization', name: 'Fact Desk', url: 'https://factdesk.example/checks' },
      datePublished: '2024-12-04T10:00:00.000Z',
      reviewBody: '-25 per the ministry',
    });
    expect(byClaim.get(formula.text)!['reviewRating']).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
    expect(byClaim.get(TEXT_B)!['itemReviewed']).not.toHaveProperty('appearance');
  });

  it('refuses, saying what to set, when the organization is unknown', () => {
    expect(() => buildExport('claimreview', session(false).input(all))).toThrow(/organization name and the organization URL in Settings/);
  });

  it('reports missing required fields', () => {
    expect(claimReviewProblems({ '@context': 'https://schema.org', '@type': 'ClaimReview' })).toEqual(
      expect.arrayContaining(['claimReviewed is missing (required)', 'reviewRating is missing (required)', 'url is missing or not an http(s) URL (required)']),
    );
  });
});

describe('Web Annotation export', () => {
  it('annotates each claim acted on, in code points, against the URL or the text hash', () => {
    const file = buildExport('annotations', session(true).input(all));
    const collection = JSON.parse(file.content) as Record<string, any>;
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 4 });
    const items = collection['first']['items'] as Record<string, any>[];
    const onFormula = items.find((a) => a['target']['selector'][0]['exact'] === formula.text)!;
    expect(onFormula['target']['source']).toBe('https://wire.example/story');
    // One emoji (two UTF-16 units) comes before this claim.
    expect(onFormula['target']['selector'][1]).toEqual({ type: 'TextPositionSelector', start: formula.start - 1, end: formula.end - 1 });
    const onArabic = items.find((a) => a['target']['selector'][0]['exact'] === TEXT_B)!;
    expect(onArabic['target']['source']).toBe(`urn:sha256:${'b'.repeat(64)}`);
    expect(onArabic['body']).toEqual([{ type: 'TextualBody', purpose: 'assessing', value: 'Verified', format: 'text/plain', language: 'en' }]);
    const onDeaths = items.find((a) => a['target']['selector'][0]['exact'] === deaths.text)!;
    expect(onDeaths['motivation']).toEqual(['assessing', 'linking', 'commenting']);
    expect(onDeaths['body']).toContainEqual({ type: 'SpecificResource', purpose: 'linking', source: 'https://ministry.example/(release)' });
    expect(onDeaths['creator']).toEqual([{ type: 'Person', name: 'Desk' }, { type: 'Person', name: 'Night editor' }]);
  });
});
