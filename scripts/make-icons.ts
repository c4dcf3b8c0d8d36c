/**
 * Renders build-resources/icon.svg to build-resources/icon.png (512×512, transparent corners),
 * the image electron-builder turns into each platform's icon. Runs before `npm run dist`; the PNG
 * is generated, not committed. Uses the same headless Chromium as the e2e tests (CHROME_PATH, or
 * Debian's /usr/bin/chromium), never a downloaded one.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'build-resources', 'icon.svg');
const TARGET = join(ROOT, 'build-resources', 'icon.png');
const SIZE = 512;

function chromePath(): string {
  const path = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  if (!path) throw new Error('no Chromium found: install it (apt-get install chromium) or set CHROME_PATH');
  return path;
}

/** Width and height from the PNG header, to check what was written. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function main(): Promise<void> {
  const svg = await readFile(SOURCE, 'utf8');
  const browser = await chromium.launch({
    executablePath: chromePath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    // The SVG is our own file, but it is drawn with scripts off and the network closed all the same.
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1, javaScriptEnabled: false });
    await page.route('**/*', (route) => route.abort());
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
    const { width, height } = pngSize(png);
    if (width !== SIZE || height !== SIZE) throw new Error(`rendered ${width}×${height}, expected ${SIZE}×${SIZE}`);
    await writeFile(TARGET, png);
    console.log(`wrote ${TARGET} (${width}×${height})`);
  } finally {
    await browser.close();
  }
}

main().catch((error: Error) => {
  console.error(`make-icons: ${error.message}`);
  process.exit(1);
});
