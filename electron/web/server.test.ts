import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppSnapshot } from '../../shared/contract/channels';
import { openAppContext, type AppContext } from '../app-context';
import { MAX_BODY_BYTES, startWebServer, type WebServer } from './server';

/**
 * The browser mode's door, tried the way an attacker would: a page on another site, a DNS
 * rebinding page, a process on another machine, a client without the token. Each refused call
 * must leave the store exactly as it was.
 */

const SECRET = 'isnad-secret-outside-the-renderer-folder';

let root: string;
let context: AppContext;
let server: WebServer;

interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch: fetch will not send a forged Host header or a raw `..` path. */
function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

function api(channel: string, input: unknown, headers: Record<string, string> = {}): Promise<RawReply> {
  return raw(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': server.token, ...headers },
    body: JSON.stringify(input),
  });
}

async function snapshot(): Promise<AppSnapshot> {
  const reply = await api('app:load', {});
  expect(reply.status).toBe(200);
  const parsed = JSON.parse(reply.body) as { ok: true; value: AppSnapshot };
  expect(parsed.ok).toBe(true);
  return parsed.value;
}

/** Runs a refused call and checks that the log and the settings did not move. */
async function expectRefusedWithoutChange(attempt: () => Promise<RawReply>, status: number): Promise<RawReply> {
  const before = await snapshot();
  const headHash = context.store.state.headHash;
  const reply = await attempt();
  expect(reply.status).toBe(status);
  expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
  const after = await snapshot();
  expect(after.eventCount).toBe(before.eventCount);
  expect(after.settings).toEqual(before.settings);
  expect(after.reports).toEqual(before.reports);
  expect(context.store.state.headHash).toBe(headHash);
  return reply;
}

const renameEditor = { editorName: 'Intruder' };
const hostileImport = { content: 'Planted text', format: 'text', fileName: null, outlet: 'Planted', title: null, publishedAt: null, url: null, language: null, replaces: null };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'isnad-web-'));
  const staticDir = join(root, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Isnad</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("isnad");');
  await writeFile(join(root, 'secret.txt'), SECRET);
  context = await openAppContext({ dataDir: join(root, 'data'), sampleReportsDir: null });
  server = await startWebServer({ dispatch: context.dispatch, staticDir, port: 0 });
  // One authorized change, so "nothing changed" below compares against a non-empty log.
  expect((await api('settings:update', { editorName: 'Desk editor' })).status).toBe(200);
});

afterAll(async () => {
  await server?.close();
  await context?.close();
  await rm(root, { recursive: true, force: true });
});

describe('browser mode: where it listens', () => {
  it('prints a 127.0.0.1 URL with a fresh random token in the fragment', async () => {
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.hash).toBe(`#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    const other = await startWebServer({ dispatch: context.dispatch, staticDir: root, port: 0 });
    await other.close();
    expect(other.token).not.toBe(server.token);
  });

  it('cannot be reached on any address but 127.0.0.1', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal)
      .map((address) => address!.address);
    const refused = (host: string) =>
      new Promise<string>((resolve) => {
        const socket = connect({ host, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
    for (const host of [...external, '::1']) expect(await refused(host), host).not.toBe('connected');
    expect(await refused('127.0.0.1')).toBe('connected');
  });
});

describe('browser mode: the token', () => {
  it('answers a call that carries it', async () => {
    expect((await snapshot()).settings.editorName).toBe('Desk editor');
  });

  it('refuses a call without it with 401, and nothing changes', async () => {
    const reply = await expectRefusedWithoutChange(
      () => raw('/api/settings:update', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(renameEditor) }),
      401,
    );
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'unauthorized' });
  });

  it.each([
    ['a wrong token of the same length', () => 'x'.repeat(server.token.length)],
    ['a prefix of the token', () => server.token.slice(0, -1)],
    ['the token with a byte added', () => `${server.token}A`],
    ['the token in another case', () => server.token.toUpperCase() === server.token ? server.token.toLowerCase() : server.token.toUpperCase()],
    ['an empty token', () => ''],
  ])('refuses %s with 401, and nothing changes', async (_name, forged) => {
    await expectRefusedWithoutChange(() => api('settings:update', renameEditor, { 'X-Isnad-Token': forged() }), 401);
    await expectRefusedWithoutChange(() => api('reports:import', hostileImport, { 'X-Isnad-Token': forged() }), 401);
  });

  it('does not take the token from the query string or a cookie', async () => {
    await expectRefusedWithoutChange(
      () => raw(`/api/settings:update?token=${server.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: `token=${server.token}` }, body: JSON.stringify(renameEditor) }),
      401,
    );
  });
});

