import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../shared/contract/channels';
import type { JsonExport } from '../../../shared/export/json-export';
import { startExportTestSession, type ExportTestSession } from '../../export/export-test-session';
import { runCommand } from './cli-test-kit';
import { exportCommand } from './export';
import { logCommand } from './log';

let session: ExportTestSession;
let out: string;

const exportTo = (...args: string[]) => runCommand(exportCommand, [...args, '--data-dir', session.dataDir]);

beforeAll(async () => {
  session = await startExportTestSession({ organization: true });
  out = await mkdtemp(join(tmpdir(), 'isnad-cli-export-'));
});
afterAll(async () => {
  await session.remove();
  await rm(out, { recursive: true, force: true });
});

describe('export', () => {
  it.each(EXPORT_FORMATS)('writes %s to --out, readable by its parser', async (format) => {
    const file = join(out, `all.${format}`);
    const run = await exportTo('--format', format, '--out', file);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(new RegExp(`^wrote .*all\\.${format} \\(${format}, \\d+ bytes\\)$`));
    const content = await readFile(file, 'utf8');
    if (format === 'csv') expect((parse(content, { bom: true, columns: true }) as unknown[]).length).toBeGreaterThan(10);
    else if (format === 'md') expect(content.split('\n')[0]).toBe('# Verification report');
    else expect(JSON.parse(content)).toBeTruthy();
    expect((await readdir(out)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the CSV as UTF-8 bytes with a BOM', async () => {
    const file = join(out, 'bytes.csv');
    expect((await exportTo('--format', 'csv', '--out', file)).code).toBe(0);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('exports one report or one claim group', async () => {
    const file = join(out, 'group.json');
    const run = await exportTo('--format', 'json', '--out', file, '--claims', session.group.join(','));
    expect(run.code).toBe(0);
    const json = JSON.parse(await readFile(file, 'utf8')) as JsonExport;
    expect(json.claims.map((c) => c.id)).toEqual(session.group);
    expect(json.scope).toEqual({ kind: 'claims', claimIds: session.group });
    const report = join(out, 'report.md');
    expect((await exportTo('--format', 'md', '--out', report, '--report', session.reportIds[0])).code).toBe(0);
  });

  it('never replaces an existing file without --force', async () => {
    const file = join(out, 'existing.csv');
    await writeFile(file, 'keep me');
    const refused = await exportTo('--format', 'csv', '--out', file);
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.err).toMatch(/already exists; pass --force to replace it/);
    expect(await readFile(file, 'utf8')).toBe('keep me');
    expect((await exportTo('--format', 'csv', '--out', file, '--force')).code).toBe(0);
    expect(await readFile(file, 'utf8')).not.toBe('keep me');
  });

  it('says clearly when the data folder or the output path is wrong', async () => {
    const missing = await runCommand(exportCommand, ['--format', 'json', '--out', join(out, 'x.json'), '--data-dir', join(out, 'no-such-dir')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/the data folder .*no-such-dir does not exist/);

    const noFolder = await exportTo('--format', 'json', '--out', join(out, 'no-such-folder', 'x.json'));
    expect(noFolder.err).toMatch(/cannot write .*x\.json: the folder .*no-such-folder does not exist/);
    await writeFile(join(out, 'a-file'), '');
    const underFile = await exportTo('--format', 'json', '--out', join(out, 'a-file', 'x.json'));
    expect(underFile.err).toMatch(/a-file is not a folder/);
    expect((await exportTo('--format', 'json', '--out', out)).err).toMatch(/is a folder; give a file name/);
  });

  it('refuses an unclear command line with exit code 2', async () => {
    expect((await exportTo('--out', join(out, 'y.json'))).err).toMatch(/--format is required/);
    expect((await exportTo('--format', 'pdf', '--out', join(out, 'y.json'))).err).toMatch(/--format must be one of json, csv, md, claimreview, annotations/);
    expect((await exportTo('--format', 'json')).err).toMatch(/--out FILE is required/);
    expect((await exportTo('--format', 'json', '--out', 'y.json', '--report', 'a', '--claims', 'b')).code).toBe(2);
    expect((await exportTo('--format', 'json', '--out', 'y.json', '--pair', 'a,b')).code).toBe(2);
    expect((await exportTo('--format', 'json', '--import', 'x.json')).err).toMatch(/--import cannot be combined with --format/);
  });

  it('round-trips through --import, and `log verify` catches a tampered export', async () => {
    const file = join(out, 'log.json');
    expect((await exportTo('--format', 'json', '--out', file)).code).toBe(0);
    expect(await runCommand(logCommand, ['verify', file])).toMatchObject({ code: 0 });

    const restored = await mkdtemp(join(out, 'restored-'));
    const run = await runCommand(exportCommand, ['--import', file, '--data-dir', restored]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/^imported \d+ events into .*, chain intact \(head [0-9a-f]{64}\)$/);
    const again = join(out, 'again.json');
    expect((await runCommand(exportCommand, ['--format', 'json', '--out', again, '--data-dir', restored])).code).toBe(0);
    const [a, b] = await Promise.all([file, again].map(async (f) => JSON.parse(await readFile(f, 'utf8')) as JsonExport));
    expect(b!.log).toEqual(a!.log);
    expect({ ...b!, exportedAt: '' }).toEqual({ ...a!, exportedAt: '' });

    const refused = await runCommand(exportCommand, ['--import', file, '--data-dir', restored]);
    expect(refused.err).toMatch(/already holds a verification log/);
    expect((await runCommand(exportCommand, ['--import', file])).err).toMatch(/--import needs --data-dir/);

    const source = await readFile(file, 'utf8');
    // The first "editor" in the file is in the log (settings hold "editorName"), so this edits an event.
    const at = source.indexOf('"editor": "Night desk editor"') + 12;
    const tampered = join(out, 'tampered.json');
    await writeFile(tampered, `${source.slice(0, at)}r${source.slice(at + 1)}`);
    expect((await stat(tampered)).size).toBe((await stat(file)).size);
    const verify = await runCommand(logCommand, ['verify', tampered]);
    expect(verify.code).toBe(1);
    expect(verify.out).toMatch(/^BROKEN: 1 problem in \d+ events read\n  event #\d+ .* was altered/);
  });
});
