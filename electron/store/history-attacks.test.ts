import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppSnapshot } from '../../shared/contract/channels';
import { eventHashInput, type DraftEvent } from '../../shared/model/events';
import { openAppContext } from '../app-context';
import { runCommand } from '../cli/commands/cli-test-kit';
import { exportCommand } from '../cli/commands/export';
import { logCommand } from '../cli/commands/log';
import { reportsCommand } from '../cli/commands/reports';
import { settingsCommand } from '../cli/commands/settings';
import { sha256Hex } from '../crypto/sha256';
import { writeFileAtomic } from './atomic-json-file';
import { continueWithGap } from './recovery';
import { IsnadStore, StoreReadOnlyError } from './store';
import { verifyAgainstExport, verifyDataDir, verifyExportFile } from './verify-log';

/*
 * The attacks of the history issue, each reproduced on a real data folder: every one must now fail
 * safe (named, read-only, nothing lost, nothing overwritten). docs/security.md lists them.
 */

const FIXTURES = resolve(__dirname, '../../fixtures/history');
let dataDir: string;
let scratch: string;

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'isnad-attacks-'));
  dataDir = join(scratch, 'data');
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const change = (n: number): DraftEvent => ({ type: 'settings.changed', payload: { changes: { organizationName: `Desk ${n}` } } });

/** A folder of `count` events (two segments past 500), written by the store as the app would. */
async function folderWith(count: number): Promise<void> {
  const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
  // The first commit also registers the editor's key: one event more.
  let made = 1;
  while (made < count) {
    const batch = Math.min(40, count - made);
    await store.commit(Array.from({ length: batch }, (_, i) => change(made + i)), 'Desk editor');
    made += batch;
  }
  await store.close();
}

const segment = (seq: number) => join(dataDir, 'log', `${String(seq).padStart(10, '0')}.json`);
const cli = {
  reports: (...args: string[]) => runCommand(reportsCommand, [...args, '--data-dir', dataDir]),
  settings: (...args: string[]) => runCommand(settingsCommand, [...args, '--data-dir', dataDir]),
  log: (...args: string[]) => runCommand(logCommand, args),
};

async function segmentEvents(seq: number): Promise<{ doc: { events: Record<string, unknown>[] } }> {
  return { doc: JSON.parse(await readFile(segment(seq), 'utf8')) as { events: Record<string, unknown>[] } };
}

