import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppSnapshot } from '../shared/contract/channels';
import { apiValue, launchBrowser, openWorkbench, startBrowserMode, type BrowserMode } from './browser-mode';

/**
 * The workbench's state against time: replies that arrive late or fail, a selection that outlives
 * its pair, scroll positions, and where focus goes. Slow or failing replies are made with
 * page.route in front of the real browser-mode server.
 */

let server: BrowserMode;
let browser: Browser;
let page: Page;

const ALHURRA = 'alhurra-2024-12-01-aleppo';
const A = `[data-report-id="${ALHURRA}"]`;
const B = '[data-report-id="aljazeera-mubasher-2024-12-02-aleppo"]';
const INSPECTOR_HISTORY = '[aria-label="Claim inspector"] .history-list li';

const value = <T,>(channel: string, input: unknown): Promise<T> => apiValue<T>(server.url, channel, input);

const eventCount = async () => (await value<AppSnapshot>('app:load', {})).eventCount;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const isFocused = (selector: string) => page.locator(selector).first().evaluate((el) => el === document.activeElement);

/** Holds back the replies whose input passes `which` by `ms`, then lets them through. */
async function delay(channel: string, which: (input: Record<string, unknown>) => boolean, ms: number): Promise<() => Promise<void>> {
  const url = `**/api/${channel}`;
  const handler = async (route: Route) => {
    if (which(route.request().postDataJSON() as Record<string, unknown>)) await sleep(ms);
    await route.continue().catch(() => undefined);
  };
  await page.route(url, handler);
  return () => page.unroute(url, handler);
}

