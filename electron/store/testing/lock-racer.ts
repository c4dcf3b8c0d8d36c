/**
 * A child process for the lock race test: at each round's start time it tries to lock that round's
 * folder, holds the lock for a while if it got it, and prints `held <round> <from> <to>` (ms since
 * the epoch, from performance.timeOrigin) or `busy <round>`.
 *
 *   node --import tsx electron/store/testing/lock-racer.ts ROOT ROUNDS START_MS INTERVAL_MS
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataDirBusyError, lockDataDir } from '../data-dir-lock';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function main(root: string, rounds: number, start: number, interval: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await sleep(start + round * interval - now());
    try {
      const unlock = await lockDataDir(join(root, String(round)));
      const from = now();
      await sleep(interval / 3);
      const to = now();
      await unlock();
      process.stdout.write(`held ${round} ${from} ${to}\n`);
    } catch (error) {
      if (!(error instanceof DataDirBusyError)) throw error;
      process.stdout.write(`busy ${round}\n`);
    }
  }
}

const [root, rounds, start, interval] = process.argv.slice(2);
main(root!, Number(rounds), Number(start), Number(interval)).catch((error: unknown) => {
  process.stderr.write(`lock-racer: ${(error as Error).message}\n`);
  process.exit(1);
});
