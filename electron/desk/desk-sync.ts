import { DeliverPolicy } from '@nats-io/jetstream';
import { checkIncoming, type RefusedEvent } from '../../shared/model/incoming-events';
import { nodeLogCrypto } from '../crypto/ed25519';
import type { IsnadStore } from '../store/store';
import { eventSubject, readDeskProgress, REFUSED_KEPT, writeDeskProgress, type DeskConfig, type DeskProgress } from './desk-config';
import { DeskError, type DeskConnection } from './desk-connection';

export interface SyncReport {
  /** Stream messages read. */
  read: number;
  /** Colleagues' events added to this folder. */
  added: number;
  /** This folder's events put on the stream (duplicates the server already held included). */
  published: number;
  refused: (RefusedEvent & { streamSeq: number | null })[];
  /** Colleagues' events held but not counted: the story's member list does not let their signer decide. */
  ignored: number;
  /** The stream's last message, all of which this folder has now seen. */
  streamSeq: number;
}

/** Publishes in flight at once: enough to fill the link, few enough to keep memory flat. */
const PUBLISH_WINDOW = 256;
/** Messages asked for per fetch. */
const FETCH_BATCH = 1000;

export interface SyncHooks {
  /** Called as work is found and done, for the status bar: events still to exchange. */
  progress?(pending: number): void;
  /** Refuses an event on the story's rules (a reviewer's status change). */
  permits?: Parameters<typeof checkIncoming>[1]['permits'];
}

/**
 * One exchange with the story's stream, in two halves. First every message after the last one
 * read is fetched, checked (`checkIncoming`) and the good ones added; then every event of this
 * folder not yet on the stream is published with its hash as the message id, so a retry after a
 * lost acknowledgement is not stored twice. Progress is saved after each half: an interrupted
 * sync is simply run again, and exchanges only what is still missing.
 */
export async function syncDesk(store: IsnadStore, config: DeskConfig, connection: DeskConnection, hooks: SyncHooks = {}): Promise<SyncReport> {
  const progress = await readDeskProgress(store.dataDir);
  const report: SyncReport = { read: 0, added: 0, published: 0, refused: [], ignored: 0, streamSeq: progress.streamSeq };
  const fromStream = new Set<string>();
  await pull(store, connection, progress, report, fromStream, hooks);
  await writeDeskProgress(store.dataDir, progress);
  await push(store, config, connection, progress, report, fromStream, hooks);
  progress.lastSync = new Date().toISOString();
  await writeDeskProgress(store.dataDir, progress);
  hooks.progress?.(0);
  return report;
}

