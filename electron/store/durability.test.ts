import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, truncate, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppSnapshot, ComparisonView } from '../../shared/contract/channels';
import { VERDICTS } from '../../shared/model/verdict';
import { openAppContext, type AppContext } from '../app-context';
import { SEGMENT_MAX_EVENTS } from './event-log';
import { continueWithGap } from './recovery';
import { IsnadStore } from './store';
import { verifyDataDir } from './verify-log';

const ROOT = resolve(__dirname, '../..');
const SAMPLES = join(ROOT, 'fixtures/reports');
const BURST_WRITER = join(__dirname, 'testing/burst-writer.ts');

let dataDir: string;
const contexts: AppContext[] = [];

async function openContext(): Promise<AppContext> {
  const context = await openAppContext({ dataDir, sampleReportsDir: SAMPLES, editor: 'Durability test' });
  contexts.push(context);
  return context;
}
async function closeContexts(): Promise<void> {
  while (contexts.length > 0) await contexts.pop()!.close();
}

/** Claim ids of the two sample reports, through the same calls as the app. */
async function sampleClaimIds(context: AppContext): Promise<string[]> {
  const load = await context.dispatch('app:load', {});
  const [a, b] = (load as { ok: true; value: AppSnapshot }).value.reports;
  const reply = await context.dispatch('compare:run', { a: a!.id, b: b!.id });
  if (!reply.ok) throw new Error(reply.error);
  const view = reply.value as ComparisonView;
  return [...view.a.claims, ...view.b.claims].map((claim) => claim.id);
}

/** `count` status changes, all in flight at once; each one is a real change (its note differs). */
async function burst(context: AppContext, claimIds: string[], count: number): Promise<void> {
  const replies = await Promise.all(
    Array.from({ length: count }, (_, n) =>
      context.dispatch('claims:setStatus', { claimIds: [claimIds[n % claimIds.length]!], status: VERDICTS[n % VERDICTS.length]!, note: `change ${n}` }),
    ),
  );
  expect(replies.filter((reply) => !reply.ok)).toEqual([]);
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'isnad-durability-'));
});
afterEach(async () => {
  await closeContexts();
  await rm(dataDir, { recursive: true, force: true });
});

describe('store durability', () => {
  it('lands every one of a burst of 1,000 status changes', async () => {
    const context = await openContext();
    const before = (await context.store.allEvents()).length;
    await burst(context, await sampleClaimIds(context), 1000);
    await closeContexts();

    // 1,000 changes and the registration of this editor's signing key.
    const verified = await verifyDataDir(dataDir);
    expect(verified).toMatchObject({ ok: true, count: before + 1001 });
    const again = await openContext();
    expect((await again.store.allEvents()).filter((e) => e.type === 'claim.statusChanged')).toHaveLength(1000);
    expect((await again.store.allEvents()).map((e) => e.seq)).toEqual(Array.from({ length: before + 1001 }, (_, i) => i + 1));
    expect(again.store.writable).toBe(true);
    expect(again.store.warnings).toEqual([]);
  });

  it('after kill -9 in the middle of a burst, leaves a readable log that holds every acknowledged change', async () => {
    const acked = await runBurstWriterAndKill(dataDir, 300);
    expect(acked.size).toBeGreaterThanOrEqual(300);

    // The files alone, read-only: an unbroken chain.
    const verified = await verifyDataDir(dataDir);
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;

    // Reopened by the store: nothing moved aside, writable, and a prefix of what the writer made,
    // since every change it acknowledged is there with the very hash it reported.
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: SAMPLES });
    try {
      expect(store.warnings).toEqual([]);
      expect(store.writable).toBe(true);
      expect((await store.allEvents())).toHaveLength(verified.count);
      for (const [seq, hash] of acked) expect((await store.allEvents())[seq - 1]?.hash).toBe(hash);
      expect(Math.max(...acked.keys())).toBeLessThanOrEqual((await store.allEvents()).length);
    } finally {
      await store.close();
    }
  });

  it('a truncated newest segment: read-only, named on every open, and after a recorded gap nothing takes its name or numbers', async () => {
    const context = await openContext();
    await burst(context, await sampleClaimIds(context), SEGMENT_MAX_EVENTS + 100);
    const head = context.store.state.headSeq;
    await closeContexts();

    const logDir = join(dataDir, 'log');
    const segments = (await readdir(logDir)).filter((name) => /^\d{10}\.json$/.test(name)).sort();
    expect(segments.length).toBeGreaterThanOrEqual(2);
    const newest = join(logDir, segments.at(-1)!);
    // A write cut short by a full disk or a crash of the file system: the tail of the file is gone.
    await truncate(newest, Math.floor((await stat(newest)).size / 2));
    const damaged = await readFile(newest);
    const firstSeqOfNewest = Number.parseInt(segments.at(-1)!, 10);

    for (let open = 0; open < 2; open++) {
      const again = await openContext();
      const load = (await again.dispatch('app:load', {})) as { ok: true; value: AppSnapshot };
      expect(load.value.writable).toBe(false);
      expect(load.value.damage?.problems).toMatchObject([{ kind: 'unreadable', from: firstSeqOfNewest, to: head, file: newest }]);
      expect(load.value.warnings.find((w) => w.code === 'log-broken')?.message).toContain(`#${firstSeqOfNewest}–#${head}`);
      expect(again.store.eventCount).toBe(firstSeqOfNewest - 1);
      const refused = await again.dispatch('claims:setStatus', { claimIds: [(await sampleClaimIds(again))[0]!], status: 'verified', note: null });
      expect(refused).toMatchObject({ ok: false, code: 'read-only' });
      await closeContexts();
    }
    expect(await readFile(newest)).toEqual(damaged);

    const store = await IsnadStore.open({ dataDir, sampleReportsDir: SAMPLES });
    const result = await continueWithGap(store, 'Night editor', 'the disk was cut short');
    expect(result).toEqual({ gaps: [{ from: firstSeqOfNewest, to: head }], setAside: [segments.at(-1)] });
    await store.close();
    const again = await openContext();
    await burst(again, await sampleClaimIds(again), 3);
    await closeContexts();
    expect(await readFile(join(logDir, 'set-aside', segments.at(-1)!))).toEqual(damaged);
    const names = (await readdir(logDir)).filter((name) => /^\d{10}\.json$/.test(name));
    expect(names).not.toContain(segments.at(-1));
    expect(Math.min(...names.map((name) => Number.parseInt(name, 10)).filter((seq) => seq >= firstSeqOfNewest))).toBeGreaterThan(head);
    expect(await verifyDataDir(dataDir)).toMatchObject({ ok: true, gaps: [{ from: firstSeqOfNewest, to: head, editor: 'Night editor' }] });
  });
});

/**
 * Starts the burst writer in a child process, and kills it with SIGKILL (no chance to clean up)
 * as soon as it has acknowledged `atLeast` changes while it keeps writing. Returns seq → hash of
 * every acknowledged change.
 */
async function runBurstWriterAndKill(dir: string, atLeast: number): Promise<Map<number, string>> {
  const child = spawn(process.execPath, ['--import', 'tsx', BURST_WRITER, dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const acked = new Map<number, string>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  for await (const line of createInterface({ input: child.stdout })) {
    const [word, seq, hash] = line.split(' ');
    if (word === 'ack') acked.set(Number(seq), hash!);
    if (acked.size >= atLeast && !child.killed) child.kill('SIGKILL');
  }
  const signal = await exited;
  if (signal !== 'SIGKILL') throw new Error(`the burst writer stopped on its own before it was killed: ${stderr}`);
  return acked;
}
