import { join } from 'node:path';
import { launchBrowser, openWorkbench, ROOT, startBrowserMode } from '../e2e/browser-mode';

/**
 * Makes docs/screenshot.png: the sample reports in the Arabic interface at 1440×900 after a short
 * verification session, with the neighbourhoods claim (all against most) open in the inspector.
 * Run after `npm run build`.
 */
const server = await startBrowserMode();
const browser = await launchBrowser();
try {
  const page = await openWorkbench(browser, server.url, 'محرر الديسك', { locale: 'ar-SY', viewport: { width: 1440, height: 900 } });
  const alhurra = '[data-report-id="alhurra-2024-12-01-aleppo"]';
  await page.locator(`${alhurra} mark:has-text("ودعت كل من الولايات المتحدة")`).click();
  await page.keyboard.press('3');
  await page.locator(`${alhurra} mark:has-text("وكانت القوات الحكومية")`).click();
  await page.keyboard.press('2');
  await page.locator(`${alhurra} mark:has-text("كل الأحياء")`).click();
  await page.mouse.move(5, 5);
  // Let the confirmation toast fade before the picture.
  await page.waitForTimeout(8500);
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshot.png') });
} finally {
  await browser.close();
  await server.cleanup();
}
