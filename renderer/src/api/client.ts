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
 * The browser mode's token arrives in the URL fragment (never sent to a server or logged), is
 * kept for this tab, and goes with every API call.
 */
function browserToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Where the browser mode's server answers a channel, and the headers it wants. */
function httpRequest(channel: ChannelName, input: unknown, token: string): [string, RequestInit] {
  return [`./api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': token }, body: JSON.stringify(input) }];
}

/** A reply that says no. */
export type Refusal = Extract<Reply<never>, { ok: false }>;

const OFFLINE: Refusal = { ok: false, code: 'offline', error: 'Isnad’s local server is not answering: is `npm run web` still running?' };

function httpApi(token: string): IsnadApi {
  const api: Partial<Record<ChannelName, (input: unknown) => Promise<Reply<unknown>>>> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channel] = async (input) => {
      let response: Response;
      try {
        response = await fetch(...httpRequest(channel, input, token));
      } catch {
        return OFFLINE;
      }
      return replyFromBody(await response.json().catch(() => null), response.status);
    };
  }
  return api as IsnadApi;
}

const token = window.isnad ? '' : browserToken();

/**
 * The browser mode's raw reply to a channel: its bytes and HTTP status, for a caller that reads
 * a large reply off the main thread (load-comparison.ts). Null in the desktop app, where replies
 * come through the preload already parsed.
 */
export async function rawReply(channel: ChannelName, input: unknown): Promise<{ bytes: ArrayBuffer; status: number } | Refusal | null> {
  if (window.isnad) return null;
  try {
    const response = await fetch(...httpRequest(channel, input, token));
    return { bytes: await response.arrayBuffer(), status: response.status };
  } catch {
    return OFFLINE;
  }
}

export const api: IsnadApi = window.isnad ?? httpApi(token);
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
