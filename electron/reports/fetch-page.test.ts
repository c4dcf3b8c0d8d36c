import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, FetchPageError } from './fetch-page';
import { publicationDateOf, siteNameOf } from './page-date';
import { html, servePages, type PageServer } from './page-server.test-kit';

let server: PageServer;
beforeAll(async () => {
  server = await servePages({
    '/article': html('<html><body><p>Forty people were killed.</p></body></html>'),
    '/moved': (_req, res) => res.writeHead(302, { Location: '/article' }).end(),
    '/gone': html('no', 410),
    '/notes': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forty people were killed.'),
    '/image': (_req, res) => res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.alloc(10)),
    '/huge': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<p>' + 'x'.repeat(3000) + '</p>');
    },
    '/slow': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<p>started');
      // Never ends: the fetch must give up on its own.
    },
    '/windows-1256': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=windows-1256' }).end(Buffer.from([0x3c, 0x70, 0x3e, 0xe3, 0xd1, 0xcd, 0xc8, 0xc7])),
  });
});
afterAll(() => server.close());

const refusal = async (path: string, options = {}) => {
  const error = await fetchPage(server.url(path), options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FetchPageError);
  return error as FetchPageError;
};

describe('fetchPage', () => {
  it('fetches a page, follows redirects, sends no cookie, and says when it fetched it', async () => {
    const before = Date.now();
    await fetchPage(server.url('/article'));
    const page = await fetchPage(server.url('/moved'));
    expect(page.html).toContain('Forty people');
    expect(page.url).toBe(server.url('/article'));
    expect(Date.parse(page.fetchedAt)).toBeGreaterThanOrEqual(before - 1000);
    // The first answer set a cookie: nothing sends it back.
    expect(server.requests.map((r) => r.headers.cookie)).toEqual(server.requests.map(() => undefined));
    expect(server.requests.every((r) => r.headers.referer === undefined)).toBe(true);
  });

  it('says whether the page is plain text', async () => {
    expect((await fetchPage(server.url('/article'))).plainText).toBe(false);
    expect((await fetchPage(server.url('/notes'))).plainText).toBe(true);
  });

  it('reads the charset the server names', async () => {
    expect((await fetchPage(server.url('/windows-1256'))).html).toBe('<p>مرحبا');
  });

  it('refuses with a clear error: status, type, size, time, unreachable host', async () => {
    expect(await refusal('/gone')).toMatchObject({ code: 'fetch-status', message: expect.stringMatching(/answered 410/) });
    expect(await refusal('/image')).toMatchObject({ code: 'fetch-not-html', message: expect.stringMatching(/sent image\/png, not an article page/) });
    expect(await refusal('/huge', { maxBytes: 1000 })).toMatchObject({ code: 'fetch-too-large' });
    expect(await refusal('/slow', { timeLimitMs: 300 })).toMatchObject({ code: 'fetch-timeout', message: expect.stringMatching(/within 0.3 seconds/) });
    // A port that was free a moment ago: nothing listens there.
    const closed = await servePages({});
    const address = closed.url('/');
    await closed.close();
    const unreachable = await fetchPage(address).catch((e: unknown) => e);
    expect(unreachable).toMatchObject({ code: 'fetch-failed', message: expect.stringMatching(/could not reach 127.0.0.1:\d+: ECONNREFUSED/) });
    await expect(fetchPage('ftp://example.org/x')).rejects.toMatchObject({ code: 'fetch-failed' });
    await expect(fetchPage('http://user:pw@127.0.0.1/')).rejects.toThrow(/user name or password/);
  });
});

describe('publicationDateOf', () => {
  it('reads JSON-LD datePublished first, in a graph too', () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', datePublished: '2024-12-02T09:15:00+03:00' }] });
    expect(publicationDateOf(`<head><meta property="article:published_time" content="2024-11-30"><script type="application/ld+json">${ld}</script></head>`)).toBe('2024-12-02T09:15:00+03:00');
  });

  it('falls back to the meta tags, then <time>, and ignores what is not a date', () => {
    expect(publicationDateOf('<meta property="article:published_time" content="2024-12-01T18:00:00Z">')).toBe('2024-12-01T18:00:00Z');
    expect(publicationDateOf('<script type="application/ld+json">{broken</script><meta name="date" content="Mon, 02 Dec 2024 10:00:00 GMT">')).toBe('2024-12-02T10:00:00.000Z');
    expect(publicationDateOf('<time itemprop="datePublished" datetime="2024-12-02">2 Dec</time>')).toBe('2024-12-02');
    expect(publicationDateOf('<meta name="date" content="yesterday"><p>No date</p>')).toBeNull();
  });

  it('finds the site name', () => {
    expect(siteNameOf('<meta property="og:site_name" content="Levant Desk">')).toBe('Levant Desk');
    expect(siteNameOf('<p>none</p>')).toBeNull();
  });
});
