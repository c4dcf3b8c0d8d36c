import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openWorkbench, SCREENSHOTS, startBrowserMode, type BrowserMode } from './browser-mode';

/** The interface in Arabic: chosen from the browser's language, right to left, switchable and remembered. */

let server: BrowserMode;
let browser: Browser;

const A = '[data-report-id="alhurra-2024-12-01-aleppo"]';
const B = '[data-report-id="aljazeera-mubasher-2024-12-02-aleppo"]';

beforeAll(async () => {
  server = await startBrowserMode();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

describe('the Arabic interface', () => {
  let page: Page;

  it('is what a Chromium whose language is Arabic gets, with no setting: <html lang="ar" dir="rtl">', async () => {
    page = await openWorkbench(browser, server.url, 'محرر الديسك', { locale: 'ar-SY' });
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await page.getByRole('button', { name: /التقارير والاستيراد/ }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: /كل الادعاءات/ }).innerText()).toMatch(/كل الادعاءات \([٠-٩]+\)/);
    // Levantine month names and Arabic-Indic digits by default in Syria.
    expect(await page.locator(`${A} .pane__date`).innerText()).toBe('الأحد، ١ كانون الأول ٢٠٢٤');
  });

  it('mirrors the chrome: report A on the right, the side panel on the left', async () => {
    const [boxA, boxB, side] = await Promise.all([page.locator(A).boundingBox(), page.locator(B).boundingBox(), page.locator('aside.side').boundingBox()]);
    expect(boxA!.x).toBeGreaterThan(boxB!.x + boxB!.width - 1);
    expect(side!.x + side!.width).toBeLessThanOrEqual(boxB!.x);
    await page.locator(`${A} mark[data-kind="same"]`).first().click();
    const inspector = page.locator('[data-inspector]');
    await inspector.waitFor();
    expect(await inspector.getAttribute('aria-label')).toBe('فاحص الادعاء');
    expect(await page.locator(`${A} mark[aria-current="true"]`).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'arabic-selected.png') });
  });

  it('says a refusal of the store in Arabic', async () => {
    const refuse = (route: Route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, code: 'read-only', error: 'the history was altered: Isnad refuses changes' }) });
    await page.route('**/api/claims:setStatus', refuse);
    try {
      await page.locator('.summary-strip .hint').click();
      await page.keyboard.press('3');
      await expect.poll(() => page.locator('.toast--error').innerText()).toContain('وُجد السجل معدَّلًا');
      await page.locator('.toast--error button').click();
    } finally {
      await page.unroute('**/api/claims:setStatus', refuse);
    }
  });

  it('switches to Latin digits and «ديسمبر», then to English, in Settings, and remembers it', async () => {
    await page.locator('.editor-chip').click();
    const settings = page.getByRole('dialog', { name: 'الإعدادات' });
    await settings.getByLabel('الأرقام في العربية').selectOption('latn');
    await settings.getByLabel('أسماء الأشهر في العربية').selectOption('gregorian');
    await settings.getByRole('button', { name: 'حفظ' }).click();
    await expect.poll(() => page.locator(`${A} .pane__date`).innerText()).toBe('الأحد، 1 ديسمبر 2024');

    await page.locator('.editor-chip').click();
    await page.getByRole('dialog', { name: 'الإعدادات' }).getByLabel('اللغة').selectOption('en');
    await page.getByRole('dialog', { name: 'الإعدادات' }).getByRole('button', { name: 'حفظ' }).click();
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    await page.reload();
    await page.locator(A).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.getByRole('button', { name: /Reports & import/ }).count()).toBe(1);
    expect(await page.locator(`${A} .pane__date`).innerText()).toMatch(/^Sunday,? 1 December 2024$/);
    await page.close();
  });

  it('is English for an English browser', async () => {
    const english = await openWorkbench(browser, server.url, 'Desk editor', { locale: 'en-US' });
    expect(await english.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    await english.close();
  });
});

describe('contradictions', () => {
  it('are their own highlight, counted first, and the inspector shows each side’s frame', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ar-SY' });
    try {
      await page.goto(server.url);
      await page.locator(`${A} mark`).first().waitFor();
      // The seeds' neighbourhoods: Alhurra says all, Al Jazeera most. Both cannot be right.
      const chips = await page.locator('.summary-strip .summary-chip').evaluateAll((els) => els.map((e) => e.getAttribute('data-summary')));
      expect(chips[0]).toBe('contradicts');
      expect(await page.locator('[data-summary="contradicts"]').innerText()).toContain('تناقض واحد');
      const mark = page.locator(`${A} mark[data-kind="contradicts"]:has-text("كل الأحياء")`);
      expect(await mark.count()).toBe(1);
      expect(await mark.locator('.pair-badge').innerText()).toContain('⇎');
      expect(await page.locator('.legend mark.claim--contradicts').count()).toBe(1);
      await mark.click();
      const frame = page.locator('[data-inspector] [data-frame]');
      await frame.waitFor();
      expect(await frame.locator('[data-slot="howMany"]').innerText()).toMatch(/كل[\s\S]*معظم/);
      expect(await frame.locator('[data-slot="howMany"]').getAttribute('class')).toContain('is-different');
      expect(await frame.locator('[data-slot="saysWho"]').innerText()).toContain('المرصد السوري');
      expect(await page.locator('[data-inspector] .difference').first().getAttribute('class')).toContain('difference--quantifier');
      await page.screenshot({ path: join(SCREENSHOTS, 'arabic-contradicts.png') });
    } finally {
      await page.close();
    }
  });
});
