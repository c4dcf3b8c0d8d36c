import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { NewerSchemaError } from '../../shared/model/migrations';

/** A file exists but is not what it should be. The store moves it aside; it never overwrites it. */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

/** Temp files are `<name>.<random>.tmp`: each write has its own, so no two writes share one. */
export const TEMP_SUFFIX = '.tmp';

/**
 * lowdb adapter for one JSON file, written atomically and durably.
 *
 * lowdb's own JSONFile writes through one fixed temp name, so two writers race on it, and its
 * read() throws on bad JSON, after which a write() replaces the user's file with defaults. Here a
 * write goes to a temp file of its own, is fsynced, then renamed over the target, so a reader or a
 * crash sees the old file or the new one, never half of one. A file that does not parse or
 * validate raises UnreadableFileError for the store to handle.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly validate: (value: unknown) => T,
  ) {}

  async read(): Promise<T | null> {
    let source: string;
    try {
      source = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch (error) {
      const reason = source.trim() === '' ? 'the file is empty' : `not valid JSON (${(error as Error).message})`;
      throw new UnreadableFileError(this.path, reason);
    }
    try {
      return this.validate(json);
    } catch (error) {
      // A newer schema is readable, just not by us: the file must stay where it is.
      if (error instanceof NewerSchemaError) throw error;
      throw new UnreadableFileError(this.path, (error as Error).message);
    }
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(data));
  }
}

/**
 * `durable: false` skips the fsyncs: the file is still replaced whole or not at all, but a crash
 * may leave the old one. For files that may lag behind (the head checkpoint), never for the log.
 */
export async function writeFileAtomic(path: string, content: string, options: { durable?: boolean } = {}): Promise<void> {
  const durable = options.durable ?? true;
  const temp = `${path}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    if (durable) await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (durable) await syncDirectory(dirname(path));
}

/** Makes a rename durable. Some platforms (Windows) cannot open a directory; there it is a no-op. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here; the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
}
