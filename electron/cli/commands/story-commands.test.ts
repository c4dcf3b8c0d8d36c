import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimListing } from './claims';
import { claimsCommand } from './claims';
import { expectRefusal, runCommand } from './cli-test-kit';
import { reportsCommand } from './reports';
import { html, servePages, type PageServer } from '../../reports/page-server.test-kit';

const STORY = resolve(__dirname, '../../../fixtures/story');
const ALJAZEERA = 'aljazeera-mubasher-2024-12-02-aleppo';
const ALHURRA = 'alhurra-2024-12-01-aleppo';
let dataDir: string;
let server: PageServer;
const run = (command: typeof claimsCommand, ...args: string[]) => runCommand(command, [...args, '--data-dir', dataDir, '--editor', 'Casualties editor']);
const listing = async (report: string) => JSON.parse((await run(claimsCommand, 'list', '--json', '--report', report)).out) as ClaimListing[];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'isnad-cli-story-'));
  server = await servePages({
    '/levant': html('<html><head><meta property="og:site_name" content="Levant Desk"><meta property="article:published_time" content="2024-12-02T07:00:00Z"></head><body><article><h1>فصائل المعارضة تقتحم سجن حلب المركزي</h1><p>اقتحمت فصائل المعارضة السورية، صباح الاثنين، سجن حلب المركزي وأعلنت السيطرة عليه بشكل كامل.</p><p>وقال سكان في المدينة إن الأسواق أغلقت أبوابها لليوم الثالث على التوالي.</p></article></body></html>'),
  });
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the story from the command line', () => {
  it('imports an updated version with --replaces alone, and lists the claim to re-check', async () => {
    const prison = (await listing(ALJAZEERA)).find((c) => c.text.startsWith('أظهرت لقطات'))!;
    expect((await run(claimsCommand, 'set-status', prison.claimId, '--status', 'false', '--note', 'Taken on Sunday')).code).toBe(0);
    const imported = await run(reportsCommand, 'import', join(STORY, 'aljazeera-mubasher-aleppo-updated.txt'), '--replaces', ALJAZEERA, '--date', '2024-12-03');
    expect(imported.code).toBe(0);
    expect(imported.err).toMatch(/1 edited, 1 added, 1 removed/);
    expect(imported.err).toMatch(/1 claim changed since verified: re-check/);
    const flagged = (await listing(imported.out)).filter((c) => c.needsRecheck);
    expect(flagged).toMatchObject([{ status: 'false', previousVersion: prison.claimId, outlet: 'الجزيرة مباشر' }]);
    expect((await listing(ALJAZEERA)).every((c) => !c.needsRecheck)).toBe(true);

    const timeline = await run(reportsCommand, 'versions', imported.out);
    expect(timeline.out).toMatch(/^v1 {2}aljazeera-mubasher-2024-12-02-aleppo/);
    expect(timeline.out).toMatch(/edited +\S+ \[false\] \(changed since verified: re-check\)/);
    expect(timeline.out).toMatch(/removed +aljazeera-mubasher-2024-12-02-aleppo:\d+-\d+/);
  });

  it('links and unlinks two claims', async () => {
    const a = (await listing(ALHURRA)).find((c) => c.text.startsWith('ولم يتسن'))!.claimId;
    const b = (await listing(ALJAZEERA)).find((c) => c.text.includes('غصة'))!.claimId;
    expect(await run(claimsCommand, 'link', a, b, '--relation', 'related')).toMatchObject({ code: 0, out: `linked ${a} and ${b} as related` });
    expect(await run(claimsCommand, 'unlink', a, b, '--note', 'Not the same event')).toMatchObject({ code: 0, out: `unlinked ${a} and ${b}` });
    await expectRefusal(dataDir, () => run(claimsCommand, 'unlink', a, b), 1, /not linked/);
    await expectRefusal(dataDir, () => run(claimsCommand, 'link', a, b, '--relation', 'maybe'), 2, /--relation must be one of same, related, contradicts/);
    await expectRefusal(dataDir, () => run(claimsCommand, 'link', a, '--relation', 'same'), 2, /exactly two claim ids/);
  });

  it('applies a verdict to a claim’s whole group in one event', async () => {
    const everything = async () => JSON.parse((await run(claimsCommand, 'list', '--json')).out) as ClaimListing[];
    const rows = await everything();
    const statement = rows.find((c) => c.reportId === ALHURRA && c.text.startsWith('ودعت كل من الولايات المتحدة'))!;
    const members = rows.filter((c) => c.group === statement.group);
    expect(members.length).toBeGreaterThan(1);
    const applied = await run(claimsCommand, 'apply-to-group', statement.claimId, '--status', 'verified');
    expect(applied.code).toBe(0);
    expect(applied.out.split('\n')).toHaveLength(members.length);
    const after = (await everything()).filter((c) => c.group === statement.group);
    expect(after.every((c) => c.status === 'verified' && c.editor === 'Casualties editor')).toBe(true);
    const history = JSON.parse((await run(claimsCommand, 'show', members[1]!.claimId, '--json')).out) as { history: { type: string }[] };
    expect(history.history.at(-1)?.type).toBe('group.statusChanged');
    await expectRefusal(dataDir, () => run(claimsCommand, 'apply-to-group', statement.claimId, '--status', 'false'), 1, /note is required/);
    await expectRefusal(dataDir, () => run(claimsCommand, 'apply-to-group', statement.claimId, members[1]!.claimId, '--status', 'verified'), 2, /exactly one claim id/);
  });

  it('splits, merges, draws and resizes claims, each one event, and lists who made them', async () => {
    const claim = (await listing(ALHURRA)).find((c) => c.text.startsWith('وحثت الدول الأربع'))!;
    const at = claim.start + claim.text.indexOf('، ') + 1;
    const split = await run(claimsCommand, 'split', claim.claimId, '--at', String(at));
    expect(split).toMatchObject({ code: 0 });
    const halves = split.out.split('\n');
    expect(halves).toHaveLength(2);
    const rows = await listing(ALHURRA);
    expect(rows.some((c) => c.claimId === claim.claimId)).toBe(false);
    expect(rows.find((c) => c.claimId === halves[0])).toMatchObject({ origin: { kind: 'split', editor: 'Casualties editor', from: [claim.claimId] } });
    expect((await run(claimsCommand, 'show', halves[1]!)).out).toMatch(/made by:  split by Casualties editor/);
    const merged = await run(claimsCommand, 'merge', halves[0]!, halves[1]!);
    expect(merged).toMatchObject({ code: 0, out: claim.claimId });
    const resized = await run(claimsCommand, 'resize', claim.claimId, '--start', String(claim.start), '--end', String(at - 1));
    expect(resized.code).toBe(0);
    const drawn = await run(claimsCommand, 'draw', ALHURRA, '--start', String(at), '--end', String(claim.end));
    expect(drawn.code).toBe(0);
    expect((await listing(ALHURRA)).find((c) => c.claimId === drawn.out)).toMatchObject({ origin: { kind: 'drawn', from: [] } });
    await expectRefusal(dataDir, () => run(claimsCommand, 'split', drawn.out, '--at', 'x'), 2, /--at must be a whole number/);
    await expectRefusal(dataDir, () => run(claimsCommand, 'split', drawn.out), 2, /--at is required/);
    await expectRefusal(dataDir, () => run(claimsCommand, 'draw', ALHURRA, '--start', String(at), '--end', String(claim.end)), 1, /overlaps the claim/);
  });

  it('imports a page from its URL', async () => {
    const imported = await run(reportsCommand, 'import', '--url', server.url('/levant'));
    expect(imported).toMatchObject({ code: 0, err: '' });
    const list = JSON.parse((await run(reportsCommand, 'list', '--json')).out) as { id: string; outlet: string; url: string; publishedAt: string; fetchedAt: string }[];
    expect(list.find((r) => r.id === imported.out)).toMatchObject({ outlet: 'Levant Desk', url: server.url('/levant'), publishedAt: '2024-12-02T07:00:00Z', fetchedAt: expect.any(String) });
    await expectRefusal(dataDir, () => run(reportsCommand, 'import', '--url', server.url('/nothing-here')), 1, /answered 404/);
    await expectRefusal(dataDir, () => run(reportsCommand, 'import'), 2, /give the file to import, or --url URL/);
  });
});

