import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEvent } from '../../../shared/model/events';
import { runCommand } from './cli-test-kit';
import { logCommand } from './log';
import { settingsCommand } from './settings';

let dataDir: string;
const log = (...args: string[]) => runCommand(logCommand, args);
const segmentPath = () => join(dataDir, 'log', '0000000001.json');

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'isnad-cli-log-'));
  // First run: the sample importer's key, the two sample reports, then the editor's key and a settings change: five events.
  const run = await runCommand(settingsCommand, ['set', '--editor-name', 'Log tester', '--data-dir', dataDir]);
  expect(run.code).toBe(0);
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('log verify', () => {
  it('prints OK with the count and head hash of an intact log', async () => {
    const run = await log('verify', '--data-dir', dataDir);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^OK: 5 events, chain intact \(head [0-9a-f]{64}\)\nsigned by: Isnad \(sample reports\) \(key [0-9a-f]{16}…, 3 events\); Log tester \(key [0-9a-f]{16}…, 2 events\)\nchecked against: .*head\.json \(head #5 [0-9a-f]{16}…\)$/);
    // A folder given as the argument is verified as a data folder too.
    expect((await log('verify', dataDir)).out).toBe(run.out);
  });

  it('names the first broken entry of an edited log and exits 1, leaving the file as it was', async () => {
    const doc = JSON.parse(await readFile(segmentPath(), 'utf8'));
    doc.events[1].payload.report.outlet = 'Another outlet';
    const tampered = JSON.stringify(doc);
    await writeFile(segmentPath(), tampered);
    const files = await readdir(join(dataDir, 'log'));

    const run = await log('verify', '--data-dir', dataDir);
    expect(run.code).toBe(1);
    expect(run.out.split('\n').slice(0, 2)).toEqual([
      'BROKEN: 1 problem in 5 events read',
      `  event #2 (report.imported) in ${segmentPath()} was altered: its content does not match its hash`,
    ]);
    expect(await readFile(segmentPath(), 'utf8')).toBe(tampered);
    expect(await readdir(join(dataDir, 'log'))).toEqual(files);

    const json = JSON.parse((await log('verify', '--data-dir', dataDir, '--json')).out);
    expect(json).toMatchObject({ ok: false, problems: [{ kind: 'altered', from: 2, to: 2, file: segmentPath() }] });
  });

  it('reports a deleted event as missing', async () => {
    const doc = JSON.parse(await readFile(segmentPath(), 'utf8'));
    doc.events.splice(1, 1);
    await writeFile(segmentPath(), JSON.stringify(doc));
    const run = await log('verify', '--data-dir', dataDir);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/events #2 are missing|event #2 .*missing|#2 are missing/);
  });

  it('verifies an exported log file', async () => {
    const { events } = JSON.parse(await readFile(segmentPath(), 'utf8')) as { events: LogEvent[] };
    const exported = join(dataDir, 'export.json');
    await writeFile(exported, JSON.stringify({ events }));
    expect((await log('verify', exported)).out).toMatch(/^OK: 5 events, chain intact/);

    events[2]!.editor = 'Somebody else';
    await writeFile(exported, JSON.stringify({ events }));
    const broken = await log('verify', exported);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/^BROKEN: /);
    expect(broken.out).toContain(`event #3 (report.imported) in ${exported} was altered`);
  });

  it('refuses a missing folder or file, or both at once, with one clear line', async () => {
    for (const [args, code, message] of [
      [['verify', '--data-dir', join(dataDir, 'nope')], 1, /data folder .*nope does not exist/],
      [['verify', join(dataDir, 'nope.json')], 1, /nope\.json: no such file/],
      [['verify', '--data-dir', dataDir, join(dataDir, 'x.json')], 2, /either --data-dir DIR or a FILE/],
      [['verify', '--data-dir'], 2, /argument missing/],
    ] as const) {
      const run = await log(...args);
      expect(run.code).toBe(code);
      expect(run.err).toMatch(message);
      expect(run.err.split('\n')).toHaveLength(1);
    }
  });

  it('says so when a folder holds no log', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'isnad-cli-empty-'));
    try {
      const run = await log('verify', '--data-dir', empty);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/holds no Isnad log/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('log show', () => {
  it('lists the events, oldest first, or the newest N', async () => {
    const run = await log('show', '--data-dir', dataDir);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines[0]).toMatch(/^SEQ\s+AT\s+EDITOR\s+TYPE\s+WHAT$/);
    expect(lines[1]).toMatch(/^1\s+\S+\s+Isnad \(sample reports\)\s+key\.registered\s+signing key [0-9a-f]{16}… of Isnad \(sample reports\)/);
    expect(lines[2]).toMatch(/^2\s+\S+\s+Isnad \(sample reports\)\s+report\.imported\s+imported alhurra-2024-12-01-aleppo/);
    expect(lines.at(-1)).toBe('5 of 5 events');

    const last = JSON.parse((await log('show', '--data-dir', dataDir, '--json', '--limit', '1')).out) as LogEvent[];
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ seq: 5, type: 'settings.changed', payload: { changes: { editorName: 'Log tester' } } });
  });

  it('warns on stderr when the chain is broken, and refuses a bad --limit', async () => {
    const doc = JSON.parse(await readFile(segmentPath(), 'utf8'));
    doc.events[4].payload.changes.editorName = 'Impostor';
    await writeFile(segmentPath(), JSON.stringify(doc));
    const run = await log('show', '--data-dir', dataDir);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/^warning: event #5 \(settings\.changed\) .* was altered/);

    const bad = await log('show', '--data-dir', dataDir, '--limit', '0');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--limit must be a positive whole number/);
  });
});
