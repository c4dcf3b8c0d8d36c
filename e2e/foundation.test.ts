import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openWorkbench, SCREENSHOTS, startBrowserMode, type BrowserMode } from './browser-mode';

let server: BrowserMode;
let browser: Browser;

beforeAll(async () => {
  server = await startBrowserMode();
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

describe('browser mode, first run', () => {
  it('shows the two sample reports side by side, right to left, in Arabic', async () => {
    const page = await openWorkbench(browser, server.url);
    const alhurra = page.locator('[data-report-id="alhurra-2024-12-01-aleppo"]');
    const aljazeera = page.locator('[data-report-id="aljazeera-mubasher-2024-12-02-aleppo"]');
    await expect(alhurra.locator('.pane__body').getAttribute('dir')).resolves.toBe('rtl');
    await expect(aljazeera.locator('.pane__body').getAttribute('dir')).resolves.toBe('rtl');
    expect(await alhurra.innerText()).toContain('سيطرت فصائل مسلحة');
    expect(await aljazeera.innerText()).toContain('سجن حلب المركزي');
    expect(await alhurra.locator('.pane__outlet').innerText()).toContain('الحرة');
    expect(await alhurra.locator('.pane__date').innerText()).toMatch(/^Sunday,? 1 December 2024$/);
    expect(await aljazeera.locator('.pane__date').innerText()).toMatch(/^Monday,? 2 December 2024$/);
    // Side by side: B starts to the right of where A ends.
    const [boxA, boxB] = await Promise.all([alhurra.boundingBox(), aljazeera.boundingBox()]);
    expect(boxB!.x).toBeGreaterThan(boxA!.x + boxA!.width - 1);
    // The bundled Arabic face is used, not a system fallback.
    const font = await alhurra.locator('.pane__body').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain('Noto Naskh Arabic');
    expect(await page.evaluate(() => document.fonts.check('17px "Noto Naskh Arabic"', 'حلب'))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'first-screen.png') });
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  });

  it('refuses API calls without the token', async () => {
    const origin = new URL(server.url).origin;
    const response = await fetch(`${origin}/api/app:load`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
  });
});
