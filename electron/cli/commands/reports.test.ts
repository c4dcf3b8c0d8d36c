import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportSummary } from '../../../shared/contract/channels';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimsCommand, type ClaimListing } from './claims';
import { expectRefusal as expectRefusalIn, runCommand, type CommandRun } from './cli-test-kit';
import { reportsCommand } from './reports';

let dataDir: string;
let files: string;
const reports = (...args: string[]) => runCommand(reportsCommand, [...args, '--data-dir', dataDir]);
const asEditor = (...args: string[]) => reports(...args, '--editor', 'Desk tester');
const expectRefusal = (run: () => Promise<CommandRun>, code: number, message: RegExp) => expectRefusalIn(dataDir, run, code, message);

async function stored(): Promise<ReportSummary[]> {
  const run = await reports('list', '--json');
  expect(run).toMatchObject({ code: 0, err: '' });
  return JSON.parse(run.out) as ReportSummary[];
}

async function claimsOf(reportId: string): Promise<ClaimListing[]> {
  const run = await runCommand(claimsCommand, ['list', '--json', '--report', reportId, '--data-dir', dataDir]);
  expect(run).toMatchObject({ code: 0, err: '' });
  return JSON.parse(run.out) as ClaimListing[];
}

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(files, name);
  await writeFile(path, content);
  return path;
}

const WIRE = 'The ministry said 25 people died on Monday.\n\nThe mayor denied the figure on Tuesday.\n';

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'isnad-cli-reports-'));
  files = await mkdtemp(join(tmpdir(), 'isnad-cli-report-files-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(files, { recursive: true, force: true });
});

describe('reports list', () => {
  it('lists the stored reports as a table and as JSON', async () => {
    const json = await stored();
    expect(json.map((r) => r.id)).toEqual(['alhurra-2024-12-01-aleppo', 'aljazeera-mubasher-2024-12-02-aleppo']);
    const table = await reports('list');
    expect(table.out.split('\n')[0]).toMatch(/^REPORT\s+OUTLET\s+PUBLISHED\s+CHARACTERS\s+TITLE$/);
    expect(table.out).toContain('alhurra-2024-12-01-aleppo');
    expect(table.out).toMatch(/2 reports$/);
  });
});

