import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { formatZodError } from '../../shared/model/format-error';
import type { RefusedEvent } from '../../shared/model/incoming-events';
import { writeFileAtomic } from '../store/atomic-json-file';

/**
 * A data folder's desk: which server, which story, which credentials (`desk.json`), and how far it
 * has synced (`desk-sync.json`). Both live in the data folder, beside the log they serve; the
 * credentials stay in their own file, named here, never copied in.
 */
export const DESK_FILE = 'desk.json';
export const DESK_SYNC_FILE = 'desk-sync.json';

/** A story id names the stream and its subjects, so it is one NATS subject token. */
export const STORY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const serverUrl = z
  .string()
  .min(1)
  .max(2000)
  .refine((value) => value.split(',').every((url) => /^(nats|tls):\/\/[^\s/]+$/.test(url.trim())), 'a server URL is nats://host:port or tls://host:port (several joined by commas)');

export const deskConfigSchema = z.object({
  kind: z.literal('isnad-desk'),
  schemaVersion: z.literal(1),
  server: serverUrl,
  story: z.string().regex(STORY_ID_PATTERN, 'a story id is 1 to 64 letters, digits, "-" or "_"'),
  /** Absolute path of the NATS credentials file. */
  creds: z.string().min(1),
  /** The editor working in this folder, whose name goes on its events (settings are shared). */
  editor: z.string().trim().min(1).max(120).nullable().default(null),
  joinedAt: z.string(),
});
export type DeskConfig = z.infer<typeof deskConfigSchema>;

export interface DeskProgress {
  kind: 'isnad-desk-sync';
  schemaVersion: 1;
  /** The last stream message read. */
  streamSeq: number;
  /** Every local event up to this one is on the stream. */
  publishedUpTo: number;
  lastSync: string | null;
  /** The latest refusals (newest last), with the stream message that held each. */
  refused: (RefusedEvent & { streamSeq: number | null; at: string })[];
}

const progressSchema = z.object({
  kind: z.literal('isnad-desk-sync'),
  schemaVersion: z.literal(1),
  streamSeq: z.number().int().nonnegative(),
  publishedUpTo: z.number().int().nonnegative(),
  lastSync: z.string().nullable(),
  refused: z.array(z.object({ hash: z.string().nullable(), editor: z.string().nullable(), reason: z.string(), streamSeq: z.number().nullable(), at: z.string() })),
});

/** Refusals kept for `desk status` and the status bar. */
export const REFUSED_KEPT = 200;

export function newDeskConfig(input: { server: string; story: string; creds: string; editor?: string | null }, now: Date, cwd = process.cwd()): DeskConfig {
  const config = { kind: 'isnad-desk' as const, schemaVersion: 1 as const, server: input.server.trim(), story: input.story, creds: isAbsolute(input.creds) ? input.creds : resolve(cwd, input.creds), editor: input.editor ?? null, joinedAt: now.toISOString() };
  const parsed = deskConfigSchema.safeParse(config);
  if (!parsed.success) throw new Error(formatZodError(parsed.error));
  return parsed.data;
}

/** The folder's desk, or null when it has none (it works alone). */
export async function readDeskConfig(dataDir: string): Promise<DeskConfig | null> {
  const path = join(dataDir, DESK_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); join the desk again to rewrite it`);
  }
  const parsed = deskConfigSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${path} is not a desk configuration: ${formatZodError(parsed.error)}; join the desk again to rewrite it`);
  return parsed.data;
}

export async function writeDeskConfig(dataDir: string, config: DeskConfig): Promise<void> {
  await writeFileAtomic(join(dataDir, DESK_FILE), `${JSON.stringify(config, null, 2)}\n`);
}

export function emptyProgress(): DeskProgress {
  return { kind: 'isnad-desk-sync', schemaVersion: 1, streamSeq: 0, publishedUpTo: 0, lastSync: null, refused: [] };
}

/** How far the folder has synced; a missing or unreadable file starts over (a sync is idempotent). */
export async function readDeskProgress(dataDir: string): Promise<DeskProgress> {
  try {
    const parsed = progressSchema.safeParse(JSON.parse(await readFile(join(dataDir, DESK_SYNC_FILE), 'utf8')));
    return parsed.success ? parsed.data : emptyProgress();
  } catch {
    return emptyProgress();
  }
}

export async function writeDeskProgress(dataDir: string, progress: DeskProgress): Promise<void> {
  await writeFileAtomic(join(dataDir, DESK_SYNC_FILE), JSON.stringify(progress));
}

export function streamName(story: string): string {
  return `ISNAD_${story}`;
}

/** Events go to `isnad.<story>.<event type>`, so the server can allow a reviewer some types only. */
export function eventSubject(story: string, type: string): string {
  return `isnad.${story}.${type}`;
}
