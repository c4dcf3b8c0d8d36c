import { CHANNEL_NAMES, type ChannelInput, type ChannelName, type ChannelResult, type IsnadApi, type Reply } from '../../../shared/contract/channels';
import type { DesktopApi, PreloadApi } from '../../../shared/contract/desktop';
import { replyFromBody } from './reply-from-body';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser mode. */
    isnad?: PreloadApi;
  }
}

const TOKEN_KEY = 'isnad-token';

/**
 * Takes a token from the URL fragment into this tab's storage and out of the address bar.
 * The browser mode's token arrives there (never sent to a server or logged).
 */
export function takeTokenFromHash(): boolean {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return false;
  sessionStorage.setItem(TOKEN_KEY, match[1]);
  history.replaceState(null, '', window.location.pathname + window.location.search);
  return true;
}

/**
 * Where the browser mode's server answers a channel, and the headers it wants. The token is read
 * per call, never kept from the first load: a restarted server's new one replaces it.
 */
function httpRequest(channel: ChannelName, input: unknown): [string, RequestInit] {
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  return [`./api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': token }, body: JSON.stringify(input) }];
}

/** The browser mode's notification stream, with this tab's token (read when the stream is opened). */
export function notificationRequest(signal: AbortSignal): [string, RequestInit] {
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  return ['./api/notifications', { method: 'GET', headers: { 'X-Isnad-Token': token }, signal, cache: 'no-store' }];
}

/** A reply that says no. */
export type Refusal = Extract<Reply<never>, { ok: false }>;

/** Said in the editor's language where it is shown (error-text.ts), by its code. */
const OFFLINE: Refusal = { ok: false, code: 'offline', error: 'offline' };

function httpApi(): IsnadApi {
  takeTokenFromHash();
  // A restarted server prints a new URL that differs only in its fragment: pasting it into the
  // same tab changes the hash without loading the page, so the new token is taken then, and the
  // page starts again with it.
  window.addEventListener('hashchange', () => {
    if (takeTokenFromHash()) window.location.reload();
  });
  const api: Partial<Record<ChannelName, (input: unknown) => Promise<Reply<unknown>>>> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channel] = async (input) => {
      let response: Response;
      try {
        response = await fetch(...httpRequest(channel, input));
      } catch {
        return OFFLINE;
      }
      return replyFromBody(await response.json().catch(() => null), response.status);
    };
  }
  return api as IsnadApi;
}

/**
 * The browser mode's raw reply to a channel: its bytes and HTTP status, for a caller that reads
 * a large reply off the main thread (load-comparison.ts). Null in the desktop app, where replies
 * come through the preload already parsed.
 */
export async function rawReply(channel: ChannelName, input: unknown): Promise<{ bytes: ArrayBuffer; status: number } | Refusal | null> {
  if (window.isnad) return null;
  try {
    const response = await fetch(...httpRequest(channel, input));
    return { bytes: await response.arrayBuffer(), status: response.status };
  } catch {
    return OFFLINE;
  }
}

export const api: IsnadApi = window.isnad ?? httpApi();
export const desktop: DesktopApi | null = window.isnad?.desktop ?? null;

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls a channel and unwraps the reply, throwing ApiError on a refusal. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
  const reply = await api[channel](input);
  if (!reply.ok) throw new ApiError(reply.code, reply.error);
  return reply.value;
}
