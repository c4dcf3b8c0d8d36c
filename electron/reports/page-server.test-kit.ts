import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  url(path: string): string;
  /** The requests the server saw, with their headers. */
  requests: IncomingMessage[];
  close(): Promise<void>;
}

/** Serves pages from 127.0.0.1 on a free port, for the tests of imports from a URL. */
export async function servePages(routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void>): Promise<PageServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) route(req, res);
    else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const html = (body: string, status = 200, headers: Record<string, string> = {}) => (_req: IncomingMessage, res: ServerResponse) =>
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': 'session=abc; Path=/', ...headers }).end(body);
