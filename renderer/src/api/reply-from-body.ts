import type { Reply } from '../../../shared/contract/channels';

/**
 * A browser-mode reply body, already read as JSON (null when it was not JSON). A body that is not
 * a reply (a proxy's error page, an empty 413) becomes a refusal naming the HTTP status.
 */
export function replyFromBody<T>(body: unknown, status: number): Reply<T> {
  return (body as Reply<T> | null) ?? { ok: false, code: `http-${status}`, error: `http ${status}` };
}
