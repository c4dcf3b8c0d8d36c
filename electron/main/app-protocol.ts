import { net, protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/content-security-policy';
import { APP_SCHEME } from '../../shared/contract/trusted-url';
import { isAppUrl } from './app-url';
import { resolveRendererFile } from './renderer-file';

/** Must run before the app is ready: app:// behaves like a secure web origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves the built renderer at app://isnad/ instead of file://, so the page has an origin of its
 * own (file:// pages share one with every local file) and a CSP header on every response.
 */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = isAppUrl(request.url) ? resolveRendererFile(rendererDir, new URL(request.url).pathname) : null;
    if (!path) return new Response('not found', { status: 404 });
    const file = await net.fetch(path.url).catch(() => null);
    if (!file || !file.ok) return new Response('not found', { status: 404 });
    const headers = new Headers(file.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(file.body, { status: 200, headers });
  });
}
