import { readComparison } from './read-comparison';

/**
 * A worker that reads and indexes comparisons (read-comparison.ts), so the main thread never
 * parses the JSON of two 50,000-word reports. Structured cloning keeps the index's links to the
 * view's claims and matches: the main thread gets one object graph, as if it had built it.
 */
export interface ComparisonWorkerRequest {
  id: number;
  bytes: ArrayBuffer;
  status: number;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<ComparisonWorkerRequest>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = ({ data }) => {
  scope.postMessage({ id: data.id, ...readComparison(data.bytes, data.status) });
};
