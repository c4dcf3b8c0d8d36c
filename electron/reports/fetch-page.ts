import { MAX_MARKUP_BYTES } from './import-limits';

/** A page still arriving after this long is given up on. */
export const FETCH_TIME_LIMIT_MS = 20_000;

/** Why a page could not be fetched, with a code for the UI and the tests. */
export class FetchPageError extends Error {
  constructor(
    message: string,
    readonly code: 'fetch-failed' | 'fetch-timeout' | 'fetch-status' | 'fetch-too-large' | 'fetch-not-html',
  ) {
    super(message);
    this.name = 'FetchPageError';
  }
}

export interface FetchedPage {
  html: string;
  /** Where the page was found, after redirects. */
  url: string;
  fetchedAt: string;
  /** A plain-text page is imported as written; anything else is HTML. */
  plainText: boolean;
}

export interface FetchOptions {
  timeLimitMs?: number;
  maxBytes?: number;
}

const ACCEPTED_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'];

function charsetOf(contentType: string): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    new TextDecoder(charset);
    return charset;
  } catch {
    return 'utf-8';
  }
}

/**
 * Fetches an article page over http or https as a reader would, but with nothing of the reader's:
 * no cookies sent or kept, no credentials, no referrer. Gives up after a time limit and past the
 * size Isnad extracts articles from (read as it arrives, so a huge page is never held whole).
 */
export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeLimitMs = options.timeLimitMs ?? FETCH_TIME_LIMIT_MS;
  const maxBytes = options.maxBytes ?? MAX_MARKUP_BYTES;
  const url = new URL(address);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchPageError(`${url.protocol} addresses cannot be fetched; give an http or https address`, 'fetch-failed');
  if (url.username || url.password) throw new FetchPageError('the address carries a user name or password; give the article address without them', 'fetch-failed');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeLimitMs);
  const fetchedAt = new Date().toISOString();
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'follow',
        headers: { Accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5', 'User-Agent': 'Isnad (fact-check workbench)' },
      });
    } catch (error) {
      if (controller.signal.aborted) throw new FetchPageError(`${url.host} did not answer within ${timeLimitMs / 1000} seconds`, 'fetch-timeout');
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new FetchPageError(`could not reach ${url.host}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, 'fetch-failed');
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchPageError(`${url.host} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url.pathname}`, 'fetch-status');
    }
    const contentType = response.headers.get('content-type') ?? 'text/html';
    if (!ACCEPTED_TYPES.some((type) => contentType.toLowerCase().startsWith(type))) {
      await response.body?.cancel();
      throw new FetchPageError(`${url.host} sent ${contentType.split(';')[0]}, not an article page`, 'fetch-not-html');
    }
    const declared = Number(response.headers.get('content-length'));
    const tooLarge = () => new FetchPageError(`the page at ${url.host} is larger than ${maxBytes / 1048576} MB, the most Isnad reads an article from`, 'fetch-too-large');
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    const reader = response.body?.getReader();
    try {
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > maxBytes) {
          await reader.cancel();
          throw tooLarge();
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof FetchPageError) throw error;
      if (controller.signal.aborted) throw new FetchPageError(`${url.host} did not finish sending the page within ${timeLimitMs / 1000} seconds`, 'fetch-timeout');
      throw new FetchPageError(`the page at ${url.host} was cut off: ${(error as Error).message}`, 'fetch-failed');
    }
    const html = new TextDecoder(charsetOf(contentType)).decode(Buffer.concat(chunks));
    return { html, url: response.url || url.href, fetchedAt, plainText: contentType.toLowerCase().startsWith('text/plain') };
  } finally {
    clearTimeout(timer);
  }
}
