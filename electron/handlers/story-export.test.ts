import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonExport } from '../../shared/export/json-export';
import { ALHURRA, ALJAZEERA, PRISON, startStorySession, type StorySession } from './story-test-kit';

/** The story of the Done-when: the two samples, Al Jazeera's updated version and a third outlet. */
let session: StorySession;
let updated: string;
let levant: string;
let statement: string;
let handLink: { a: string; b: string };

beforeAll(async () => {
  session = await startStorySession('Reviewer');
  const first = await session.call('compare:run', { a: ALHURRA, b: ALJAZEERA });
  statement = session.claimOf(first, ALHURRA, 'ودعت كل من الولايات المتحدة');
  const prison = session.claimOf(first, ALJAZEERA, PRISON);
  await session.call('claims:setStatus', { claimIds: [statement], status: 'verified', note: null });
  await session.call('claims:setStatus', { claimIds: [prison], status: 'false', note: 'Taken on Sunday' });
  await session.call('evidence:add', { claimId: statement, evidence: { kind: 'quote', url: 'https://www.state.gov/joint-statement', quote: 'We call for de-escalation', note: null, stance: 'supports' } });
  updated = (await session.importStory('aljazeera-mubasher-aleppo-updated.txt', { outlet: null, replaces: ALJAZEERA })).id;
  levant = (await session.importStory('levant-desk-aleppo.txt', { outlet: 'Levant Desk', replaces: null, publishedAt: '2024-12-02' })).id;
  const view = await session.call('compare:run', { a: ALHURRA, b: levant });
  handLink = { a: session.claimOf(view, ALHURRA, 'ولم يتسن'), b: session.claimOf(view, levant, 'وقال سكان') };
  await session.call('claims:link', { ...handLink, relation: 'related', note: null });
});
afterAll(() => session.remove());

const exportOf = async (format: 'json' | 'csv' | 'md') => (await session.call('export:build', { format, scope: { kind: 'all' }, timeZone: 'Asia/Damascus' })).content;
const withoutTime = (content: string) => content.replace(/"exportedAt": "[^"]+"/, '').replace(/- Exported: .*/, '');

describe('an export of the story', () => {
  it('is the same file whichever reports were compared last', async () => {
    const files: string[][] = [];
    for (const [a, b] of [
      [ALHURRA, ALJAZEERA],
      [ALJAZEERA, updated],
      [updated, levant],
    ] as const) {
      await session.call('compare:run', { a, b });
      files.push(await Promise.all((['json', 'csv', 'md'] as const).map(async (f) => withoutTime(await exportOf(f)))));
    }
    expect(files[1]).toEqual(files[0]);
    expect(files[2]).toEqual(files[0]);
  });

  it('holds every report, version and link, the engine’s and the editor’s', async () => {
    const json = JSON.parse(await exportOf('json')) as JsonExport;
    expect(json.reports.map((r) => r.id)).toEqual([ALHURRA, ALJAZEERA, updated, levant]);
    expect(json.pair).toBeNull();
    expect(json.versions).toMatchObject([{ reportId: updated, replaces: ALJAZEERA, editor: 'Reviewer' }]);
    expect(json.claims.filter((c) => c.needsRecheck).map((c) => c.reportId)).toEqual([updated]);
    // The joint statement is linked in all three outlets, across every pair of reports.
    const partners = json.matches.filter((m) => m.a === statement || m.b === statement).map((m) => (m.a === statement ? m.b : m.a).split(':')[0]);
    expect(new Set(partners)).toEqual(new Set([ALJAZEERA, updated, levant]));
    expect(json.matches.find((m) => m.a === handLink.a && m.b === handLink.b)).toMatchObject({ origin: 'editor-made', editor: 'Reviewer', relation: 'related' });
    expect(json.matches.filter((m) => m.origin === 'engine').length).toBeGreaterThan(10);
    // Claim groups over the four reports: the joint statement's holds claims of all four.
    const group = json.groups.find((g) => g.claims.includes(statement))!;
    expect(new Set(group.claims.map((id) => id.slice(0, id.lastIndexOf(':'))))).toEqual(new Set([ALHURRA, ALJAZEERA, updated, levant]));
    expect(new Set(json.groups.flatMap((g) => g.claims)).size).toBe(json.groups.flatMap((g) => g.claims).length);
  });

  it('gives the CSV the report date and URL, evidence quotes and stances, local time beside UTC', async () => {
    const rows = parse(await exportOf('csv'), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r['Claim ID'] === statement)!;
    expect(row).toMatchObject({ Outlet: 'الحرة', 'Report date': '2024-12-01', Status: 'Verified', 'Evidence quotes': 'We call for de-escalation', 'Evidence stances': 'supports' });
    expect(row['Matched claim']!.split('\n').map((line) => line.split(':')[0])).toEqual(expect.arrayContaining(['الجزيرة مباشر', 'Levant Desk']));
    const utc = row['Last change (UTC)']!;
    const local = new Date(Date.parse(utc) + 3 * 3600_000).toISOString();
    expect(row['Last change (local time)']).toBe(`${local.slice(0, 10)} ${local.slice(11, 16)} +03:00`);
    expect(rows.find((r) => r['Claim ID'] === handLink.a)!['Link made by']).toBe('made by Reviewer (related)');
    const recheck = rows.filter((r) => r['Needs re-check'] !== '');
    expect(recheck).toHaveLength(1);
    expect(recheck[0]).toMatchObject({ Status: 'False', 'Previous version claim ID': expect.stringContaining(ALJAZEERA) });
  });

  it('gives a claim its group across the story, and the matrix a row for it', async () => {
    const group = await session.call('claims:group', { claimId: statement });
    expect(new Set(group.members.map((m) => m.reportId))).toEqual(new Set([ALHURRA, ALJAZEERA, updated, levant]));
    expect(group.members.find((m) => m.claimId === statement)?.status).toMatchObject({ status: 'verified' });
    const matrix = await session.call('story:matrix', {});
    expect(matrix.reports.map((r) => r.id)).toEqual([ALHURRA, ALJAZEERA, updated, levant]);
    const row = matrix.rows.find((r) => r.group === group.group)!;
    expect(Object.keys(row.cells).sort()).toEqual([ALHURRA, ALJAZEERA, updated, levant].sort());
    expect(row).toMatchObject({ singleSource: false, unverified: true, recheck: false });
    // Who decided what, in the matrix as in the claim list.
    const decided = row.cells[ALHURRA]!.find((c) => c.claimId === statement)!;
    expect(decided).toMatchObject({ status: 'verified', decidedBy: expect.any(String), conflicts: 0 });
    expect(matrix.rows.filter((r) => r.recheck)).toHaveLength(1);
    expect(matrix.rows.flatMap((r) => Object.values(r.cells).flat()).length).toBe(new Set(matrix.rows.flatMap((r) => Object.values(r.cells).flat().map((c) => c.claimId))).size);
  });

  it('names the versions and the editor’s links in the Markdown', async () => {
    const md = await exportOf('md');
    expect(md).toMatch(/## Versions \(1\)/);
    expect(md).toMatch(/1 edited, 1 added, 1 removed/);
    expect(md).toMatch(/Changed since verified — re-check \(1\)/);
    expect(md).toMatch(/_Linked by Reviewer, /);
  });
});
