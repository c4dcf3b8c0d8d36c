import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiValue, launchBrowser, openWorkbench, startBrowserMode, type BrowserMode } from './browser-mode';

/** The contract's notifications in the browser mode: a stream each page follows, guarded by the token. */

let server: BrowserMode;
let browser: Browser;

beforeAll(async () => {
  server = await startBrowserMode();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

describe('notifications in the browser mode', () => {
  it('the page follows the story’s notification stream, with its token, and hears every change', async () => {
    const page = await openWorkbench(browser, server.url);
    try {
      // The page opened its stream as it started (or opens it now, after a reload).
      const opened = page.waitForRequest((request) => request.url().endsWith('/api/notifications'));
      await page.reload();
      const request = await opened;
      expect(request.method()).toBe('GET');
      expect(request.headers()['x-isnad-token']).toBeTruthy();

      // A change made elsewhere (another window, the CLI's server call) arrives on a stream in the page.
      const heard = page.evaluate(async () => {
        const token = sessionStorage.getItem('isnad-token') ?? '';
        const response = await fetch('./api/notifications', { headers: { 'X-Isnad-Token': token } });
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let text = '';
        (window as unknown as { streamOpen: boolean }).streamOpen = true;
        while (!text.includes('event: story:changed')) text += decoder.decode((await reader.read()).value, { stream: true });
        await reader.cancel();
        return /data: (.*)\n\n/.exec(text.slice(text.indexOf('event: story:changed')))![1]!;
      });
      await page.waitForFunction(() => (window as unknown as { streamOpen?: boolean }).streamOpen === true);
      const { claims } = await apiValue<{ claims: { id: string }[] }>(server.url, 'reports:claims', { id: 'alhurra-2024-12-01-aleppo' });
      await apiValue(server.url, 'claims:setStatus', { claimIds: [claims[0]!.id], status: 'in-progress', note: null });
      expect(JSON.parse(await heard)).toEqual({ events: expect.any(Number), editors: ['Desk editor'], colleague: false });
      expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
