import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openWorkbench, startBrowserMode, type BrowserMode } from './browser-mode';

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

describe('the comparison worker', () => {
  it('reads the comparison off the main thread in the browser mode', async () => {
    const page = await openWorkbench(browser, server.url);
    await page.locator('mark[data-claim-id]').first().waitFor();
    expect(page.workers().map((worker) => worker.url()).some((url) => /comparison-worker/.test(url))).toBe(true);
    expect((page as typeof page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('still opens the reports when the worker cannot start', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    let refused = 0;
    await context.route(/comparison-worker/, (route) => {
      refused++;
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('mark[data-claim-id]').first().waitFor();
    expect(refused).toBeGreaterThan(0);
    expect(await page.locator('[data-report-id] mark[data-match-id]').count()).toBeGreaterThan(0);
    await context.close();
  });
});