describe('reports import', () => {
  it('imports a text file with its metadata, prints its id, and keeps a first sentence as a claim', async () => {
    const run = await asEditor('import', await file('wire.txt', WIRE), '--outlet', 'Wire Service', '--date', '2024-12-02', '--url', 'https://wire.example/story');
    expect(run).toMatchObject({ code: 0, err: '' });
    const id = run.out;
    const report = (await stored()).find((r) => r.id === id)!;
    expect(report).toMatchObject({ outlet: 'Wire Service', publishedAt: '2024-12-02', url: 'https://wire.example/story', title: '', language: 'en' });
    expect((await claimsOf(id)).map((c) => c.text)).toEqual(['The ministry said 25 people died on Monday.', 'The mayor denied the figure on Tuesday.']);
  });

  it('takes the headline at the top of a text as its title', async () => {
    const id = (await asEditor('import', await file('wire.txt', `Ministry gives a death toll\n\n${WIRE}`), '--outlet', 'Wire')).out;
    expect((await stored()).find((r) => r.id === id)!.title).toBe('Ministry gives a death toll');
    expect(await claimsOf(id)).toHaveLength(2);
  });

  it('extracts the article from an HTML page, leaving scripts and navigation out', async () => {
    const html = `<!doctype html><html><head><title>Toll rises</title><script>alert(1)</script></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Toll rises</h1><p>${'The ministry said 25 people died on Monday in the northern district, according to its statement. '.repeat(3)}</p>
      <p>${'The mayor denied the figure on Tuesday and said the count was still going on in the district. '.repeat(3)}</p></article>
      <footer>© Wire</footer></body></html>`;
    const id = (await asEditor('import', await file('page.html', html), '--outlet', 'Wire')).out;
    const claims = await claimsOf(id);
    expect(claims.some((c) => c.text.includes('The mayor denied the figure'))).toBe(true);
    expect(claims.some((c) => /alert|Home|©/.test(c.text))).toBe(false);
  });

  it('imports an updated version with --replaces and carries the decisions over', async () => {
    const first = (await asEditor('import', await file('v1.txt', WIRE), '--outlet', 'Wire')).out;
    const [deaths] = await claimsOf(first);
    await runCommand(claimsCommand, ['set-status', deaths!.claimId, '--status', 'verified', '--data-dir', dataDir, '--editor', 'Desk tester']);

    const updated = `${WIRE}\nThe ministry later raised the toll to 31.\n`;
    const run = await asEditor('import', await file('v2.txt', updated), '--outlet', 'Wire', '--replaces', first);
    expect(run.code).toBe(0);
    expect(run.err).toBe(`against ${first}: 2 unchanged, 0 edited, 1 added, 0 removed\ndecisions on 1 claim carried over`);
    const carried = (await claimsOf(run.out)).find((c) => c.text === deaths!.text)!;
    expect(carried).toMatchObject({ status: 'verified', editor: 'Desk tester' });
  });

  it('imports an Isnad report file with its own metadata, and refuses a text that is already stored', async () => {
    await stored();
    const fixture = join(import.meta.dirname, '../../../fixtures/reports/000-alhurra-aleppo.json');
    await expectRefusal(() => asEditor('import', fixture), 1, /already in Isnad as “الحرة” \(alhurra-2024-12-01-aleppo\)/);
    await asEditor('remove', 'alhurra-2024-12-01-aleppo');
    const id = (await asEditor('import', fixture)).out;
    expect((await stored()).find((r) => r.id === id)).toMatchObject({ outlet: 'الحرة', publishedAt: '2024-12-01', language: 'ar' });
  });

  it('refuses bad input with one clear line, changing nothing', async () => {
    await stored();
    const wire = await file('wire.txt', WIRE);
    const pdf = await file('scan.pdf', '%PDF-1.7');
    const latin1 = await file('latin1.txt', Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const empty = await file('empty.txt', '');
    await expectRefusal(() => asEditor('import', wire), 2, /--outlet is required: which outlet published wire.txt\?/);
    await expectRefusal(() => asEditor('import', pdf, '--outlet', 'Wire'), 2, /cannot import a .pdf file; use .txt, .md, .html/);
    await expectRefusal(() => asEditor('import', join(files, 'missing.txt'), '--outlet', 'Wire'), 1, /missing.txt: no such file/);
    await expectRefusal(() => asEditor('import', latin1, '--outlet', 'Wire'), 1, /latin1.txt is not valid UTF-8/);
    await expectRefusal(() => asEditor('import', empty, '--outlet', 'Wire'), 1, /empty.txt is empty/);
    await expectRefusal(() => asEditor('import', wire, '--outlet', 'Wire', '--date', '2024-02-30'), 1, /publishedAt: not a real calendar date/);
    await expectRefusal(() => asEditor('import', wire, '--outlet', 'Wire', '--url', 'javascript:alert(1)'), 1, /url:.*http or https/);
    await expectRefusal(() => asEditor('import', wire, '--outlet', 'Wire', '--replaces', 'nope'), 1, /no report with id nope/);
    await expectRefusal(() => reports('import', wire, '--outlet', 'Wire'), 1, /no editor name: pass --editor NAME/);
    await expectRefusal(() => asEditor('import', wire, 'other.txt', '--outlet', 'Wire'), 2, /expected <file>, got 2/);
  });
});

describe('reports remove', () => {
  it('takes a report out, keeping its import in the log', async () => {
    const run = await asEditor('remove', 'aljazeera-mubasher-2024-12-02-aleppo', '--reason', 'duplicate of the wire copy');
    expect(run).toMatchObject({ code: 0, out: 'removed report aljazeera-mubasher-2024-12-02-aleppo (the log keeps it)' });
    expect((await stored()).map((r) => r.id)).toEqual(['alhurra-2024-12-01-aleppo']);
    const segment = await readFile(join(dataDir, 'log', '0000000001.json'), 'utf8');
    expect(segment).toContain('"report.removed"');
    expect(segment).toContain('duplicate of the wire copy');
  });

  it('refuses an unknown report and a missing id', async () => {
    await stored();
    await expectRefusal(() => asEditor('remove', 'nope'), 1, /no report with id nope/);
    await expectRefusal(() => asEditor('remove'), 2, /expected <report-id>, got 0/);
  });
});
