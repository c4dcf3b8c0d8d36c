import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/content-security-policy';
import type { Dispatch } from '../handlers/dispatch';
import { hostIsAllowed, originIsAllowed, tokenMatches } from './request-guard';
import { readStaticFile } from './static-files';
import { MAX_STREAMS, NotificationStreams, type NotificationSource } from './notification-stream';

/** Imports can be large (a 50 MB transcript); anything beyond this is refused before it is read. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * How long a connection may take before it is cut, and how many may be open at once. An API call
 * from the app arrives in milliseconds; a client that opens connections and sends nothing, or a
 * body a byte at a time, would otherwise hold a file descriptor each for minutes. The defaults
 * leave room for a 64 MB body on a slow machine and for the longest import (see the extraction
 * worker's time limit).
 */
export interface ConnectionLimits {
  /** The request line and headers must have arrived within this. */
  headersTimeoutMs: number;
  /** The whole request, body included, must have arrived within this. */
  requestTimeoutMs: number;
  /** A kept-alive connection with no new request is closed after this. */
  keepAliveTimeoutMs: number;
  /** A connection on which nothing moves either way for this long is closed (a client that stops reading). */
  idleTimeoutMs: number;
  /** Connections beyond this are closed as they arrive. The app needs a handful. */
  maxConnections: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 120_000,
  maxConnections: 128,
};

export interface WebServerOptions {
  dispatch: Dispatch;
  /** The built renderer (build/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed in tests; otherwise random per start. */
  token?: string;
  /** Tests shorten them; see DEFAULT_CONNECTION_LIMITS. */
  limits?: Partial<ConnectionLimits>;
  /** The contract's notifications, streamed to the pages at GET /api/notifications. */
  notifications?: NotificationSource;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/**
 * Answers a refused request and closes its connection: a client without the token, from another
 * host or site, or sending the wrong thing gets its answer and nothing more to hold on to.
 */
function refuse(response: ServerResponse, status: number, value: { ok: false; code: string; error: string }): void {
  response.shouldKeepAlive = false;
  sendJson(response, status, value);
}

class BodyTooLargeError extends Error {}

/** A refused body is still read and dropped up to this size; past it the connection is cut. */
const MAX_DRAINED_BYTES = 4 * MAX_BODY_BYTES;

/**
 * Reads at most MAX_BODY_BYTES. A larger body, declared or actual, is refused at once and never
 * kept, but the rest of it is still read and dropped, on an open connection: closing it while the
 * client is still sending would cut the upload (EPIPE) before the client reads the 413.
 */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | null = [];
    let size = 0;
    const refuse = () => {
      chunks = null;
      reject(new BodyTooLargeError());
    };
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) refuse();
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAINED_BYTES) request.destroy();
      else if (chunks && size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (chunks) refuse();
    });
    // A promise settles once: after a refusal, the end of the body only finishes the draining.
    // The connection stays usable (the client was told it could keep it) until the keep-alive
    // timeout; the draining itself is bounded by MAX_DRAINED_BYTES and the request timeout.
    request.on('end', () => chunks && resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** "application/json" with or without parameters (charset), and nothing that merely starts so. */
function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * The browser mode: serves the renderer and the contract over HTTP on 127.0.0.1 only. Every API
 * call needs the token printed at start, a Host naming this server (against DNS rebinding) and,
 * from a browser, our own Origin. It calls the same dispatch as Electron's IPC.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port;
  const streams = options.notifications ? new NotificationStreams(options.notifications) : null;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!hostIsAllowed(request, port)) return refuse(response, 421, { ok: false, code: 'bad-host', error: 'unexpected Host header' });
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);

    // The one GET of the API: a stream of notifications, guarded like the calls.
    if (url.pathname === '/api/notifications' && request.method === 'GET' && streams) {
      if (!tokenMatches(request, token)) return refuse(response, 401, { ok: false, code: 'unauthorized', error: 'missing or wrong token: open the URL Isnad printed at start' });
      if (!originIsAllowed(request, port)) return refuse(response, 403, { ok: false, code: 'bad-origin', error: 'calls from other sites are refused' });
      if (!streams.serve(response, SECURITY_HEADERS)) return refuse(response, 429, { ok: false, code: 'too-many-streams', error: `at most ${MAX_STREAMS} pages can follow the story at once` });
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return refuse(response, 405, { ok: false, code: 'method', error: 'API calls use POST' });
      if (!tokenMatches(request, token)) return refuse(response, 401, { ok: false, code: 'unauthorized', error: 'missing or wrong token: open the URL Isnad printed at start' });
      if (!originIsAllowed(request, port)) return refuse(response, 403, { ok: false, code: 'bad-origin', error: 'calls from other sites are refused' });
      if (!isJson(request.headers['content-type'])) {
        return refuse(response, 415, { ok: false, code: 'content-type', error: 'send JSON (Content-Type: application/json)' });
      }
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return refuse(response, 404, { ok: false, code: 'unknown-channel', error: 'malformed call name' });
      }
      let input: unknown;
      try {
        input = JSON.parse(await readBody(request));
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          return sendJson(response, 413, { ok: false, code: 'too-large', error: `request larger than ${MAX_BODY_BYTES / 1048576} MB` });
        }
        return refuse(response, 400, { ok: false, code: 'invalid-json', error: 'the request body is not valid JSON' });
      }
      const reply = await options.dispatch(channel, input);
      return sendJson(response, 200, reply);
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'method not allowed');
    const file = await readStaticFile(options.staticDir, url.pathname);
    if (file) return send(response, 200, file.type, file.body);
    // The app has one page; unknown paths get it too, so a reload anywhere works.
    const index = await readStaticFile(options.staticDir, '/index.html');
    if (index) return send(response, url.pathname.includes('.') ? 404 : 200, index.type, index.body);
    return send(response, 500, 'text/plain; charset=utf-8', `the renderer is not built: run "npm run build" (looked in ${options.staticDir})`);
  };

  // A failure inside a request must not become an unhandled rejection, which would end the process.
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node checks the two timeouts above on this interval (30 s by default, too coarse for them).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, { ok: false, code: 'internal', error: 'the local server failed on this request' });
        else response.destroy(error as Error);
      });
    },
  );
  server.maxConnections = limits.maxConnections;
  // Inactivity either way, in any state (a client that stops reading a large answer, say).
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
