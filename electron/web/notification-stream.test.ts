import { request as httpRequest, type IncomingMessage } from 'node:http';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppContext, type AppContext } from '../app-context';
import { MAX_STREAMS } from './notification-stream';
import { startWebServer, type WebServer } from './server';

let root: string;
let context: AppContext;
let server: WebServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'isnad-notify-'));
  await mkdir(join(root, 'renderer'));
  context = await openAppContext({ dataDir: join(root, 'data'), sampleReportsDir: resolve(__dirname, '../../fixtures/reports'), editor: 'Desk editor' });
  server = await startWebServer({ dispatch: context.dispatch, notifications: context.notifications, staticDir: join(root, 'renderer'), port: 0, token: 'stream-token' });
});
afterAll(async () => {
  await server.close();
  await context.close();
  await rm(root, { recursive: true, force: true });
});

/** Opens the stream as the page does; resolves once the server has answered. */
function openStream(headers: Record<string, string> = { 'X-Isnad-Token': 'stream-token' }): Promise<{ response: IncomingMessage; text: () => string; close: () => void }> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/notifications', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      resolvePromise({ response, text: () => text, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

describe('the browser mode’s notification stream', () => {
  it('tells every open page of a change made through any of them, as a typed event', async () => {
    const [first, second] = [await openStream(), await openStream()];
    expect(first.response.statusCode).toBe(200);
    expect(first.response.headers['content-type']).toMatch(/^text\/event-stream/);
    const reply = await context.call('reports:claims', { id: 'alhurra-2024-12-01-aleppo' });
    if (!reply.ok) throw new Error(reply.error);
    const claimId = reply.value.claims[0]!.id;
    await context.call('claims:setStatus', { claimIds: [claimId], status: 'verified', note: null });
    for (const stream of [first, second]) {
      await until(() => stream.text().includes('event: story:changed'));
      const data = /event: story:changed\ndata: (.*)\n\n/.exec(stream.text())![1]!;
      expect(JSON.parse(data)).toEqual({ events: expect.any(Number), editors: ['Desk editor'], colleague: false });
    }
    first.close();
    second.close();
  });

  it('refuses a page without the token, from another site, and past the limit of open streams', async () => {
    expect((await openStream({})).response.statusCode).toBe(401);
    expect((await openStream({ 'X-Isnad-Token': 'stream-token', Origin: 'http://evil.example' })).response.statusCode).toBe(403);
    const open = [];
    for (let i = 0; i < MAX_STREAMS; i++) open.push(await openStream());
    expect((await openStream()).response.statusCode).toBe(429);
    for (const stream of open) stream.close();
    // A page gone frees its place (once the server has seen the connection close).
    let again = await openStream();
    for (let i = 0; again.response.statusCode !== 200 && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 20));
      again = await openStream();
    }
    expect(again.response.statusCode).toBe(200);
    again.close();
  });
});
