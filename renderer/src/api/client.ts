import { CHANNEL_NAMES, type ChannelInput, type ChannelName, type ChannelResult, type IsnadApi, type Reply } from '../../../shared/contract/channels';
import type { DesktopApi, PreloadApi } from '../../../shared/contract/desktop';

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

function httpApi(): IsnadApi {
  const token = browserToken();
  const api: Partial<Record<ChannelName, (input: unknown) => Promise<Reply<unknown>>>> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channel] = async (input) => {
      let response: Response;
      try {
        response = await fetch(`./api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': token },
          body: JSON.stringify(input),
        });
      } catch {
        return { ok: false, code: 'offline', error: 'Isnad’s local server is not answering: is `npm run web` still running?' };
      }
      const reply = (await response.json().catch(() => null)) as Reply<unknown> | null;
      return reply ?? { ok: false, code: `http-${response.status}`, error: `the server answered ${response.status}` };
    };
  }
  return api as IsnadApi;
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
