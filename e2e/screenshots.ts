import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openWorkbench, SCREENSHOTS, startBrowserMode } from './browser-mode';

/**
 * Pictures of the workbench to look at: 1024×700, 1440×900 and 1920×1080, in the Arabic and
 * the English interface, with a shared claim selected. `npx tsx e2e/screenshots.ts` after
 * `npm run build:renderer`; the files go to e2e/screenshots/ (not committed).
 */
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];
const server = await startBrowserMode();
const browser = await launchBrowser();
await mkdir(SCREENSHOTS, { recursive: true });
try {
  for (const locale of ['ar-SY', 'en-GB']) {
    for (const viewport of SIZES) {
      const page = await openWorkbench(browser, server.url, 'Desk editor', { locale, viewport });
      await page.locator('[data-report-id="alhurra-2024-12-01-aleppo"] mark:has-text("كل الأحياء")').first().click();
      await page.locator('[data-inspector] .difference').first().waitFor();
      await page.mouse.move(5, 5);
      const name = `workbench-${locale.slice(0, 2)}-${viewport.width}x${viewport.height}.png`;
      await page.screenshot({ path: join(SCREENSHOTS, name) });
      console.log(name);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.cleanup();
}
