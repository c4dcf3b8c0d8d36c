// Functions passed to page.evaluate run in the browser and use the DOM's types. (The program got
// them from @types/jsdom before HTML imports stopped using jsdom.)
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Reply } from '../shared/contract/channels';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');

/** Debian's Chromium unless CHROME_PATH names another; Playwright never downloads a browser here. */
export function chromePath(): string {
  const path = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  if (!path) throw new Error('no Chromium found: install it (apt-get install chromium) or set CHROME_PATH');
  return path;
}

export interface BrowserMode {
  url: string;
  dataDir: string;
  /** Stops the server (the data folder stays until cleanup). */
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

/**
 * Starts `npm run web`'s server as its own process on a temp data folder and a free port (or the
 * given one, to restart a server where a tab still points).
 */
export async function startBrowserMode(dataDir?: string, port = 0): Promise<BrowserMode> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'isnad-e2e-')));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/web/main.ts'), '--data-dir', dir, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return { url, dataDir: dir, stop, cleanup: async () => { await stop(); await rm(dir, { recursive: true, force: true }); } };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface OpenOptions {
  /** The browser's language (navigator.language, Accept-Language); Isnad follows it unless told otherwise. */
  locale?: string;
  viewport?: { width: number; height: number };
}

/** Opens Isnad at editor size and answers the first-run name prompt, in whatever language it speaks. */
export async function openWorkbench(browser: Browser, url: string, editor = 'Desk editor', options: OpenOptions = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1440, height: 900 }, ...(options.locale ? { locale: options.locale } : {}) });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  // First run asks for the editor's name; a later run goes straight to the reports.
  await page.locator('#editor-name, [data-report-id]').first().waitFor();
  const prompt = page.locator('#editor-name');
  if (await prompt.isVisible()) {
    await prompt.fill(editor);
    await page.locator('.editor-prompt button[type="submit"]').click();
  }
  await page.locator('[data-report-id]').first().waitFor();
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

/**
 * Calls a channel of a running browser mode as the page does (token from its URL), and unwraps
 * the reply: for tests that set up or check the record beside the UI.
 */
export async function apiValue<T>(serverUrl: string, channel: string, input: unknown): Promise<T> {
  const url = new URL(serverUrl);
  const token = /token=([^&]+)/.exec(url.hash)?.[1] ?? '';
  const response = await fetch(`${url.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': token },
    body: JSON.stringify(input),
  });
  const reply = (await response.json()) as Reply<T>;
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.code}: ${reply.error}`);
  return reply.value;
}