beforeAll(async () => {
  server = await startBrowserMode();
  browser = await launchBrowser();
  page = await openWorkbench(browser, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

describe('workbench state', () => {
  it('says so on the first-run prompt when the name cannot be saved', async () => {
    const fresh = await startBrowserMode();
    const prompt = await browser.newPage();
    try {
      await prompt.route('**/api/settings:update', (route) =>
        route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, code: 'read-only', error: 'the history was altered: Isnad refuses changes' }) }),
      );
      await prompt.goto(fresh.url);
      await prompt.getByLabel('Editor name').fill('Desk editor');
      await prompt.getByRole('button', { name: 'Start verifying' }).click();
      await expect.poll(() => prompt.getByRole('alert').allInnerTexts()).toEqual([expect.stringMatching(/history was altered/)]);
      await prompt.unrouteAll();
      await prompt.getByRole('button', { name: 'Start verifying' }).click();
      await prompt.locator(A).waitFor();
    } finally {
      await prompt.close();
      await fresh.cleanup();
    }
  });

  it('shows the claim selected last, even when an earlier claim’s reply arrives after it', async () => {
    const first = page.locator(`${A} mark[data-kind="same"]`).first();
    const firstId = (await first.getAttribute('data-claim-id'))!;
    await first.click();
    await page.locator('body').press('3');
    await expect.poll(() => page.locator(INSPECTOR_HISTORY).count()).toBe(1);

    const restore = await delay('claims:get', (input) => input.claimId === firstId, 800);
    await page.locator('body').press('Escape');
    await first.click();
    // Before the first claim's reply: the next one, never decided, is selected.
    await page.locator(`${A} mark[data-status="unverified"]`).first().click();
    await sleep(1200);
    await restore();
    expect(await page.getByLabel('Claim inspector').getByText('Nothing decided yet.').count()).toBe(1);
    expect(await page.locator(INSPECTOR_HISTORY).count()).toBe(0);
  });

  it('keeps the note being typed for the next claim when the previous claim’s status is saved late', async () => {
    await page.locator('body').press('Escape');
    await page.locator(`${A} mark`).first().click();
    const restore = await delay('claims:setStatus', () => true, 1000);
    await page.locator('body').press('2');
    await page.locator('body').press('j');
    await page.locator('body').press('5');
    const note = page.getByLabel(/Why is it misleading/);
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await note.pressSequentially('Omits who');
    await sleep(1500);
    await restore();
    expect(await note.count()).toBe(1);
    expect(await note.inputValue()).toBe('Omits who');
    await note.press('Escape');
  });

  it('leaves both panes where the editor scrolled them when a status is set', async () => {
    await page.locator('body').press('Escape');
    await page.locator(`${A} mark[data-kind="same"]`).first().click();
    const bodyB = page.locator(`${B} .pane__body`);
    await page.locator(`${B} mark.is-partner`).waitFor();
    // Scroll B away from the partner, to whichever end is further from it.
    await bodyB.evaluate((el) => {
      const partner = el.querySelector<HTMLElement>('mark.is-partner')!;
      const nearTop = partner.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop < el.scrollHeight / 2;
      el.scrollTo({ top: nearTop ? el.scrollHeight : 0 });
    });
    await sleep(200);
    const partnerInView = await bodyB.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const partner = el.querySelector('mark.is-partner')?.getBoundingClientRect();
      return partner !== undefined && partner.bottom > box.top && partner.top < box.bottom;
    });
    expect(partnerInView).toBe(false);
    const before = await bodyB.evaluate((el) => el.scrollTop);

    await page.locator('body').press('2');
    await expect.poll(() => page.locator(`${A} mark.is-selected`).getAttribute('data-status')).toBe('in-progress');
    await sleep(400);
    expect(await bodyB.evaluate((el) => el.scrollTop)).toBe(before);
  });

  it('starts a new pair with nothing selected, so keys act only on claims on screen', async () => {
    await value('reports:import', {
      content: 'Aleppo Gazette\n\nOfficials said on Sunday that 40 people were killed in Aleppo.\n\nThe ministry confirmed that 12 hospitals were closed in the city.',
      format: 'text',
      fileName: null,
      outlet: 'Aleppo Gazette',
      title: null,
      publishedAt: '2024-12-03',
      url: null,
      language: null,
      replaces: null,
    });
    const gazette = (await value<AppSnapshot>('app:load', {})).reports.find((r) => r.outlet === 'Aleppo Gazette')!.id;
    await page.reload();
    await page.locator(`${A} mark`).first().waitFor();
    await page.locator(`${A} mark`).first().click();
    await page.getByLabel('Claim inspector').waitFor();

    const restore = await delay('compare:run', () => true, 1500);
    await page.getByLabel('Report A').selectOption(gazette);
    // While the new pair is compared, the old one is not shown as if it were the new one.
    await sleep(300);
    expect(await page.locator(A).count()).toBe(0);
    expect(await page.getByText('Comparing reports…').count()).toBe(1);
    await page.locator(`[data-report-id="${gazette}"] .pane__body`).waitFor();
    await restore();

    expect(await page.getByLabel('Claim inspector').count()).toBe(0);
    const before = await eventCount();
    await page.locator('body').press('3');
    await sleep(400);
    expect(await eventCount()).toBe(before);
    await page.getByLabel('Report A').selectOption(ALHURRA);
    await page.locator(`${A} mark`).first().waitFor();
  });

  it('gives focus back to the button that opened a dialog', async () => {
    for (const name of [/^Reports & import/, /^Export/, 'Keyboard shortcuts']) {
      const opener = page.getByRole('button', { name }).first();
      await opener.click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      expect(await opener.evaluate((el) => el === document.activeElement), String(name)).toBe(true);
    }
  });

  it('says why a report could not be removed next to its Remove button, in view at 200% zoom', async () => {
    // A newsroom's list is long: the import form's place for errors is far above its end.
    for (let day = 10; day < 16; day++) {
      await value('reports:import', {
        content: `Report ${day}\n\nOfficials said on ${day} December that ${day * 3} people were killed in Aleppo.`,
        format: 'text',
        fileName: null,
        outlet: `Wire ${day}`,
        title: null,
        publishedAt: `2024-12-${day}`,
        url: null,
        language: null,
        replaces: null,
      });
    }
    await page.reload();
    await page.locator(`${A} mark`).first().waitFor();
    await page.setViewportSize({ width: 720, height: 450 });
    const refuse = (route: Route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, code: 'read-only', error: 'the history was altered: Isnad refuses changes' }) });
    await page.route('**/api/reports:remove', refuse);
    try {
      await page.getByRole('button', { name: /^Reports & import/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Reports' });
      const remove = dialog.getByRole('button', { name: /^Remove report/ }).last();
      await remove.scrollIntoViewIfNeeded();
      await remove.click();
      // Undo is offered for a few seconds before the removal is recorded (and here refused).
      const alert = dialog.locator('[data-report-row]').last().getByRole('alert');
      await expect.poll(() => alert.allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringMatching(/history was altered/)]);
      const [box, shown] = await Promise.all([dialog.boundingBox(), alert.boundingBox()]);
      expect(shown!.y).toBeGreaterThanOrEqual(box!.y);
      expect(shown!.y + shown!.height).toBeLessThanOrEqual(box!.y + box!.height);
      await page.keyboard.press('Escape');
    } finally {
      await page.unroute('**/api/reports:remove', refuse);
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('hides the shortcut help with "?", as the help itself says', async () => {
    await page.locator('.summary-strip').click();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await isFocused('body')).toBe(true);
  });
});
