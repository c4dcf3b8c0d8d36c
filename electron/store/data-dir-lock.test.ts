import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from './data-dir-lock';

const ROOT = resolve(__dirname, '../..');
const RACER = join(__dirname, 'testing/lock-racer.ts');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'isnad-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid that is certainly not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((done) => child.on('exit', done));
  return child.pid!;
}

function runRacer(root: string, rounds: number, start: number, interval: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', RACER, root, String(rounds), String(start), String(interval)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((done, fail) => child.on('exit', (code) => (code === 0 ? done(out) : fail(new Error(`racer exited ${code}: ${err}`)))));
}

describe('lockDataDir', () => {
  it('holds the owner from the first byte, refuses a second holder, and lets go', async () => {
    const unlock = await lockDataDir(dir);
    expect(JSON.parse(await readFile(join(dir, 'isnad.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirBusyError);
    await unlock();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock whose owner died, in either format', async () => {
    const pid = await deadPid();
    await writeFile(join(dir, 'isnad.lock'), String(pid));
    const unlock = await lockDataDir(dir);
    await unlock();
    await writeFile(join(dir, 'isnad.lock'), JSON.stringify({ pid, started: '1', nonce: 'x' }));
    await (await lockDataDir(dir))();
  });

  it('does not take over a live lock whose pid was reused by another process', async () => {
    // Our own pid, but a start time that is not ours: the owner died and the pid was reused.
    await writeFile(join(dir, 'isnad.lock'), JSON.stringify({ pid: process.pid, started: '1', nonce: 'x' }));
    const unlock = await lockDataDir(dir);
    await unlock();
  });

  it('six processes racing for a free lock, and for a stale one, give one holder in every round', async () => {
    const ROUNDS = 25;
    const INTERVAL = 120;
    const PROCESSES = 6;
    const dead = await deadPid();
    for (let round = 0; round < ROUNDS; round++) {
      await mkdir(join(dir, String(round)));
      // Odd rounds start with a stale lock left by a crashed process: all six try to take it over.
      if (round % 2 === 1) await writeFile(join(dir, String(round), 'isnad.lock'), JSON.stringify({ pid: dead, started: null, nonce: 'crashed' }));
    }
    // Time for the six to start (tsx compiles on the way) before the first round.
    const start = Date.now() + 4000;
    const outputs = await Promise.all(Array.from({ length: PROCESSES }, () => runRacer(dir, ROUNDS, start, INTERVAL)));
    const held = new Map<number, [number, number][]>();
    for (const line of outputs.join('').split('\n')) {
      const [word, round, from, to] = line.split(' ');
      if (word === 'held') held.set(Number(round), [...(held.get(Number(round)) ?? []), [Number(from), Number(to)]]);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const spans = (held.get(round) ?? []).sort((a, b) => a[0] - b[0]);
      expect(spans.length, `round ${round}`).toBeGreaterThanOrEqual(1);
      // Someone may get it after the first holder let go; never while it was held.
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0], `round ${round}`).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    }
  }, 60_000);
});
