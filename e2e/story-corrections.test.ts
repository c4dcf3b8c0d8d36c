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
      await expect.poll(() => control.locator('[data-apply-group]').innerText()).toMatch(/تطبيق «خاطئ» على المجموعة/);
      await arabic.mouse.move(5, 5);
      await arabic.locator('[data-inspector] [data-group-status]').scrollIntoViewIfNeeded();
      await arabic.screenshot({ path: join(SCREENSHOTS, 'group-status-ar-1440x900.png') });
    } finally {
      await arabic.close();
    }
  });
});

/** Selects a span of a report's text in its pane (a caret when start equals end), as the editor's mouse would. */
async function selectText(on: Page, reportId: string, start: number, end: number) {
  await on.evaluate(
    ({ reportId, start, end }) => {
      const point = (at: number): [Node, number] => {
        const paragraphs = [...document.querySelectorAll(`[data-report-id="${reportId}"] p[data-offset]`)];
        const paragraph = paragraphs.filter((p) => Number(p.getAttribute('data-offset')) <= at).at(-1)!;
        let offset = Number(paragraph.getAttribute('data-offset'));
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.closest('.pair-badge, .status-badge, .recheck-badge')) continue;
          const length = (node as Text).length;
          if (at <= offset + length) return [node, at - offset];
          offset += length;
        }
        throw new Error(`offset ${at} is not in a paragraph of ${reportId}`);
      };
      const range = document.createRange();
      range.setStart(...point(start));
      range.setEnd(...point(end));
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { reportId, start, end },
  );
}

describe('the editor corrects claim boundaries', () => {
  const claimsOf = async (reportId: string) => (await value<{ claims: { id: string; text: string; start: number; end: number }[] }>('reports:claims', { id: reportId })).claims;
  const PRISON = 'أظهرت لقطات مصوّرة، صباح اليوم الاثنين';

  it('splits a decided claim where the editor clicks: both halves keep False, flagged re-check, and say where the decision came from', async () => {
    const prison = (await claimsOf(ALJAZEERA)).find((c) => c.text.startsWith(PRISON))!;
    await value('claims:setStatus', { claimIds: [prison.id], status: 'false', note: 'The prison was taken on Sunday' });
    await page.reload();
    const mark = (id: string) => pane(ALJAZEERA).locator(`mark[data-claim-id="${id}"]`);
    await mark(prison.id).click();
    const at = prison.start + prison.text.indexOf('،') + 1;
    await selectText(page, ALJAZEERA, at, at);
    const split = inspector().locator('[data-bounds-action="split"]');
    await expect.poll(() => split.isEnabled()).toBe(true);
    await page.keyboard.press('s');
    await expect.poll(() => mark(prison.id).count()).toBe(0);
    const halves = (await claimsOf(ALJAZEERA)).filter((c) => c.start >= prison.start && c.end <= prison.end);
    expect(halves.map((c) => c.text).join(' ')).toBe(prison.text.replace('، ', '، ').replace(/\s+/g, ' '));
    for (const half of halves) {
      await expect.poll(() => mark(half.id).getAttribute('data-status')).toBe('false');
      expect(await mark(half.id).getAttribute('data-recheck')).toBe('true');
    }
    // The first half is selected: it says it was split, by whom, from the claim that was False.
    const origin = inspector().locator('[data-bounds-origin]');
    await origin.waitFor();
    expect(await origin.innerText()).toMatch(/Split by .?Desk editor/);
    expect(await origin.locator(`[data-bounds-from="${prison.id}"]`).innerText()).toMatch(/False/);
    expect(await lastEvent()).toMatchObject({ type: 'claim.split', editor: 'Desk editor' });
    expect(await inspector().locator('[data-recheck-notice]').innerText()).toMatch(/An editor changed this claim’s boundaries/);
    await origin.scrollIntoViewIfNeeded();
    await page.mouse.move(5, 5);
    await page.screenshot({ path: join(SCREENSHOTS, 'claim-split-en-1440x900.png') });

    // M merges it with the next claim, the other half: the claim is whole again.
    await page.keyboard.press('m');
    await expect.poll(() => mark(prison.id).count()).toBe(1);
    expect(await lastEvent()).toMatchObject({ type: 'claim.merged' });
  });

  it('moves a claim’s boundaries to a selection, and draws a new claim from the text it gave up', async () => {
    const prison = (await claimsOf(ALJAZEERA)).find((c) => c.text.startsWith(PRISON))!;
    const mark = (id: string) => pane(ALJAZEERA).locator(`mark[data-claim-id="${id}"]`);
    await mark(prison.id).click();
    const cut = prison.start + prison.text.indexOf('،');
    await selectText(page, ALJAZEERA, prison.start, cut);
    await expect.poll(() => inspector().locator('[data-bounds-action="resize"]').isEnabled()).toBe(true);
    await inspector().locator('[data-bounds-action="resize"]').click();
    const moved = `${ALJAZEERA}:${prison.start}-${cut}`;
    await expect.poll(() => mark(moved).count()).toBe(1);
    await expect.poll(() => inspector().locator('[data-claim-origin]').getAttribute('data-claim-origin')).toBe('resized');
    // The rest of the sentence is no claim now: selected, D draws one.
    await selectText(page, ALJAZEERA, cut + 1, prison.end);
    await expect.poll(() => inspector().locator('[data-bounds-action="draw"]').isEnabled()).toBe(true);
    await page.keyboard.press('d');
    const findDrawn = async () => (await claimsOf(ALJAZEERA)).find((c) => c.start > cut && c.end <= prison.end);
    await expect.poll(findDrawn).toBeDefined();
    const drawn = (await findDrawn())!;
    await expect.poll(() => mark(drawn.id).count()).toBe(1);
    await expect.poll(() => inspector().locator('[data-claim-origin]').getAttribute('data-claim-origin')).toBe('drawn');
    expect(await lastEvent()).toMatchObject({ type: 'claim.drawn', payload: { claims: [{ start: drawn.start, end: drawn.end }] } });
  });

  it('in Arabic: a split claim and where its decision went', async () => {
    const claims = await claimsOf(ALHURRA);
    const target = claims.find((c) => c.text.startsWith('وحثت الدول الأربع'))!;
    await value('claims:setStatus', { claimIds: [target.id], status: 'verified', note: null });
    const at = target.start + target.text.indexOf('، ') + 1;
    await value('claims:split', { claimId: target.id, at });
    const arabic = await openWorkbench(browser, server.url, 'Desk editor', { locale: 'ar-SY', viewport: { width: 1440, height: 900 } });
    try {
      const first = (await claimsOf(ALHURRA)).find((c) => c.start === target.start)!;
      await arabic.locator(`mark[data-claim-id="${first.id}"]`).click();
      const origin = arabic.locator('[data-inspector] [data-bounds-origin]');
      await origin.waitFor();
      expect(await origin.innerText()).toMatch(/قسّمه/);
      await origin.scrollIntoViewIfNeeded();
      await arabic.mouse.move(5, 5);
      await arabic.screenshot({ path: join(SCREENSHOTS, 'claim-split-ar-1440x900.png') });
    } finally {
      await arabic.close();
    }
  });
});
