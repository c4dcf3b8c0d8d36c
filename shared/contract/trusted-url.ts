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

/**
 * A plain http(s) address, as an editor would type a newsroom's site: it parses as http or https
 * with a host, names no user or password, and holds none of the characters that only a trick
 * needs (spaces, control and bidi characters, quotes, `<`, `>`, backslashes, `{ } | ^` and the
 * backtick). `https://desk.example/</script><script>…` parses as a URL, but is not plain.
 */
export function isPlainHttpUrl(candidate: unknown): boolean {
  if (!isSafeExternalUrl(candidate)) return false;
  if (/[\s\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>"'`\\{}|^]/.test(candidate)) return false;
  const url = new URL(candidate);
  return url.username === '' && url.password === '';
}

/** The scheme and host the Electron window loads the app from. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://isnad';