describe('compare A B C', () => {
  it('compares every two reports and groups the claims: the joint statement in three outlets', async () => {
    const { compareCommand } = await import('./compare');
    const samples = resolve(__dirname, '../../../fixtures/reports');
    const files = [join(samples, '000-alhurra-aleppo.json'), join(samples, '001-aljazeera-mubasher-aleppo.json'), join(STORY, 'levant-desk-aleppo.txt')];
    const run = await runCommand(compareCommand, [...files, '--json', '--data-dir', dataDir]);
    expect(run).toMatchObject({ code: 0, err: '' });
    const json = JSON.parse(run.out) as import('./compare').CompareJson;
    expect(json.reports.map((r) => r.outlet)).toEqual(['الحرة', 'الجزيرة مباشر', 'levant-desk-aleppo']);
    const reportOf = (claimId: string) => claimId.slice(0, claimId.lastIndexOf(':'));
    // Matches for each pair of reports, the earlier file's claim first.
    const pairs = new Set(json.matches.map((m) => `${reportOf(m.a)}|${reportOf(m.b)}`));
    expect(pairs.size).toBe(3);
    const statement = json.reports[0]!.claims.find((c) => c.text.startsWith('ودعت كل من الولايات المتحدة'))!.id;
    const group = json.groups.find((g) => g.claims.includes(statement))!;
    expect(new Set(group.claims.map(reportOf)).size).toBe(3);
    // Every claim in exactly one group.
    const all = json.reports.flatMap((r) => r.claims.map((c) => c.id));
    expect(json.groups.flatMap((g) => g.claims).sort()).toEqual([...all].sort());

    const table = await runCommand(compareCommand, [...files, '--data-dir', dataDir]);
    expect(table.out).toMatch(/Facts stated by more than one outlet: \d+/);
    expect(table.out).toMatch(/3 outlets: الحرة, الجزيرة مباشر, levant-desk-aleppo/);
  });

  it('gives claims list its groups', async () => {
    const rows = await listing(ALHURRA);
    expect(rows.every((r) => typeof r.group === 'string')).toBe(true);
  });
});
