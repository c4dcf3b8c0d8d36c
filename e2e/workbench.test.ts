import { mkdir, readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyExportFile } from '../electron/store/verify-log';
import { launchBrowser, openWorkbench, SCREENSHOTS, startBrowserMode, type BrowserMode } from './browser-mode';

let server: BrowserMode;
let browser: Browser;
let page: Page;

const A = '[data-report-id="alhurra-2024-12-01-aleppo"]';
const B = '[data-report-id="aljazeera-mubasher-2024-12-02-aleppo"]';
/** The neighbourhoods claim: Alhurra says all, Al Jazeera says most: a contradiction. */
const NEIGHBOURHOODS_A = `${A} mark[data-kind="contradicts"]:has-text("كل الأحياء")`;

beforeAll(async () => {
  server = await startBrowserMode();
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
  page = await openWorkbench(browser, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

async function partnerOf(claim: string): Promise<string> {
  const matchId = await page.locator(claim).first().getAttribute('data-match-id');
  expect(matchId).toBeTruthy();
  const partnerId = matchId!.split('~').find((id) => !id.startsWith('alhurra'))!;
  return `mark[data-claim-id="${partnerId}"]`;
}

describe('workbench', () => {
  it('highlights shared, related and single-source claims in both panes', async () => {
    expect(await page.locator(`${A} mark[data-kind="same"]`).count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator(`${B} mark[data-kind="same"]`).count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator(NEIGHBOURHOODS_A).count()).toBe(1);
    // The central prison is Al Jazeera's alone: Alhurra's palace is another event.
    const prison = page.locator(`${B} mark:has-text("سجن حلب المركزي")`).first();
    expect(await prison.getAttribute('data-kind')).toBe('single');
    // Nothing from the embedded post or the "read also" article is a claim.
    expect(await page.locator(`${A} mark:has-text("pic.twitter.com")`).count()).toBe(0);
    expect(await page.locator(`${A} mark:has-text("بيربوك")`).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'workbench.png') });
  });

  it('loads the comparison once and then stays quiet while the editor reads', async () => {
    const calls: string[] = [];
    const count = (request: { url(): string }) => void calls.push(new URL(request.url()).pathname);
    page.on('request', count);
    await page.locator(`${A} mark[data-kind="same"]`).first().hover();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(1500);
    page.off('request', count);
    expect(calls.filter((path) => path.includes('/api/'))).toEqual([]);
  });

  it('selecting a contradicted claim highlights its partner and shows the differences', async () => {
    await page.locator(NEIGHBOURHOODS_A).first().click();
    const partner = page.locator(await partnerOf(NEIGHBOURHOODS_A));
    await expect.poll(() => partner.getAttribute('class')).toContain('is-partner');
    expect(await partner.innerText()).toContain('معظم أحياء المدينة');
    const inspector = page.getByLabel('Claim inspector');
    expect(await inspector.locator('.difference--quantifier').innerText()).toMatch(/كل[\s\S]*≠[\s\S]*معظم/);
    expect(await inspector.locator('del, ins').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.connector path').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'inspector.png') });
  });

  it('sets a status from the keyboard, and asks for a note for "false"', async () => {
    await page.locator('body').press('3');
    const selected = page.locator(`${A} mark.is-selected`).first();
    await expect.poll(() => selected.getAttribute('data-status')).toBe('verified');
    await expect.poll(() => page.getByLabel('Claim inspector').locator('.history-list li').count()).toBe(1);

    await page.locator('body').press('j');
    await page.locator('body').press('4');
    const note = page.getByLabel(/Why is it false/);
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await note.fill('Contradicted by the observatory’s own count.');
    await note.press('Enter');
    await expect.poll(() => page.locator('mark.is-selected').first().getAttribute('data-status')).toBe('false');
    await page.screenshot({ path: join(SCREENSHOTS, 'status-false.png') });
  });

  it('adds evidence through the form reached with "e"', async () => {
    await page.locator(NEIGHBOURHOODS_A).first().click();
    await page.locator('body').press('e');
    await expect.poll(() => page.getByLabel('Kind').evaluate((el) => el === document.activeElement)).toBe(true);
    const form = page.getByRole('form', { name: 'Add evidence' });
    await form.getByLabel('Stance').selectOption('refutes');
    await form.getByLabel('URL').fill('https://www.syriahr.com/en/');
    await form.getByLabel('Quoted passage').fill('قوات المعارضة تسيطر على معظم أحياء حلب');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await expect.poll(() => page.locator('.evidence-item').count()).toBe(1);
    expect(await page.locator('.evidence-item a').getAttribute('href')).toBe('https://www.syriahr.com/en/');
    await page.screenshot({ path: join(SCREENSHOTS, 'evidence.png') });
  });

  it('refuses a javascript: evidence URL with a clear message', async () => {
    const form = page.getByRole('form', { name: 'Add evidence' });
    await form.getByLabel('URL').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    expect(await form.getByRole('alert').innerText()).toMatch(/http/);
    expect(await page.locator('.evidence-item').count()).toBe(1);
  });

  it('keeps everything after a reload', async () => {
    await page.reload();
    await page.locator(NEIGHBOURHOODS_A).first().waitFor();
    expect(await page.locator(NEIGHBOURHOODS_A).first().getAttribute('data-status')).toBe('verified');
    expect(await page.locator('mark[data-status="false"]').count()).toBe(1);
    await page.locator(NEIGHBOURHOODS_A).first().click();
    await expect.poll(() => page.locator('.evidence-item').count()).toBe(1);
    expect(await page.getByLabel('Claim inspector').locator('.history-list li').count()).toBe(2);
  });

  it('finds «إسرائيل»-style spellings: search folds Arabic as the engine does', async () => {
    await page.locator('body').press('/');
    await page.getByLabel('Search claims').fill('اسقاط الطائره'); // no claim: nothing found, no error
    await page.getByLabel('Search claims').fill('الاحياء');
    const rows = page.locator('.claim-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.first().innerText()).toMatch(/الأحياء|أحياء/);
  });

  it('exports the log as a download that verifies, and CSV that parses back', async () => {
    // Leave the search field, so that keys are shortcuts again.
    await page.locator('.summary-strip').click();
    await page.locator('body').press('x');
    const dialog = page.getByRole('dialog', { name: 'Export verification log' });
    await dialog.getByRole('radio', { name: /^JSON/ }).check();
    const [json] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    const jsonPath = join(SCREENSHOTS, 'export.json');
    await json.saveAs(jsonPath);
    await expect(verifyExportFile(jsonPath)).resolves.toMatchObject({ ok: true });

    await page.locator('body').press('x');
    await dialog.getByRole('radio', { name: /^CSV/ }).check();
    const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    const csvPath = join(SCREENSHOTS, 'export.csv');
    await csv.saveAs(csvPath);
    const rows = parse((await readFile(csvPath, 'utf8')).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.some((row) => Object.values(row).some((cell) => cell.includes('كل الأحياء')))).toBe(true);
    expect(rows.some((row) => Object.values(row).includes('False'))).toBe(true);
  });

  it('lists the shortcuts in a help overlay', async () => {
    await page.locator('.summary-strip').click();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.innerText()).toContain('Mark verified');
    await page.screenshot({ path: join(SCREENSHOTS, 'help.png') });
    await page.keyboard.press('Escape');
  });
});
