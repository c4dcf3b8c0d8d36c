/**
 * One session on a data folder, in its own process so that its memory is measured alone:
 * open (timed, RSS after), then `changes` status changes (each timed to the acknowledgement),
 * then, with 0 changes, a full `log verify`. Prints one JSON line.
 *
 *   node --import tsx bench/store-session.ts DATA_DIR CHANGES
 */
import { performance } from 'node:perf_hooks';
import { VERDICTS } from '../shared/model/verdict';
import { openAppContext } from '../electron/app-context';
import { verifyDataDir } from '../electron/store/verify-log';

export interface SessionResult {
  openMs: number;
  rssMb: number;
  heapMb: number;
  rssEndMb: number;
  warmUpMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  verifyMs: number;
}

const mb = (bytes: number) => bytes / 1_048_576;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

/** Deterministic, so two runs measure the same changes. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function main(dataDir: string, changes: number): Promise<SessionResult> {
  let started = performance.now();
  const context = await openAppContext({ dataDir, sampleReportsDir: null, editor: 'Bench editor' });
  const openMs = performance.now() - started;
  const memory = process.memoryUsage();
  const problems = context.store.warnings.map((w) => w.message);
  if (!context.store.writable || problems.length > 0) throw new Error(`the store did not open cleanly: ${problems.join('; ')}`);

  const latencies: number[] = [];
  let warmUpMs = 0;
  try {
    if (changes > 0) {
      // The app splits a report into claims once per process, when it is first shown; do that
      // here, timed apart, so the changes below measure the change itself.
      started = performance.now();
      const order = context.store.state.reportOrder;
      const claimIds: string[] = [];
      for (let i = 0; i + 1 < order.length; i += 2) {
        const reply = await context.call('compare:run', { a: order[i]!, b: order[i + 1]! });
        if (!reply.ok) throw new Error(`compare:run refused: ${reply.error}`);
        const view = reply.value;
        claimIds.push(...view.a.claims.map((c) => c.id), ...view.b.claims.map((c) => c.id));
      }
      warmUpMs = performance.now() - started;
      const next = random(7);
      for (let change = 0; change < changes; change++) {
        const claimId = claimIds[Math.floor(next() * claimIds.length)]!;
        const status = VERDICTS[change % VERDICTS.length]!;
        started = performance.now();
        const reply = await context.call('claims:setStatus', { claimIds: [claimId], status, note: `bench change ${change} (session ${process.pid})` });
        latencies.push(performance.now() - started);
        if (!reply.ok) throw new Error(`claims:setStatus refused: ${reply.error}`);
      }
    }
  } finally {
    await context.close();
  }
  const rssEnd = process.memoryUsage().rss;
  let verifyMs = 0;
  if (changes === 0) {
    started = performance.now();
    const verified = await verifyDataDir(dataDir);
    verifyMs = performance.now() - started;
    if (!verified.ok) throw new Error(`log verify failed: ${verified.problems[0]?.message}`);
  }
  latencies.sort((a, b) => a - b);
  return {
    openMs,
    rssMb: mb(memory.rss),
    heapMb: mb(memory.heapUsed),
    rssEndMb: mb(rssEnd),
    warmUpMs,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    maxMs: latencies.at(-1) ?? 0,
    verifyMs,
  };
}

const [dataDir, changes] = process.argv.slice(2);
if (dataDir) {
  main(dataDir, Number(changes ?? 0)).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