describe('browser mode: DNS rebinding and other sites', () => {
  it.each(['evil.example', 'isnad.evil.example', '127.0.0.1.evil.example', '127.0.0.1', 'localhost', '0.0.0.0'])(
    'refuses Host: %s:PORT (and any other port) even with the token',
    async (host) => {
      const hostHeader = ['127.0.0.1', 'localhost'].includes(host) ? `${host}:${server.port + 1}` : `${host}:${server.port}`;
      const reply = await expectRefusedWithoutChange(() => api('settings:update', renameEditor, { Host: hostHeader }), 421);
      expect(JSON.parse(reply.body)).toMatchObject({ code: 'bad-host' });
    },
  );

  it('does not serve the page to a rebinding host either', async () => {
    const reply = await raw('/', { headers: { Host: `evil.example:${server.port}` } });
    expect(reply.status).toBe(421);
    expect(reply.body).not.toContain('<title>Isnad</title>');
  });

  it('answers both of its own names', async () => {
    expect((await api('app:load', {}, { Host: `localhost:${server.port}` })).status).toBe(200);
    expect((await api('app:load', {}, { Host: `127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it.each(['http://evil.example', 'http://evil.example:80', 'null', 'https://127.0.0.1:1', 'file://'])('refuses Origin: %s with 403, and nothing changes', async (origin) => {
    const reply = await expectRefusedWithoutChange(() => api('settings:update', renameEditor, { Origin: origin }), 403);
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'bad-origin' });
  });

  it('accepts its own Origin', async () => {
    expect((await api('app:load', {}, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });
});

describe('browser mode: what a call may carry', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json-patch+json', 'application/jsonp'])(
    'refuses Content-Type: %s with 415, and nothing changes',
    async (type) => {
      await expectRefusedWithoutChange(() => api('settings:update', renameEditor, { 'Content-Type': type }), 415);
    },
  );

  it('accepts JSON with a charset', async () => {
    expect((await api('app:load', {}, { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('refuses a body declared larger than the limit with 413, before reading it', async () => {
    await expectRefusedWithoutChange(
      () =>
        new Promise<RawReply>((resolve, reject) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port: server.port,
              path: '/api/reports:import',
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': server.token, 'Content-Length': String(MAX_BODY_BYTES + 1) },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (chunk: Buffer) => chunks.push(chunk));
              res.on('end', () => {
                req.destroy();
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
              });
            },
          );
          req.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
          });
          // Only the start of the promised body is sent: the answer must not wait for the rest.
          req.write('{"content":"');
        }),
      413,
    );
  });

  it('refuses a streamed body that grows past the limit with 413, and nothing changes', async () => {
    const megabyte = Buffer.alloc(1024 * 1024, 'a');
    const reply = await expectRefusedWithoutChange(
      () =>
        new Promise<RawReply>((resolve, reject) => {
          const req = httpRequest(
            { host: '127.0.0.1', port: server.port, path: '/api/reports:import', method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': server.token, 'Transfer-Encoding': 'chunked' } },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (chunk: Buffer) => chunks.push(chunk));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
            },
          );
          req.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
          });
          req.write('{"content":"');
          const chunks = MAX_BODY_BYTES / megabyte.length + 1;
          const writeMore = (left: number): void => {
            if (left === 0) return void req.end('"}');
            if (req.write(megabyte)) writeMore(left - 1);
            else req.once('drain', () => writeMore(left - 1));
          };
          writeMore(chunks);
        }),
      413,
    );
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'too-large' });
  });

  it('refuses a body that is not JSON with 400', async () => {
    await expectRefusedWithoutChange(
      () => raw('/api/settings:update', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': server.token }, body: '{"editorName": "Intruder"' }),
      400,
    );
  });

  it('answers a malformed call name without falling over', async () => {
    const reply = await raw('/api/%E0%A4%A', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': server.token }, body: '{}' });
    expect(reply.status).toBe(404);
    expect((await snapshot()).settings.editorName).toBe('Desk editor');
  });

  it('answers unknown and inherited names as unknown calls', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      const reply = await api(name, {});
      expect(JSON.parse(reply.body), name).toMatchObject({ ok: false, code: 'unknown-channel' });
    }
  });

  it('takes API calls by POST only', async () => {
    const reply = await raw('/api/app:load', { headers: { 'X-Isnad-Token': server.token } });
    expect(reply.status).toBe(405);
  });
});

describe('browser mode: static files', () => {
  it('serves the renderer with its security headers', async () => {
    const reply = await raw('/assets/app.js');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['x-frame-options']).toBe('DENY');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/....//secret.txt',
    '/%252e%252e/secret.txt',
    '/secret.txt%00.js',
    `/${encodeURIComponent(join(tmpdir(), 'x', '..', 'secret.txt'))}`,
    '//secret.txt',
  ])('does not serve a file outside its folder for %s', async (path) => {
    const reply = await raw(path);
    expect(reply.body).not.toContain(SECRET);
    expect([200, 400, 404]).toContain(reply.status);
  });
});

describe('browser mode: abusive connections are shed', () => {
  const LIMITS = { headersTimeoutMs: 500, requestTimeoutMs: 1500, keepAliveTimeoutMs: 300, idleTimeoutMs: 3000, maxConnections: 10 };
  let strict: WebServer;

  beforeAll(async () => {
    strict = await startWebServer({ dispatch: context.dispatch, staticDir: root, port: 0, limits: LIMITS });
  });
  afterAll(async () => {
    await strict?.close();
  });

  /** A raw connection to the strict server, and a promise of its closing with what it received. */
  function open(): { socket: Socket; closed: Promise<string> } {
    const socket = connect({ host: '127.0.0.1', port: strict.port });
    socket.on('error', () => undefined);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    return { socket, closed: new Promise((resolve) => socket.once('close', () => resolve(received))) };
  }

  it('closes a connection that sends nothing', async () => {
    const { closed } = open();
    // Node says why as it closes.
    expect(await closed).toMatch(/^(HTTP\/1\.1 408 Request Timeout\r\n|$)/);
  });

  it('closes a connection that sends its headers a byte at a time', async () => {
    const { socket, closed } = open();
    const line = `POST /api/settings:update HTTP/1.1\r\nHost: 127.0.0.1:${strict.port}\r\n`;
    let i = 0;
    const timer = setInterval(() => socket.writable && socket.write(line[i++ % line.length]!), 100);
    await closed;
    clearInterval(timer);
  });

  it('closes a connection whose body never finishes, and nothing changes', async () => {
    const before = await snapshot();
    const { socket, closed } = open();
    const body = JSON.stringify({ editorName: 'Intruder' });
    socket.write(
      `POST /api/settings:update HTTP/1.1\r\nHost: 127.0.0.1:${strict.port}\r\nContent-Type: application/json\r\nX-Isnad-Token: ${strict.token}\r\nContent-Length: ${body.length + 1000}\r\n\r\n`,
    );
    let i = 0;
    const timer = setInterval(() => socket.writable && socket.write(body[i++ % body.length]!), 100);
    const received = await closed;
    clearInterval(timer);
    expect(received).not.toContain('"ok":true');
    expect((await snapshot()).eventCount).toBe(before.eventCount);
  });

  it('answers a call without the token with 401 and closes the connection, though it asked to keep it', async () => {
    const { socket, closed } = open();
    socket.write(`POST /api/settings:update HTTP/1.1\r\nHost: 127.0.0.1:${strict.port}\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
    const received = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 401/);
    expect(received).toMatch(/\r\nConnection: close\r\n/i);
  });

  it.each([
    ['a wrong Host', (port: number) => `POST /api/app:load HTTP/1.1\r\nHost: evil.example:${port}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`, 421],
    ['a GET on the API', (port: number) => `GET /api/app:load HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`, 405],
  ])('closes the connection after refusing %s', async (_what, request, status) => {
    const { socket, closed } = open();
    socket.write(request(strict.port));
    expect(await closed).toMatch(new RegExp(`^HTTP/1\\.1 ${status}`));
  });

  it('closes a kept-alive connection that goes quiet after its answer', async () => {
    const { socket, closed } = open();
    const body = '{}';
    socket.write(`POST /api/app:load HTTP/1.1\r\nHost: 127.0.0.1:${strict.port}\r\nContent-Type: application/json\r\nX-Isnad-Token: ${strict.token}\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    expect(await closed).toMatch(/^HTTP\/1\.1 200/);
  });

  it('closes connections beyond the cap as they arrive, sheds the idle ones, and then answers again', async () => {
    const flood = Array.from({ length: LIMITS.maxConnections * 3 }, () => open());
    const results = await Promise.all(flood.map(({ closed }) => closed));
    // Those over the cap are closed at once, the others at the headers timeout: none was served.
    expect(results.filter((received) => received === '').length).toBeGreaterThanOrEqual(flood.length - LIMITS.maxConnections);
    expect(results.every((received) => /^(HTTP\/1\.1 408 |$)/.test(received))).toBe(true);
    const reply = await new Promise<RawReply>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: strict.port, path: '/api/app:load', method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': strict.token } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(reply.status).toBe(200);
  });
});

describe('browser mode: a large import does not hold up other calls', () => {
  it('answers app:load while a 5 MB Markdown import is being read', async () => {
    const paragraph = 'Officials said on **Sunday** that [40 people](https://wire.example/a) were killed in _Aleppo_, the ministry said.\n\n';
    const markdown = `# Toll\n\n${paragraph.repeat(Math.floor((5 * 1024 * 1024) / paragraph.length))}`;
    const order: string[] = [];
    const importing = api('reports:import', { ...hostileImport, content: markdown, format: 'markdown', outlet: 'Large wire' }).then((reply) => {
      order.push('import');
      return reply;
    });
    // Give the import time to be received and handed to its worker.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const load = await api('app:load', {});
    order.push('app:load');
    expect(load.status).toBe(200);
    const imported = await importing;
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true });
    expect(order).toEqual(['app:load', 'import']);
  });
});
