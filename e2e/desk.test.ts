import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDeskConfig, writeDeskConfig, type DeskConfig } from '../electron/desk/desk-config';
import { connectDesk } from '../electron/desk/desk-connection';
import { syncDesk } from '../electron/desk/desk-sync';
import { startNatsServer, type TestNatsServer } from '../electron/desk/testing/nats-server';
import { IsnadStore } from '../electron/store/store';
import { apiValue, launchBrowser, openWorkbench, ROOT, SCREENSHOTS, startBrowserMode, type BrowserMode } from './browser-mode';

const A = '[data-report-id="alhurra-2024-12-01-aleppo"]';
const NEIGHBOURHOODS_A = `${A} mark[data-kind="contradicts"]:has-text("كل الأحياء")`;
const selector = { type: 'TextQuoteSelector' as const, exact: 'كل الأحياء', prefix: '', suffix: '' };

let nats: TestNatsServer;
let scratch: string;
let server: BrowserMode;
let browser: Browser;
let page: Page;
let colleague: IsnadStore;
let colleagueDesk: DeskConfig;

/**
 * Syncs until the folder holds what the app shares: the app publishes from its own process, after
 * its change is acknowledged, so the first sync may come before it.
 */
async function syncUntil(store: IsnadStore, config: DeskConfig, done: () => boolean): Promise<void> {
  await sync(store, config);
  while (!done()) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sync(store, config);
  }
}

async function sync(store: IsnadStore, config: DeskConfig) {
  const connection = await connectDesk(config);
  try {
    return await syncDesk(store, config, connection);
  } finally {
    await connection.close();
  }
}

beforeAll(async () => {
  nats = await startNatsServer('authorization { users = [ { user: desk, password: "desk-secret" } ] }\n');
  scratch = await mkdtemp(join(tmpdir(), 'isnad-e2e-desk-'));
  const creds = join(scratch, 'desk.creds');
  await writeFile(creds, 'desk:desk-secret');
  // The casualties editor starts the story with the reports.
  colleagueDesk = newDeskConfig({ server: nats.url, story: 'aleppo', creds, editor: 'Casualties editor' }, new Date());
  colleague = await IsnadStore.open({ dataDir: join(scratch, 'colleague'), sampleReportsDir: join(ROOT, 'fixtures', 'reports'), backgroundCheck: false });
  await sync(colleague, colleagueDesk);
  // The desk editor's folder joins the story before the app opens it.
  const deskDir = join(scratch, 'desk');
  const deskConfig = { ...colleagueDesk, editor: 'Desk editor' };
  const first = await IsnadStore.open({ dataDir: deskDir, sampleReportsDir: null, backgroundCheck: false });
  await writeDeskConfig(deskDir, deskConfig);
  await sync(first, deskConfig);
  await first.close();
  server = await startBrowserMode(deskDir);
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
  page = await openWorkbench(browser, server.url, 'Desk editor', { locale: 'en-GB' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await colleague?.close();
  await nats?.dispose();
  await rm(scratch, { recursive: true, force: true });
});

describe('a shared story in the app', () => {
  it('shows the sync state in the status bar', async () => {
    await page.locator('[data-desk-state="up-to-date"]').waitFor();
    expect(await page.locator('.desk-bar').textContent()).toMatch(/Up to date.*Story aleppo/);
  });

  it('shows two editors\' concurrent verdicts on a claim as a conflict, and resolves it with a decision', async () => {
    await page.locator(NEIGHBOURHOODS_A).first().click();
    const claimId = (await page.locator(NEIGHBOURHOODS_A).first().getAttribute('data-claim-id'))!;
    const reportId = 'alhurra-2024-12-01-aleppo';
    // Each decides without having seen the other's verdict.
    await colleague.commit([{ type: 'claim.statusChanged', payload: { claimId, reportId, from: 'unverified', to: 'false', note: 'Al Jazeera says most neighbourhoods, not all', selector } }], 'Casualties editor');
    await apiValue(server.url, 'claims:setStatus', { claimIds: [claimId], status: 'verified', note: 'Matches the local council statement' });
    await syncUntil(colleague, colleagueDesk, () => colleague.state.statuses.get(claimId)?.conflict !== undefined);
    expect(colleague.state.statuses.get(claimId)?.conflict).toHaveLength(2);

    // The desk editor's app is told of the colleague's event and shows both verdicts.
    const conflict = page.locator('[data-conflict]');
    await conflict.waitFor();
    expect(await conflict.locator('[data-conflict-verdict]').count()).toBe(2);
    expect(await conflict.textContent()).toMatch(/Casualties editor.*Al Jazeera says most neighbourhoods|Desk editor.*Matches the local council/s);
    await conflict.scrollIntoViewIfNeeded();
    await page.mouse.move(5, 5);
    await page.screenshot({ path: join(SCREENSHOTS, 'desk-conflict-en.png') });

    // The claim list says who decided, and flags the conflict.
    await page.locator('[role="tab"]:has-text("All claims")').click();
    const row = page.locator(`[data-list-claim-id="${claimId}"]`);
    await row.locator('[data-list-conflict]').waitFor();
    expect(await row.locator('.claim-row__editor').textContent()).toMatch(/Desk editor|Casualties editor/);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'desk-claim-list-en.png') });
    await page.locator('[role="tab"]:has-text("Claim")').first().click();
    await conflict.locator('[data-conflict-verdict="false"] button').click();
    await conflict.waitFor({ state: 'detached' });
    await syncUntil(colleague, colleagueDesk, () => colleague.state.statuses.get(claimId)?.conflict === undefined);
    expect(colleague.state.statuses.get(claimId)).toMatchObject({ status: 'false', editor: 'Desk editor' });
    expect(colleague.state.statuses.get(claimId)?.conflict).toBeUndefined();
  });

  it('shows a colleague\'s events in the activity view, under their name', async () => {
    await colleague.commit([{ type: 'evidence.added', payload: { claimId: 'alhurra-2024-12-01-aleppo:0-62', evidenceId: 'council-call', evidence: { kind: 'contact', stance: 'supports', url: null, quote: null, note: 'Called the council press office' } } }], 'Casualties editor');
    await sync(colleague, colleagueDesk);
    await page.locator('[role="tab"]:has-text("Activity")').click();
    const colleagueItem = page.locator('.activity-list li:has([data-colleague]):has-text("Called the council press office")');
    await colleagueItem.waitFor();
    expect(await colleagueItem.textContent()).toMatch(/Casualties editor/);
    expect(await page.locator('.activity-list li:has([data-colleague])').count()).toBeGreaterThan(2);
    await page.mouse.move(5, 5);
    await page.screenshot({ path: join(SCREENSHOTS, 'desk-activity-en.png') });
  });
});
