/**
 * Whether a link may be handed to the system browser: http(s) only, checked with a URL parser.
 * A prefix test such as startsWith('https:') would pass "https:evil" tricks, and anything else
 * (javascript:, file:, smb:, custom schemes) can run code or leak credentials.
 */
export function isSafeExternalUrl(candidate: unknown): candidate is string {
  if (typeof candidate !== 'string' || candidate.length > 4096) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/** The scheme and host the Electron window loads the app from. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://isnad';