async function pull(store: IsnadStore, connection: DeskConnection, progress: DeskProgress, report: SyncReport, fromStream: Set<string>, hooks: SyncHooks): Promise<void> {
  const info = await connection.jsm.streams.info(connection.stream);
  const last = info.state.last_seq;
  if (last <= progress.streamSeq) return;
  hooks.progress?.(last - progress.streamSeq);
  const consumer = await connection.js.consumers.get(connection.stream, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: progress.streamSeq + 1 });
  const raws: unknown[] = [];
  const streamSeqOf = new Map<string, number>();
  const refuse = (refused: RefusedEvent, streamSeq: number | null) => {
    report.refused.push({ ...refused, streamSeq });
    progress.refused.push({ ...refused, streamSeq, at: new Date().toISOString() });
  };
  let seq = progress.streamSeq;
  while (seq < last) {
    const before = seq;
    const messages = await consumer.fetch({ max_messages: Math.min(FETCH_BATCH, last - seq), expires: 5000 });
    for await (const message of messages) {
      seq = message.seq;
      report.read++;
      let raw: unknown;
      try {
        raw = message.json();
      } catch {
        refuse({ hash: null, editor: null, reason: 'not an event (not valid JSON)' }, message.seq);
        continue;
      }
      const hash = (raw as { hash?: unknown } | null)?.hash;
      if (typeof hash === 'string') {
        fromStream.add(hash);
        if (!streamSeqOf.has(hash)) streamSeqOf.set(hash, message.seq);
      }
      raws.push(raw);
      if (seq >= last) break;
    }
    if (seq === before) throw new DeskError(`the desk server stopped sending the story's events at message ${seq} of ${last}; run the sync again`);
    hooks.progress?.(last - seq);
  }
  const check = checkIncoming(raws, { holds: (hash) => store.state.dag.has(hash), keys: store.state.keys, permits: hooks.permits }, nodeLogCrypto);
  for (const refused of check.refused) refuse(refused, refused.hash ? (streamSeqOf.get(refused.hash) ?? null) : null);
  for (const event of check.waiting) refuse({ hash: event.hash, editor: event.editor, reason: 'follows events the story\'s stream does not hold' }, streamSeqOf.get(event.hash) ?? null);
  // In stream order, as an editor reading the stream would meet them.
  report.refused.sort((a, b) => (a.streamSeq ?? 0) - (b.streamSeq ?? 0));
  progress.refused.sort((a, b) => (a.streamSeq ?? 0) - (b.streamSeq ?? 0));
  progress.refused = progress.refused.slice(-REFUSED_KEPT);
  if (check.accepted.length > 0) {
    const ignoredBefore = new Set(store.state.ignored.map((event) => event.hash));
    report.added = (await store.addVerified(check.accepted)).length;
    report.ignored = store.state.ignored.filter((event) => !ignoredBefore.has(event.hash)).length;
  }
  progress.streamSeq = seq;
  report.streamSeq = seq;
}

async function push(store: IsnadStore, config: DeskConfig, connection: DeskConnection, progress: DeskProgress, report: SyncReport, fromStream: Set<string>, hooks: SyncHooks): Promise<void> {
  const stored = await store.storedAfter(progress.publishedUpTo);
  const local = stored.filter((event) => !fromStream.has(event.hash));
  if (local.length === 0) {
    progress.publishedUpTo = Math.max(progress.publishedUpTo, stored.at(-1)?.seq ?? 0);
    return;
  }
  const maxPayload = connection.nc.info?.max_payload ?? Number.POSITIVE_INFINITY;
  hooks.progress?.(local.length);
  // In the order stored, which puts parents first: a colleague reading the stream in order never
  // meets an event before the ones it follows.
  const inFlight = new Set<Promise<void>>();
  let failure: Error | null = null;
  const acked = new Set<number>();
  for (const event of local) {
    if (failure) break;
    if ((event.v ?? 1) < 3) {
      throw new DeskError(`event #${event.seq} is of the single chain from before shared stories (version ${event.v ?? 1}) and cannot be shared; a desk story starts from a folder whose history is all shared events`);
    }
    const { seq, ...shared } = event;
    const data = new TextEncoder().encode(JSON.stringify(shared));
    if (data.length > maxPayload) throw new DeskError(`event #${seq} (${event.type}, ${(data.length / 1e6).toFixed(1)} MB) is larger than the desk server accepts (max_payload ${(maxPayload / 1e6).toFixed(1)} MB): raise max_payload in the server's configuration`);
    const sent = connection.js
      .publish(eventSubject(config.story, event.type), data, { msgID: event.hash })
      .then(() => {
        acked.add(seq);
        report.published++;
      })
      .catch((error: Error) => {
        failure ??= error;
      });
    const tracked = sent.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= PUBLISH_WINDOW) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  // Everything up to the first unacknowledged event counts as published; the rest goes next time.
  let upTo = progress.publishedUpTo;
  for (const event of stored) {
    if (fromStream.has(event.hash) || acked.has(event.seq)) upTo = event.seq;
    else break;
  }
  progress.publishedUpTo = upTo;
  if (failure) {
    await writeDeskProgress(store.dataDir, progress);
    throw new DeskError(`publishing to the desk server failed after ${report.published} of ${local.length} events (${(failure as Error).message.split('\n')[0]}); run the sync again to send the rest`);
  }
}
