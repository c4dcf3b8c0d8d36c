import type { ChannelInput, ComparisonView } from '../../../shared/contract/channels';
import type { ComparisonWorkerRequest } from '../workbench/comparison-worker';
import { rememberIndex } from '../workbench/comparison-index';
import { readComparison, type ReadComparison } from '../workbench/read-comparison';
import { ApiError, call, rawReply } from './client';

/**
 * `compare:run` for the workbench. In the browser mode the reply's bytes go to a worker, which
 * parses and indexes them (read-comparison.ts): for two long reports that is most of the work
 * of opening them, and it no longer holds up the main thread. Where no worker can start, the same
 * code runs here. The desktop app's replies arrive through the preload already parsed; there the
 * index is built on first use, as before.
 */
export async function loadComparison(input: ChannelInput<'compare:run'>): Promise<ComparisonView> {
  const raw = await rawReply('compare:run', input);
  if (raw === null) return call('compare:run', input);
  if ('error' in raw) throw new ApiError(raw.code, raw.error);
  const { reply, index } = (await readInWorker(raw.bytes, raw.status)) ?? readComparison(raw.bytes, raw.status);
  if (!reply.ok) throw new ApiError(reply.code, reply.error);
  if (index) rememberIndex(reply.value, index);
  return reply.value;
}

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, (answer: ReadComparison | null) => void>();

function comparisonWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('../workbench/comparison-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return (worker = null);
  }
  worker.onmessage = ({ data }: MessageEvent<ReadComparison & { id: number }>) => {
    waiting.get(data.id)?.(data);
    waiting.delete(data.id);
  };
  // A worker that cannot load (a policy, a missing file) is not tried again: the callers waiting on
  // it read their replies here instead.
  worker.onerror = () => {
    worker = null;
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  };
  return worker;
}

/** The reply read in the worker, or null when there is none to read it. */
function readInWorker(bytes: ArrayBuffer, status: number): Promise<ReadComparison | null> {
  const target = comparisonWorker();
  if (!target) return Promise.resolve(null);
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    // A copy, not a transfer: should the worker fail, the bytes are still here to read.
    target.postMessage({ id, bytes, status } satisfies ComparisonWorkerRequest);
  });
}
