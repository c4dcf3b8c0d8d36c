import { APP_ORIGIN, APP_SCHEME } from '../../shared/contract/trusted-url';

const APP_HOST = new URL(APP_ORIGIN).host;

/**
 * Whether a URL is one of our own pages (app://isnad/…). Not `new URL(url).origin === APP_ORIGIN`:
 * the WHATWG parser in the main process gives a custom scheme an opaque origin, "null", so that
 * comparison would refuse our own window and a sloppier one ("null" === "null") would accept any.
 * Scheme and host are compared instead, and any user, password or port disqualifies the URL.
 */
export function isAppUrl(candidate: unknown): boolean {
  if (typeof candidate !== 'string') return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '' && url.port === '';
}
