import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the data folder ${dataDir} is in use by another Isnad process (pid ${pid}); close it first, or use another --data-dir`);
    this.name = 'DataDirBusyError';
  }
}

/** Who holds a lock: the pid, when that process started (to tell a reused pid), and a nonce of this lock. */
interface LockOwner {
  pid: number;
  /** Start time of the process as the OS counts it (Linux: clock ticks after boot), or null where unknown. */
  started: string | null;
  nonce: string;
}

/** A takeover that has not finished in this long was abandoned by a process that died during it. */
const ABANDONED_TAKEOVER_MS = 10_000;

function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22, counted after the command name, which is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid is in use; by the same process only if it started when the owner did.
  const started = processStart(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

function parseOwner(text: string): LockOwner | null {
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 && typeof owner.nonce === 'string' ? owner : null;
  } catch {
    // A lock of an older Isnad holds only the pid.
    const pid = Number.parseInt(text, 10);
    return Number.isInteger(pid) && pid > 0 ? { pid, started: null, nonce: text } : null;
  }
}

/**
 * Creates `path` holding `content` in one atomic step: the content is written to a file of our own,
 * then hard-linked to `path`, which fails if `path` exists. No one ever sees the file half written.
 */
async function createWith(path: string, content: string): Promise<boolean> {
  const candidate = `${path}.${randomBytes(6).toString('hex')}.candidate`;
  await writeFile(candidate, content, { flag: 'wx' });
  try {
    await link(candidate, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(candidate, { force: true });
  }
}

/**
 * Makes this process the data folder's only writer. The lock file is created in one step already
 * holding its owner; a lock whose owner has died (a crash, kill -9) is taken over, but only under a
 * takeover file and only after re-reading it and finding the very same lock, so two processes that
 * both found it stale cannot both take it.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, 'isnad.lock');
  const takeover = `${path}.takeover`;
  const me: LockOwner = { pid: process.pid, started: processStart(process.pid), nonce: randomBytes(12).toString('hex') };
  const mine = JSON.stringify(me);
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await createWith(path, mine)) {
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        // Only our own lock: never one another process took over meanwhile.
        if ((await readFile(path, 'utf8').catch(() => null)) === mine) await rm(path, { force: true });
      };
    }
    const seen = await readFile(path, 'utf8').catch(() => null);
    if (seen === null) continue;
    const owner = parseOwner(seen);
    if (owner && isAlive(owner)) throw new DataDirBusyError(dataDir, owner.pid);
    // Stale (its owner is gone, or it is unreadable): take it over, one process at a time.
    if (await createWith(takeover, mine)) {
      try {
        if ((await readFile(path, 'utf8').catch(() => null)) === seen) await rm(path, { force: true });
      } finally {
        await rm(takeover, { force: true });
      }
      continue;
    }
    const age = await stat(takeover).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > ABANDONED_TAKEOVER_MS) await rm(takeover, { force: true });
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
  throw new Error(`could not lock the data folder ${dataDir}`);
}
