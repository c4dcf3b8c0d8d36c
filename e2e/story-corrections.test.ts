import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityItem, ClaimGroupView, ComparisonView } from '../shared/contract/channels';
import { apiValue, launchBrowser, openWorkbench, SCREENSHOTS, startBrowserMode, type BrowserMode } from './browser-mode';

/**
 * The editor's corrections of a story through the UI: a verdict applied to a claim's whole group
 * (by its button and by the G key, the same thing), and claim boundaries corrected by hand.
 */

const ALHURRA = 'alhurra-2024-12-01-aleppo';
const ALJAZEERA = 'aljazeera-mubasher-2024-12-02-aleppo';
const STATEMENT = 'ودعت كل من الولايات المتحدة';

let server: BrowserMode;
let browser: Browser;
let page: Page;

const value = <T,>(channel: string, input: unknown): Promise<T> => apiValue<T>(server.url, channel, input);
const pane = (reportId: string) => page.locator(`[data-report-id="${reportId}"]`);
const inspector = () => page.locator('[data-inspector]');
const claimStarting = async (reportId: string, words: string) => {
  const view = await value<ComparisonView>('compare:run', { a: ALHURRA, b: ALJAZEERA });
  const parsed = view.a.report.id === reportId ? view.a : view.b;
  return parsed.claims.find((c) => c.text.startsWith(words))!.id;
};
const lastEvent = async () => (await value<ActivityItem[]>('log:activity', {}))[0]!.event;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startBrowserMode();
  browser = await launchBrowser();
  page = await openWorkbench(browser, server.url);
  await pane(ALHURRA).locator('mark').first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

describe('apply to the group', () => {
  it('the digit key and the status button both set this claim only; the button and G set the whole group in one event', async () => {
    const statement = await claimStarting(ALHURRA, STATEMENT);
    const group = await value<ClaimGroupView>('claims:group', { claimId: statement });
    expect(group.members.length).toBeGreaterThan(1);
    const mark = (id: string) => page.locator(`mark[data-claim-id="${id}"]`);
    await mark(statement).click();
    const control = inspector().locator('[data-group-status]');
    await control.waitFor();
    expect(await control.locator('[data-group-member]').count()).toBe(group.members.length);

    // The key 3 and the Verified button: this claim, nothing else.
    await page.keyboard.press('3');
    await expect.poll(() => mark(statement).getAttribute('data-status')).toBe('verified');
    const others = group.members.filter((m) => m.claimId !== statement);
    for (const other of others) expect(await mark(other.claimId).getAttribute('data-status')).toBe('unverified');
    await inspector().getByRole('radio', { name: /Unverifiable/ }).click();
    await expect.poll(() => mark(statement).getAttribute('data-status')).toBe('unverifiable');
    for (const other of others) expect(await mark(other.claimId).getAttribute('data-status')).toBe('unverified');

    // The button: every member, one event.
    await control.locator('[data-apply-group]').click();
    for (const member of group.members) await expect.poll(() => mark(member.claimId).getAttribute('data-status')).toBe('unverifiable');
    const event = await lastEvent();
    expect(event).toMatchObject({ type: 'group.statusChanged', editor: 'Desk editor', payload: { to: 'unverifiable' } });
    expect((event.payload as { claims: unknown[] }).claims).toHaveLength(others.length);
    await expect.poll(() => control.locator('[data-apply-group]').count()).toBe(0);
    await page.mouse.move(5, 5);
    await page.screenshot({ path: join(SCREENSHOTS, 'group-status-en-1440x900.png') });

    // The key G does the same: 3 on this claim, then G for the group.
    await mark(statement).click();
    await page.keyboard.press('3');
    await expect.poll(() => mark(statement).getAttribute('data-status')).toBe('verified');
    await page.keyboard.press('g');
    for (const member of group.members) await expect.poll(() => mark(member.claimId).getAttribute('data-status')).toBe('verified');
    expect(await lastEvent()).toMatchObject({ type: 'group.statusChanged', payload: { to: 'verified' } });
    expect(await inspector().locator('.history-list li').first().innerText()).toMatch(/Verified for the whole group|→ Verified/);

    // Undo puts every member back as it was, and the help names the key.
    await page.keyboard.press('Control+z');
    for (const other of others) await expect.poll(() => mark(other.claimId).getAttribute('data-status')).toBe('unverifiable');
    await page.keyboard.press('?');
    expect(await page.getByRole('dialog').innerText()).toMatch(/Apply the claim’s verdict to its whole group/);
    await page.keyboard.press('Escape');
  });

  it('in Arabic: the group and its button', async () => {
    const arabic = await openWorkbench(browser, server.url, 'Desk editor', { locale: 'ar-SY', viewport: { width: 1440, height: 900 } });
    try {
      const statement = await claimStarting(ALHURRA, STATEMENT);
      await arabic.locator(`mark[data-claim-id="${statement}"]`).click();
      await arabic.keyboard.press('4');
      await arabic.locator('#status-note').fill('البيان لم يصدر بهذه الصيغة');
      await arabic.keyboard.press('Enter');
      const control = arabic.locator('[data-inspector] [data-group-status]');
      await control.locator('[data-apply-group]').waitFor();
      expect(await control.locator('[data-apply-group]').innerText()).toMatch(/تطبيق «خاطئ» على المجموعة/);
      await arabic.mouse.move(5, 5);
      await arabic.locator('[data-inspector] [data-group-status]').scrollIntoViewIfNeeded();
      await arabic.screenshot({ path: join(SCREENSHOTS, 'group-status-ar-1440x900.png') });
    } finally {
      await arabic.close();
    }
  });
});
