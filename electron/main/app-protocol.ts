import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/content-security-policy';
import { APP_SCHEME } from '../../shared/contract/trusted-url';

/** Must run before the app is ready: app:// behaves like a secure web origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves the built renderer at app://isnad/ instead of file://, so the page has an origin of its
 * own (file:// pages share one with every local file) and a CSP header on every response.
 */
export function serveAppScheme(rendererDir: string): void {
  const root = normalize(rendererDir + sep);
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname, host } = new URL(request.url);
    const path = normalize(join(root, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    if (host !== 'isnad' || !path.startsWith(root)) return new Response('not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(path).toString()).catch(() => null);
    if (!file || !file.ok) return new Response('not found', { status: 404 });
    const headers = new Headers(file.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(file.body, { status: 200, headers });
  });
}