describe('a damaged segment', () => {
  it('is never silent: every command names it, writing commands exit non-zero, nothing is moved, no new chain starts', async () => {
    await folderWith(923);
    await truncate(segment(1), Math.floor((await stat(segment(1))).size / 2));
    const before = await readdir(join(dataDir, 'log'));

    for (let run = 0; run < 2; run++) {
      const list = await cli.reports('list');
      expect(list.code).toBe(0);
      expect(list.err).toMatch(/warning: The verification history is damaged: .*0000000001\.json.*events #1–#500 cannot be read/);
      expect(list.err).toMatch(/shows the 423 events/);
    }
    const set = await cli.settings('set', '--editor-name', 'Night editor');
    expect(set.code).toBe(1);
    expect(set.err).toMatch(/changes are disabled: the verification history is damaged/);
    expect(await readdir(join(dataDir, 'log'))).toEqual(before);

    const verify = await cli.log('verify', '--data-dir', dataDir);
    expect(verify.code).toBe(1);
    expect(verify.out).toMatch(/^BROKEN/);
    expect(verify.out).toContain('events #1–#500 cannot be read');
  });

  it('shows every readable event after the damage too, in the app and the browser mode, on every open', async () => {
    await folderWith(923);
    await writeFile(segment(501), '{"kind":"isnad-log-segment","schemaVersion":2,"firstSeq":501,"events":[{"tr');
    for (let open = 0; open < 2; open++) {
      const context = await openAppContext({ dataDir, sampleReportsDir: null, editor: 'Desk editor' });
      const load = (await context.dispatch('app:load', {})) as { ok: true; value: AppSnapshot };
      expect(load.value.writable).toBe(false);
      expect(load.value.damage).toMatchObject({ problems: [{ kind: 'unreadable', from: 501, to: 923 }], readableEvents: 500 });
      expect(load.value.warnings.map((w) => w.code)).toContain('log-broken');
      expect(await context.dispatch('settings:update', { organizationName: 'x' })).toMatchObject({ ok: false, code: 'read-only' });
      await context.close();
    }
    // No new segment took the damaged one's name or numbers.
    expect((await readdir(join(dataDir, 'log'))).filter((n) => /^\d{10}\.json$/.test(n))).toEqual(['0000000001.json', '0000000501.json']);
  });

  it('a damaged middle segment: the events after it stay visible, and a recorded gap lets work go on', async () => {
    await folderWith(1200);
    await truncate(segment(501), 100);
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
    expect(store.damage?.problems).toMatchObject([{ kind: 'unreadable', from: 501, to: 1000 }]);
    // Events 1–500 and 1001–1200 are read and applied.
    expect(store.eventCount).toBe(700);
    expect(store.state.settings.organizationName).toBe('Desk 1199');
    await continueWithGap(store, 'Standards editor', 'segment cut by a disk fault');
    await store.commit([change(2000)], 'Standards editor');
    await store.close();

    const verified = await verifyDataDir(dataDir);
    expect(verified).toMatchObject({ ok: true, gaps: [{ from: 501, to: 1000, editor: 'Standards editor' }] });
    expect((await cli.log('verify', '--data-dir', dataDir)).out).toMatch(/^OK: \d+ events, chain intact except the recorded gap #501–#1000/);
    expect(await readdir(join(dataDir, 'log', 'set-aside'))).toEqual(['0000000501.json']);
    // After the gap the log goes on in a new segment, past every number the lost segment could have held.
    expect((await readdir(join(dataDir, 'log'))).filter((n) => /^\d{10}\.json$/.test(n))).toEqual(['0000000001.json', '0000001001.json', '0000001201.json']);
  });
});

describe('log continue', () => {
  it('records the gap from the command line, names what was set aside, and refuses a whole history', async () => {
    await folderWith(700);
    await writeFile(segment(501), 'not json');
    expect((await cli.log('continue', '--data-dir', dataDir)).err).toMatch(/needs --editor NAME/);
    const run = await cli.log('continue', '--data-dir', dataDir, '--editor', 'Night editor', '--reason', 'disk fault');
    expect(run.code).toBe(0);
    expect(run.out).toBe(['recorded a gap: events #501–#700 are lost', 'set aside in log/set-aside/: 0000000501.json', 'changes are enabled again; "log verify" reports the gap'].join('\n'));
    const again = await cli.log('continue', '--data-dir', dataDir, '--editor', 'Night editor');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/the history is whole/);
    const list = await cli.reports('list');
    expect(list.err).toMatch(/warning: The history has a recorded gap: events #501–#700 were lost \(recorded by Night editor/);
    expect((await cli.settings('set', '--editor-name', 'Night editor')).code).toBe(0);
  });
});

describe('tampering', () => {
  it('dropping the last 5 events is caught by the head checkpoint, with the missing range', async () => {
    await folderWith(923);
    const { doc } = await segmentEvents(501);
    doc.events.splice(-5);
    await writeFile(segment(501), JSON.stringify(doc));
    const verified = await verifyDataDir(dataDir);
    expect(verified).toMatchObject({ ok: false, problems: [{ kind: 'truncated', from: 919, to: 923 }] });
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
    expect(store.writable).toBe(false);
    await store.close();
  });

  it('deleting the last segment is caught, with the missing range', async () => {
    await folderWith(923);
    await unlink(segment(501));
    expect(await verifyDataDir(dataDir)).toMatchObject({ ok: false, problems: [{ kind: 'truncated', from: 501, to: 923 }] });
    // And with the state checkpoint in place, opening notices it too.
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
    expect(store.writable).toBe(false);
    expect(store.warnings.find((w) => w.code === 'log-broken')?.message).toMatch(/#501–#923/);
    await store.close();
  });

  it('editing event #4 and recomputing every hash after it fails on the signatures (and on both head checkpoints)', async () => {
    await folderWith(923);
    const { doc } = await segmentEvents(1);
    const second = (await segmentEvents(501)).doc;
    const all = [...doc.events, ...second.events];
    (all[3]!.payload as { changes: { organizationName: string } }).changes.organizationName = 'Forged desk';
    let prevHash = all[2]!.hash as string;
    // Each event follows the one before (one editor, no colleagues): the forger renames every parent.
    for (const event of all.slice(3)) {
      event.parents = [prevHash];
      event.hash = sha256Hex(eventHashInput(event));
      prevHash = event.hash as string;
    }
    await writeFile(segment(1), JSON.stringify(doc));
    await writeFile(segment(501), JSON.stringify(second));
    const verified = await verifyDataDir(dataDir);
    expect(verified.ok).toBe(false);
    expect(verified.problems[0]).toMatchObject({ kind: 'bad-signature', from: 4 });
    expect(verified.problems.filter((p) => p.kind === 'bad-signature').map((p) => [p.from, p.to])).toEqual([
      [4, 500],
      [501, 923],
    ]);
    // Rewriting the head checkpoints as well does not help: the signatures still fail.
    const head = JSON.stringify({ kind: 'isnad-head', seq: 923, hash: prevHash, at: new Date().toISOString() });
    await writeFile(join(dataDir, 'head.json'), head);
    await writeFile(join(dataDir, 'log', 'head.json'), head);
    await rm(join(dataDir, 'state.json'));
    expect((await verifyDataDir(dataDir)).problems[0]).toMatchObject({ kind: 'bad-signature', from: 4 });
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
    expect(store.writable).toBe(false);
    expect(store.state.settings.organizationName).not.toBe('Forged desk');
    await store.close();
  });

  it('a truncated export fails its own summary; a folder missing what an export attests fails --against', async () => {
    await folderWith(60);
    const exportPath = join(scratch, 'export.json');
    expect((await runCommand(exportCommand, ['--format', 'json', '--out', exportPath, '--data-dir', dataDir])).code).toBe(0);
    expect(await verifyExportFile(exportPath)).toMatchObject({ ok: true, count: 60, signers: [{ editor: 'Desk editor', events: 60 }] });

    const exported = JSON.parse(await readFile(exportPath, 'utf8'));
    exported.log.events.splice(-3);
    const cut = join(scratch, 'cut.json');
    await writeFile(cut, JSON.stringify(exported));
    const run = await cli.log('verify', cut);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/says it holds 60 events, but holds 57/);

    expect(await verifyAgainstExport(dataDir, exportPath)).toMatchObject({ ok: true });
    const { doc } = await segmentEvents(1);
    doc.events.splice(-10);
    await writeFile(segment(1), JSON.stringify(doc));
    await rm(join(dataDir, 'head.json'));
    await rm(join(dataDir, 'log', 'head.json'));
    const against = await cli.log('verify', '--data-dir', dataDir, '--against', exportPath);
    expect(against.code).toBe(1);
    expect(against.out).toContain(`events #51–#60, attested by ${exportPath}, are missing from the folder`);
  });
});

describe('a newer version', () => {
  it('an event type from a newer Isnad opens read-only, never quarantined, and no fresh chain starts', async () => {
    await folderWith(10);
    const { doc } = await segmentEvents(1);
    const last = doc.events.at(-1)!;
    const newer: Record<string, unknown> = { ...last, seq: 11, id: 'from-the-future', type: 'claim.annotated', payload: { text: 'later' }, parents: [last.hash] };
    newer.hash = sha256Hex(eventHashInput(newer));
    doc.events.push(newer);
    const content = JSON.stringify(doc);
    await writeFile(segment(1), content);

    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
    expect(store.writable).toBe(false);
    expect(store.warnings.find((w) => w.code === 'log-broken')?.message).toMatch(/written by a newer version of Isnad/);
    expect(store.eventCount).toBe(10);
    await expect(store.commit([change(99)], 'Desk editor')).rejects.toBeInstanceOf(StoreReadOnlyError);
    await store.close();
    expect(await readFile(segment(1), 'utf8')).toBe(content);
    expect((await readdir(join(dataDir, 'log'))).filter((n) => n.endsWith('.json'))).toEqual(['0000000001.json', 'head.json']);
    expect((await cli.settings('set', '--editor-name', 'Night editor')).code).toBe(1);
  });
});

describe('transient faults', () => {
  it('a failed write is retried and reported, and nothing is lost', async () => {
    let failures = 2;
    const flaky = async (path: string, content: string) => {
      if (failures-- > 0) throw Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' });
      await writeFileAtomic(path, content);
    };
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null, writeFile: flaky });
    await store.commit([change(1)], 'Desk editor');
    expect(store.warnings.find((w) => w.code === 'write-retried')?.message).toMatch(/failed 2 times and then succeeded/);
    expect(store.writable).toBe(true);
    await store.close();
    expect(await verifyDataDir(dataDir)).toMatchObject({ ok: true, count: 2 });
  });

  it('a write that fails for good is refused without disabling writes; the next change goes through', async () => {
    let broken = true;
    const faulty = async (path: string, content: string) => {
      if (broken) throw Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' });
      await writeFileAtomic(path, content);
    };
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null, writeFile: faulty });
    await expect(store.commit([change(1)], 'Desk editor')).rejects.toThrow(/was not saved.*EMFILE.*can be tried again/);
    expect(store.writable).toBe(true);
    expect(store.eventCount).toBe(0);
    broken = false;
    await store.commit([change(2)], 'Desk editor');
    await store.close();
    expect(await verifyDataDir(dataDir)).toMatchObject({ ok: true, count: 2 });
  });

  it('writes are disabled only while the log on disk is in doubt, and re-enabled after a good re-check', async () => {
    await folderWith(5);
    let broken = true;
    const faulty = async (path: string, content: string) => {
      if (broken) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      await writeFileAtomic(path, content);
    };
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null, writeFile: faulty });
    // Meanwhile the newest segment changes on disk: what Isnad acknowledged is no longer there.
    const original = await readFile(segment(1), 'utf8');
    const { doc } = await segmentEvents(1);
    doc.events.pop();
    await writeFile(segment(1), JSON.stringify(doc));
    await expect(store.commit([change(1)], 'Desk editor')).rejects.toThrow(/changes stay disabled until the log on disk can be checked/);
    expect(store.writable).toBe(false);
    await expect(store.commit([change(1)], 'Desk editor')).rejects.toBeInstanceOf(StoreReadOnlyError);
    await writeFile(segment(1), original);
    broken = false;
    await store.commit([change(2)], 'Desk editor');
    expect(store.writable).toBe(true);
    await store.close();
    expect(await verifyDataDir(dataDir)).toMatchObject({ ok: true, count: 6 });
  });
});

