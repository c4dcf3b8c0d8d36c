/**
 * The page may run only its own scripts and load only its own files: no remote content, no
 * inline script, no plugins, no framing. Electron sets it for app:// and the browser mode for HTTP.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
