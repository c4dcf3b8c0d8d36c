import type { ComparisonView, Reply } from '../../../shared/contract/channels';
import { replyFromBody } from '../api/reply-from-body';
import { indexComparison, type ComparisonIndex } from './comparison-index';

/** A comparison read from the browser-mode server's reply, with its index built. */
export interface ReadComparison {
  reply: Reply<ComparisonView>;
  /** Null when the reply is a refusal. */
  index: ComparisonIndex | null;
}

/**
 * Decodes and parses the reply to `compare:run` and indexes the comparison: for two long reports,
 * megabytes of JSON and thousands of claims. It runs in comparison-worker.ts, off the main thread;
 * the main thread receives the result ready to draw.
 */
export function readComparison(bytes: ArrayBuffer, status: number): ReadComparison {
  let body: unknown = null;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    // Not JSON: replyFromBody names the HTTP status instead.
  }
  const reply = replyFromBody<ComparisonView>(body, status);
  return { reply, index: reply.ok ? indexComparison(reply.value) : null };
}
