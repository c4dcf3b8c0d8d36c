import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The names this server answers to. Anything else in Host is a DNS-rebinding attempt. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostIsAllowed(request: IncomingMessage, port: number): boolean {
  return allowedHosts(port).has((request.headers.host ?? '').toLowerCase());
}

/** A cross-site page may send requests but not read replies; refuse its writes outright too. */
export function originIsAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return [...allowedHosts(port)].some((host) => origin === `http://${host}`);
}

export function tokenMatches(request: IncomingMessage, token: string): boolean {
  const given = request.headers['x-isnad-token'];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
