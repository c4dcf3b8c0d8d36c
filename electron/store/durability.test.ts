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

    const verified = await verifyDataDir(dataDir);
    expect(verified).toMatchObject({ ok: true, count: before + 1000 });
    const again = await openContext();
    expect((await again.store.allEvents()).filter((e) => e.type === 'claim.statusChanged')).toHaveLength(1000);
    expect((await again.store.allEvents()).map((e) => e.seq)).toEqual(Array.from({ length: before + 1000 }, (_, i) => i + 1));
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

  it('moves a truncated newest segment aside, keeps the segments before it, and tells the user', async () => {
    const context = await openContext();
    await burst(context, await sampleClaimIds(context), SEGMENT_MAX_EVENTS + 100);
    await closeContexts();

    const logDir = join(dataDir, 'log');
    const segments = (await readdir(logDir)).filter((name) => name.endsWith('.json')).sort();
    expect(segments.length).toBeGreaterThanOrEqual(2);
    const newest = join(logDir, segments.at(-1)!);
    // A write cut short by a full disk or a crash of the file system: the tail of the file is gone.
    await truncate(newest, Math.floor((await stat(newest)).size / 2));
    const damaged = await readFile(newest);

    const again = await openContext();
    const load = await again.dispatch('app:load', {});
    const warnings = (load as { ok: true; value: AppSnapshot }).value.warnings;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'corrupt-file' });
    expect(warnings[0]!.message).toMatch(/moved aside/);
    const firstSeqOfNewest = Number.parseInt(segments.at(-1)!, 10);
    expect((await again.store.allEvents())).toHaveLength(firstSeqOfNewest - 1);
    expect(again.store.writable).toBe(true);

    // The damaged bytes are kept, and a new change does not write over them.
    const aside = (await readdir(logDir)).find((name) => name.startsWith(`${segments.at(-1)}.corrupt-`));
    expect(aside).toBeDefined();
    await burst(again, await sampleClaimIds(again), 3);
    await closeContexts();
    expect(await readFile(join(logDir, aside!))).toEqual(damaged);
    expect(await verifyDataDir(dataDir)).toMatchObject({ ok: true, count: firstSeqOfNewest - 1 + 3 });
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