describe('ways forward and past versions', () => {
  it('restores a damaged folder from a JSON export, checked against its surviving events, and records it', async () => {
    await folderWith(600);
    const exportPath = join(scratch, 'export.json');
    expect((await runCommand(exportCommand, ['--format', 'json', '--out', exportPath, '--data-dir', dataDir])).code).toBe(0);
    await truncate(segment(1), 50);

    const noEditor = await runCommand(exportCommand, ['--import', exportPath, '--data-dir', dataDir]);
    expect(noEditor.code).toBe(1);
    expect(noEditor.err).toMatch(/pass --editor NAME/);
    const run = await runCommand(exportCommand, ['--import', exportPath, '--data-dir', dataDir, '--editor', 'Standards editor']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/set aside the damaged log \(0000000001\.json, 0000000501\.json\)/);
    const verified = await verifyDataDir(dataDir);
    expect(verified).toMatchObject({ ok: true, count: 602 });
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
    expect((await store.readEvents([602]))[0]).toMatchObject({ type: 'log.restored', editor: 'Standards editor', payload: { count: 600 } });
    await store.close();
  });

  it('a restore from an export shorter than the damaged log keeps the numbers the damaged log used', async () => {
    await folderWith(100);
    const exportPath = join(scratch, 'export.json');
    await runCommand(exportCommand, ['--format', 'json', '--out', exportPath, '--data-dir', dataDir]);
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
    await store.commit(Array.from({ length: 20 }, (_, i) => change(200 + i)), 'Desk editor');
    await store.close();
    // The events after the export are lost with the cut: the head checkpoint still says #120.
    const { doc } = await segmentEvents(1);
    doc.events.splice(100);
    await writeFile(segment(1), JSON.stringify(doc));
    const run = await runCommand(exportCommand, ['--import', exportPath, '--data-dir', dataDir, '--editor', 'Standards editor']);
    expect(run.code).toBe(0);
    const verified = await verifyDataDir(dataDir);
    expect(verified).toMatchObject({ ok: true, gaps: [{ from: 101, to: 120 }] });
    expect(verified.headSeq).toBeGreaterThan(120);
  });

  it('refuses a restore that would lose events surviving in the damaged folder', async () => {
    await folderWith(100);
    const exportPath = join(scratch, 'export.json');
    await runCommand(exportCommand, ['--format', 'json', '--out', exportPath, '--data-dir', dataDir]);
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
    await store.commit([change(500)], 'Desk editor');
    await store.close();
    // Damage that leaves event #101 (not in the export) readable.
    const { doc } = await segmentEvents(1);
    (doc.events[10]!.payload as { changes: { organizationName: string } }).changes.organizationName = 'edited';
    await writeFile(segment(1), JSON.stringify(doc));
    const run = await runCommand(exportCommand, ['--import', exportPath, '--data-dir', dataDir, '--editor', 'Standards editor']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/does not hold 1 event that survive.*from #101/);
  });

  it('opens, verifies and goes on writing a folder of store schema 1; its export still verifies and imports', async () => {
    await cp(join(FIXTURES, 'v1', 'data'), dataDir, { recursive: true });
    expect(await verifyDataDir(dataDir)).toMatchObject({ ok: true, count: 9, unsigned: 9 });
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
    expect(store.warnings).toEqual([]);
    expect(store.writable).toBe(true);
    expect(store.state.reportOrder).toHaveLength(3);
    expect(store.state.settings.editorName).toBe('Desk editor');
    await store.commit([change(1)], 'Desk editor');
    await store.close();
    expect(await verifyDataDir(dataDir)).toMatchObject({ ok: true, count: 11, unsigned: 9, signers: [{ editor: 'Desk editor', events: 2 }] });

    const exportPath = join(FIXTURES, 'v1', 'export.json');
    expect(await verifyExportFile(exportPath)).toMatchObject({ ok: true, count: 9 });
    const target = join(scratch, 'restored');
    await mkdir(target);
    const run = await runCommand(exportCommand, ['--import', exportPath, '--data-dir', target]);
    expect(run.code).toBe(0);
    expect(await verifyDataDir(target)).toMatchObject({ ok: true, count: 9 });
  });

  it('goes on in place from a folder of store schema 2 (one signed chain): the old chain is kept as written, the DAG grows from its head', async () => {
    await cp(join(FIXTURES, 'v2', 'data'), dataDir, { recursive: true });
    const before = await readFile(segment(1), 'utf8');
    expect(await verifyDataDir(dataDir)).toMatchObject({ ok: true, count: 9, unsigned: 0 });
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
    expect(store.warnings).toEqual([]);
    expect(store.writable).toBe(true);
    expect(store.state.statuses.get('alhurra-2024-12-01-aleppo:64-124')).toMatchObject({ status: 'false', editor: 'Casualties editor' });
    const oldHead = store.state.headHash;
    expect([...store.state.heads]).toEqual([oldHead]);
    const [, added] = await store.commit([change(1)], 'Desk editor');
    expect(added).toMatchObject({ v: 3, seq: 11, parents: [expect.stringMatching(/^[0-9a-f]{64}$/)] });
    await store.close();
    expect(JSON.parse(await readFile(join(dataDir, 'isnad.json'), 'utf8'))).toMatchObject({ schemaVersion: 3 });
    // The old events are byte for byte what schema 2 wrote; the first new one follows the old head.
    const doc = JSON.parse(await readFile(segment(1), 'utf8')) as { events: { parents?: string[]; hash: string }[] };
    expect(JSON.stringify(doc.events.slice(0, 9))).toBe(JSON.stringify((JSON.parse(before) as { events: unknown[] }).events));
    expect(doc.events[9]!.parents).toEqual([oldHead]);
    expect(await verifyDataDir(dataDir)).toMatchObject({ ok: true, count: 11 });
    expect(await verifyExportFile(join(FIXTURES, 'v2', 'export.json'))).toMatchObject({ ok: true, count: 9 });
  });

  it('a JSON export of this version re-imports into an empty folder and verifies, signatures included', async () => {
    await folderWith(30);
    const exportPath = join(scratch, 'export.json');
    await runCommand(exportCommand, ['--format', 'json', '--out', exportPath, '--data-dir', dataDir]);
    const target = join(scratch, 'restored');
    await mkdir(target);
    expect((await runCommand(exportCommand, ['--import', exportPath, '--data-dir', target])).code).toBe(0);
    expect(await verifyDataDir(target)).toMatchObject({ ok: true, count: 30, unsigned: 0, signers: [{ editor: 'Desk editor', events: 30 }] });
  });
});

describe('the fast open', () => {
  it('re-checks in the background what the saved state vouched for, and turns read-only on damage there', async () => {
    await folderWith(1200);
    // A same-size edit of a sealed segment: the fast open cannot see it, the background check does.
    const path = segment(1);
    const source = await readFile(path, 'utf8');
    await writeFile(path, source.replace('"organizationName":"Desk 100"', '"organizationName":"Desk 900"'));
    expect((await stat(path)).size).toBe(Buffer.byteLength(source));
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: null });
    await store.backgroundChecked();
    expect(store.writable).toBe(false);
    expect(store.damage?.problems[0]).toMatchObject({ kind: 'altered', from: 101 });
    expect(store.warnings.find((w) => w.code === 'log-broken')?.message).toMatch(/found by the check Isnad runs after opening/);
    await store.close();
  });
});
