import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, servePages, type PageServer } from '../reports/page-server.test-kit';
import { ALJAZEERA, STORY, startStorySession, type StorySession } from './story-test-kit';

let server: PageServer;
let session: StorySession;

/** A news page as sites write them: navigation, the article, JSON-LD and Open Graph tags. */
function newsPage(paragraphs: string[], date: string): string {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: paragraphs[0], datePublished: date });
  return `<!doctype html><html lang="ar" dir="rtl"><head><title>${paragraphs[0]} | Levant Desk</title>
<meta property="og:site_name" content="Levant Desk"><script type="application/ld+json">${ld}</script></head>
<body><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav><article><h1>${paragraphs[0]}</h1>
${paragraphs.slice(1).map((p) => `<p>${p}</p>`).join('\n')}</article><footer>© Levant Desk</footer></body></html>`;
}

beforeAll(async () => {
  const text = await readFile(join(STORY, 'levant-desk-aleppo.txt'), 'utf8');
  const paragraphs = text.split(/\n\n+/).map((p) => p.trim()).filter(Boolean);
  const updated = (await readFile(join(STORY, 'aljazeera-mubasher-aleppo-updated.txt'), 'utf8')).split(/\n\n+/).map((p) => p.trim()).filter(Boolean);
  server = await servePages({
    '/2024/12/02/aleppo-prison': html(newsPage(paragraphs, '2024-12-02T08:30:00+03:00')),
    '/aljazeera/updated': html(newsPage(updated, '2024-12-02T16:00:00+03:00')),
    '/missing': html('<p>gone</p>', 404),
  });
  session = await startStorySession('Desk editor');
});
afterAll(async () => {
  await session.remove();
  await server.close();
});

describe('import from a URL', () => {
  it('keeps the address, the fetch time and the page’s publication date; the outlet is the site’s name', async () => {
    const before = new Date().toISOString();
    const imported = await session.call('reports:importUrl', { url: server.url('/2024/12/02/aleppo-prison'), outlet: null, title: null, publishedAt: null, language: null, replaces: null });
    expect(imported).toMatchObject({ outlet: 'Levant Desk', url: server.url('/2024/12/02/aleppo-prison'), publishedAt: '2024-12-02T08:30:00+03:00', language: 'ar', title: 'فصائل المعارضة تقتحم سجن حلب المركزي' });
    expect(imported.fetchedAt! >= before).toBe(true);
    const { text } = await session.call('reports:get', { id: imported.id });
    expect(text).toMatch(/^فصائل المعارضة تقتحم سجن حلب المركزي\n\nاقتحمت فصائل المعارضة السورية/);
    expect(text).not.toMatch(/الرئيسية|© Levant Desk/);
    // The fetch time is part of the record.
    const event = (await session.context.store.allEvents()).find((e) => e.type === 'report.imported' && e.payload.report.id === imported.id);
    expect(event?.payload).toMatchObject({ report: { fetchedAt: imported.fetchedAt, url: imported.url } });
  });

  it('imports an updated version from its address, with the original’s outlet', async () => {
    const imported = await session.call('reports:importUrl', { url: server.url('/aljazeera/updated'), outlet: null, title: null, publishedAt: null, language: null, replaces: ALJAZEERA });
    expect(imported).toMatchObject({ outlet: 'الجزيرة مباشر', replaces: ALJAZEERA, carriedOver: { from: ALJAZEERA, edited: 1 } });
  });

  it('says clearly why a page could not be imported, and records nothing', async () => {
    const before = (await session.context.store.allEvents()).length;
    expect(await session.reply('reports:importUrl', { url: server.url('/missing'), outlet: null, title: null, publishedAt: null, language: null, replaces: null })).toMatchObject({
      ok: false,
      code: 'fetch-status',
      error: expect.stringMatching(/answered 404/),
    });
    expect(await session.reply('reports:importUrl', { url: 'file:///etc/passwd', outlet: null, title: null, publishedAt: null, language: null, replaces: null })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await session.reply('reports:importUrl', { url: server.url('/missing'), outlet: null, title: null, publishedAt: null, language: null, replaces: 'nope' })).toMatchObject({ ok: false, code: 'unknown-report' });
    expect((await session.context.store.allEvents()).length).toBe(before);
  });
});
