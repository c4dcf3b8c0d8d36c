import { spawn } from 'node:child_process';
import { lstat, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppSnapshot, ComparisonView, ReportView, Reply } from '../shared/contract/channels';
import { readReportFile } from '../electron/reports/read-report-file';
import { launchBrowser, openWorkbench, ROOT, SCREENSHOTS, startBrowserMode, type BrowserMode } from './browser-mode';

/**
 * Hostile input through import, display and export, in the real browser mode against the real
 * store: nothing an article, a pasted text or a typed field contains may run, load, flip the UI
 * around it or become a link that is not http(s). Refused input must leave the store as it was.
 */

/** Each payload sets window.__pwned and opens a dialog if it ever runs. */
const PAYLOADS = [
  `<script>window.__pwned = 'script'; alert('script')</script>`,
  `<img src=x onerror="window.__pwned = 'img'; alert('img')">`,
  `<svg onload="window.__pwned = 'svg'"></svg>`,
  `<iframe src="javascript:parent.__pwned = 'iframe'"></iframe>`,
  `<a href="javascript:window.__pwned = 'link'">read more</a>`,
  `[read more](javascript:alert('markdown'))`,
  `<style>body { display: none }</style>`,
];

const HOSTILE_TEXT = [
  `Officials said on Sunday that 40 people were killed in Aleppo. ${PAYLOADS[0]}`,
  `The ministry confirmed that 12 hospitals were closed in the city. ${PAYLOADS[1]} ${PAYLOADS[2]}`,
  `Rebels took control of all neighbourhoods of the city, the observatory said. ${PAYLOADS[3]} ${PAYLOADS[4]}`,
  `About 300 families fled on Monday, according to the United Nations. ${PAYLOADS[5]} ${PAYLOADS[6]}`,
].join('\n\n');

const HOSTILE_HTML = `<!doctype html><html><head><title>Aleppo <script>window.__pwned='title'</script></title>
<script>window.__pwned = 'head script'</script><meta http-equiv="refresh" content="0; url=javascript:alert(1)"></head>
<body onload="window.__pwned = 'body'"><article><h1>Aleppo falls</h1>
<p>Officials said on Sunday that 40 people were killed in Aleppo, in a statement released at noon to the press.</p>
<p>The ministry confirmed that 12 hospitals were closed in the city. <img src=x onerror="window.__pwned='article img'"> The text shows &lt;script&gt;window.__pwned = 'escaped'&lt;/script&gt; as written.</p>
<p>Rebels took control of all neighbourhoods of the city. <a href="javascript:window.__pwned='a'">Read more</a> <iframe src="https://evil.example/"></iframe></p>
<script>window.__pwned = 'body script'</script><svg><script>window.__pwned = 'svg script'</script></svg>
</article></body></html>`;

/** U+202E RIGHT-TO-LEFT OVERRIDE: without isolation it reverses the text that follows it. */
const RLO = '\u202E';
const RLO_OUTLET = `Gazette ${RLO}exe.tnemyap`;

let server: BrowserMode;
let browser: Browser;
let page: Page;
let origin: string;
let token: string;
let files: string;
const dialogs: string[] = [];
const pageErrors: string[] = [];
/** Loads from anywhere but the browser mode: an image, a frame, a fetch. */
const foreignRequests: string[] = [];
/** Top-level navigations away from the app: only links the editor opened in a new tab. */
const foreignNavigations: string[] = [];
let hostileId: string;

async function api<T>(channel: string, input: unknown): Promise<Reply<T>> {
  const response = await fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Reply<T>;
}

async function value<T>(channel: string, input: unknown): Promise<T> {
  const reply = await api<T>(channel, input);
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.code}: ${reply.error}`);
  return reply.value;
}

async function eventCount(): Promise<number> {
  return (await value<AppSnapshot>('app:load', {})).eventCount;
}

/** Runs a refused call and checks that nothing was recorded. */
async function expectRefused(channel: string, input: unknown, message: RegExp): Promise<void> {
  const before = await eventCount();
  const reply = await api(channel, input);
  expect(reply.ok, JSON.stringify(reply).slice(0, 200)).toBe(false);
  if (!reply.ok) expect(reply.error).toMatch(message);
  expect(await eventCount()).toBe(before);
}

function importInput(content: string, outlet: string, format: 'text' | 'html' | 'markdown' = 'text') {
  return { content, format, fileName: null, outlet, title: null, publishedAt: null, url: null, language: null, replaces: null };
}

/** What would show that injected markup came alive: elements, inline handlers, CSP reports. */
async function expectNothingRan(): Promise<void> {
  const state = await page.evaluate(() => {
    const handlers = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`));
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      injected: document.querySelectorAll('script:not([src]), iframe, object, embed, img[src="x"], body style, meta[http-equiv="refresh"]').length,
      handlers,
      violations: (window as unknown as { __violations?: string[] }).__violations ?? [],
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
    };
  });
  expect(state.pwned).toBeUndefined();
  expect(state.injected).toBe(0);
  expect(state.handlers).toEqual([]);
  // Zod probes whether it may compile validators with Function(''), in a try/catch; the CSP
  // refuses and reports it. That probe is the one violation expected (see docs/security.md).
  expect(state.violations.filter((v) => v !== 'script-src eval')).toEqual([]);
  for (const href of state.hrefs) expect(new URL(href).protocol, href).toMatch(/^https?:$/);
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  for (const url of foreignNavigations) expect(new URL(url).protocol, url).toMatch(/^https?:$/);
}

/** Shows a report imported through the API (the page learns of it on reload) as report B. */
async function showAsB(reportId: string): Promise<void> {
  await page.reload();
  await page.locator('[data-report-id]').first().waitFor();
  await page.getByLabel('Report B').selectOption(reportId);
  await page.locator(`[data-report-id="${reportId}"] .pane__body`).waitFor();
}

/**
 * Every text node holding the override must be isolated so it cannot reorder the UI around it:
 * by its nearest isolating or block element (<bdi>, dir=, unicode-bidi: isolate) holding nothing
 * but the hostile value, or, where markup cannot go (an <option>), by FSI/RLI/LRI … PDI around it.
 */
async function unisolatedOverrides(where: 'markup' | 'options'): Promise<string[]> {
  return page.evaluate(
    ([needle, inOptions]) => {
      const problems: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (!node.data.includes('\u202E') || (node.parentElement?.closest('option') !== null) !== inOptions) continue;
        if (/[\u2066-\u2068][^\u2069]*\u202E[^\u2069]*\u2069/.test(node.data)) continue;
        let isolated = false;
        for (let el = node.parentElement; el && el !== document.body; el = el.parentElement) {
          const style = getComputedStyle(el);
          if (el.tagName === 'BDI' || /isolate|plaintext/.test(style.unicodeBidi) || !/^inline/.test(style.display)) {
            isolated = (el.textContent ?? '').trim() === needle;
            break;
          }
        }
        if (!isolated) {
          const holder = node.parentElement;
          problems.push(`<${holder?.tagName.toLowerCase()} class="${holder?.className}"> ${JSON.stringify(holder?.textContent?.slice(0, 60))}`);
        }
      }
      return problems;
    },
    [RLO_OUTLET, where === 'options'] as const,
  );
}

beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'isnad-hostile-files-'));
  server = await startBrowserMode();
  const url = new URL(server.url);
  origin = url.origin;
  token = /token=([^&]+)/.exec(url.hash)![1]!;
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
  page = await openWorkbench(browser, server.url);
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Nothing may leave 127.0.0.1; a link the editor opens is recorded by the popup test instead.
  await page.context().route(
    (requested) => requested.origin !== origin,
    async (route) => {
      const request = route.request();
      if (!request.isNavigationRequest()) {
        foreignRequests.push(request.url());
        return route.abort();
      }
      // A link opened in a new tab: recorded, and answered here instead of by the real site.
      foreignNavigations.push(request.url());
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'opened outside Isnad' });
    },
  );
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  // The token is kept for the tab, so a reload picks up the init script and stays signed in.
  await page.reload();
  await page.locator('[data-report-id]').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
  if (files) await rm(files, { recursive: true, force: true });
});

describe('hostile reports are shown as text', () => {
  it('imports a pasted text full of markup through the UI, and shows the markup as text', async () => {
    await page.getByRole('button', { name: /Reports & import/ }).click();
    await page.getByLabel(/paste the report/).fill(HOSTILE_TEXT);
    await page.getByLabel('Outlet (required)').fill(RLO_OUTLET);
    await page.getByLabel(/^Title/).fill(`Aleppo ${PAYLOADS[1]}`);
    await page.getByRole('button', { name: 'Import report' }).click();
    const pane = page.locator('section.pane').filter({ has: page.locator('.pane__outlet bdi', { hasText: 'Gazette' }) });
    await pane.waitFor();
    hostileId = (await pane.getAttribute('data-report-id'))!;
    // The first paragraph is the headline, the rest the body: all of it shown as typed.
    const shown = await pane.innerText();
    for (const payload of PAYLOADS) expect(shown).toContain(payload);
    // The notice that confirms the import names the outlet too.
    expect(await page.locator('.toast').innerText()).toContain('Gazette');
    await page.screenshot({ path: join(SCREENSHOTS, 'hostile-text.png') });
    await expectNothingRan();
  });

  it('lists claims, differences and history from the hostile text without running any of it', async () => {
    const view = await value<ComparisonView>('compare:run', { a: (await value<AppSnapshot>('app:load', {})).reports[0]!.id, b: hostileId });
    const claim = view.b.claims[0];
    expect(claim).toBeDefined();
    await page.locator(`mark[data-claim-id="${claim!.id}"]`).first().click();
    await page.getByLabel('Claim inspector').waitFor();
    await page.locator('body').press('/');
    await page.getByLabel('Search claims').fill('<script>');
    await page.keyboard.press('Escape');
    await expectNothingRan();
  });

  it('extracts only the article text from a hostile HTML page', async () => {
    const before = await eventCount();
    const summary = await value<{ id: string }>('reports:import', importInput(HOSTILE_HTML, 'Hostile HTML', 'html'));
    expect(await eventCount()).toBe(before + 1);
    const { text } = await value<ReportView>('reports:get', { id: summary.id });
    expect(text).toContain('40 people were killed in Aleppo');
    // Markup is gone; what the page wrote as visible text (&lt;script&gt;) stays visible text.
    expect(text).not.toMatch(/<img|<iframe|<a |onerror|onload|head script|body script|svg script|article img/);
    expect(text).toContain(`<script>window.__pwned = 'escaped'</script>`);
    await showAsB(summary.id);
    expect(await page.locator(`[data-report-id="${summary.id}"] .pane__body`).innerText()).toContain(`<script>window.__pwned = 'escaped'</script>`);
    await expectNothingRan();
  });

  it('strips links and markup from a hostile Markdown report', async () => {
    const markdown = `# Aleppo\n\nOfficials said on Sunday that 40 people were killed in Aleppo. [read more](javascript:alert('md'))\n\n<img src=x onerror="window.__pwned='md img'">\n\n![x](javascript:alert(1))`;
    const summary = await value<{ id: string }>('reports:import', importInput(markdown, 'Hostile Markdown', 'markdown'));
    const { text } = await value<ReportView>('reports:get', { id: summary.id });
    expect(text).toContain('40 people were killed');
    expect(text).not.toContain('javascript:');
    await showAsB(summary.id);
    await expectNothingRan();
    await showAsB(hostileId);
  });
});

describe('a right-to-left override in an outlet name', () => {
  it('is shown in <bdi> in the panes and the reports list, isolated from the UI around it', async () => {
    await page.getByRole('button', { name: /Reports & import/ }).click();
    await page.getByLabel(/paste the report/).fill('Officials said on Monday that 7 people were injured in Homs.');
    await page.getByLabel('Outlet (required)').fill(RLO_OUTLET);
    await page.getByRole('button', { name: 'Import report' }).click();
    // The notice confirming the import, while it shows.
    await page.locator('.toast').waitFor();
    expect(await unisolatedOverrides('markup')).toEqual([]);
    expect(await page.locator('.pane__outlet bdi', { hasText: 'Gazette' }).innerText()).toBe(RLO_OUTLET);
    expect(await unisolatedOverrides('markup')).toEqual([]);
    await page.getByRole('button', { name: /Reports & import/ }).click();
    const listed = page.locator('.report-list__outlet', { hasText: 'Gazette' }).last();
    await listed.waitFor();
    expect(await listed.evaluate((el) => el.tagName)).toBe('BDI');
    expect(await unisolatedOverrides('markup')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'hostile-outlet.png') });
    await page.keyboard.press('Escape');
  });

  it('is isolated inside <option> text too (FSI … PDI), where markup cannot go', async () => {
    // The report pickers in the top bar and the claim list's outlet filter.
    expect(await unisolatedOverrides('options')).toEqual([]);
  });
});

describe('links', () => {
  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'app://isnad/index.html', 'not a url'])(
    'the API refuses the evidence URL %j with a clear error, and records nothing',
    async (url) => {
      const view = await value<ComparisonView>('compare:run', { a: (await value<AppSnapshot>('app:load', {})).reports[0]!.id, b: hostileId });
      await expectRefused('evidence:add', { claimId: view.b.claims[0]!.id, evidence: { kind: 'link', stance: 'supports', url, quote: null, note: null } }, /http or https/);
      await expectRefused('reports:import', { ...importInput('Officials said 3 people died.', 'Link test'), url }, /http or https/);
      await expectRefused('settings:update', { organizationUrl: url }, /http or https/);
    },
  );

  it('shows evidence links as links only for http(s), and opens them only in a new browsing context', async () => {
    const view = await value<ComparisonView>('compare:run', { a: (await value<AppSnapshot>('app:load', {})).reports[0]!.id, b: hostileId });
    const claimId = view.b.claims[0]!.id;
    await value('evidence:add', {
      claimId,
      evidence: { kind: 'link', stance: 'refutes', url: 'https://www.example.org/report?a=<script>', quote: PAYLOADS[0], note: `${PAYLOADS[1]} ${PAYLOADS[5]}` },
    });
    await showAsB(hostileId);
    await page.locator(`mark[data-claim-id="${claimId}"]`).first().click();
    const item = page.locator('.evidence-item').first();
    await item.waitFor();
    expect(await item.locator('blockquote').innerText()).toBe(PAYLOADS[0]);
    const link = item.locator('a');
    expect(await link.getAttribute('href')).toBe('https://www.example.org/report?a=<script>');
    expect(await link.getAttribute('rel')).toContain('noopener');
    const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe('https://www.example.org/report?a=%3Cscript%3E');
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    await popup.close();
    expect(foreignNavigations).toEqual(['https://www.example.org/report?a=%3Cscript%3E']);
    // The form refuses a javascript: link before it is sent.
    const form = page.getByRole('form', { name: 'Add evidence' });
    await form.getByLabel('URL').fill('javascript:window.__pwned=1');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    expect(await form.getByRole('alert').innerText()).toMatch(/http/);
    await expectNothingRan();
  });
});

describe('files too large, or not text', () => {
  it('refuses a 50 MB report with a clear error, and records nothing', async () => {
    const fifty = `${'Officials said 40 people were killed. '.repeat(1_400_000)}`.slice(0, 50 * 1024 * 1024);
    await expectRefused('reports:import', importInput(fifty, 'Fifty megabytes'), /longer than 10,000,000 characters/);
  });

  it('refuses a report over the 60 MB import limit with a clear error, and a body over 64 MB at the door', async () => {
    await expectRefused('reports:import', importInput('x'.repeat(61_000_000), 'Sixty-one megabytes'), /larger than 60 MB/);
    const before = await eventCount();
    const response = await fetch(`${origin}/api/reports:import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': token },
      body: JSON.stringify(importInput('x'.repeat(65 * 1024 * 1024), 'Too big')),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, code: 'too-large', error: expect.stringMatching(/larger than 64 MB/) });
    expect(await eventCount()).toBe(before);
  });

  it('refuses a 50 MB HTML page or Markdown file before parsing it, with a clear error', async () => {
    const page50 = `<html><body><article>${'<p>Officials said 40 people were killed.</p>'.repeat(1_200_000)}</article></body></html>`.slice(0, 50 * 1024 * 1024);
    await expectRefused('reports:import', importInput(page50, 'Fifty megabytes of HTML', 'html'), /this HTML page is 50\.0 MB; Isnad extracts articles from pages of up to 10 MB/);
    const markdown50 = 'Officials said **40** people were killed. [a '.repeat(1_200_000).slice(0, 50 * 1024 * 1024);
    await expectRefused('reports:import', importInput(markdown50, 'Fifty megabytes of Markdown', 'markdown'), /this Markdown file is 50\.0 MB; Isnad extracts articles from files of up to 10 MB/);
  });

  it('the UI refuses a file over 60 MB, and one that is not UTF-8, before sending anything', async () => {
    const big = join(files, 'transcript.txt');
    await writeFile(big, Buffer.alloc(61 * 1024 * 1024, 'a'));
    const cp1256 = join(files, 'aleppo-cp1256.txt');
    // "Aleppo: حلب" saved as Windows-1256, as older Arabic newsroom systems do.
    await writeFile(cp1256, Buffer.concat([Buffer.from('Aleppo: '), Buffer.from([0xcd, 0xe1, 0xc8, 0x20, 0xc7, 0xe1, 0xd4, 0xe5, 0xc8, 0xc7, 0xc1])]));
    const utf16 = join(files, 'aleppo-utf16.txt');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Aleppo: حلب', 'utf16le')]));
    const before = await eventCount();
    await page.getByRole('button', { name: /Reports & import/ }).click();
    const input = page.getByLabel(/Open a file/);
    const alert = page.getByRole('dialog').getByRole('alert');
    await input.setInputFiles(big);
    await expect.poll(() => alert.innerText()).toMatch(/transcript\.txt is 61 MB; the limit is 60 MB/);
    await input.setInputFiles(cp1256);
    await expect.poll(() => alert.innerText()).toMatch(/aleppo-cp1256\.txt is not UTF-8 text/);
    await input.setInputFiles(utf16);
    await expect.poll(() => alert.innerText()).toMatch(/aleppo-utf16\.txt (is not UTF-8 text|looks like a binary file)/);
    await page.keyboard.press('Escape');
    expect(await eventCount()).toBe(before);
    await expectNothingRan();
  });

  it('readReportFile and the CLI refuse a file that is not UTF-8, naming it', async () => {
    const cp1256 = join(files, 'aleppo-cp1256.txt');
    const good = join(files, 'good.txt');
    await writeFile(good, 'Officials said on Sunday that 40 people were killed in Aleppo.');
    await expect(readReportFile(cp1256)).rejects.toThrow(/aleppo-cp1256\.txt is not valid UTF-8 text; save it as UTF-8/);
    await expect(readReportFile(join(files, 'aleppo-utf16.txt'))).rejects.toThrow(/aleppo-utf16\.txt looks like a binary file/);
    const cli = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli/main.ts'), 'compare', cp1256, good], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/aleppo-cp1256\.txt is not valid UTF-8 text/);
  });
});

/** Sends a call and notes when its answer arrives, so tests can check which came first. */
function timed<T>(order: string[], name: string, call: Promise<T>): Promise<T> {
  return call.then((result) => {
    order.push(name);
    return result;
  });
}

describe('imports that used to stall the server', () => {
  it('refuses HTML nested 10,000 deep before building it, while other calls are answered, and records nothing', async () => {
    const deep = `<html><body>${'<div>'.repeat(10_000)}<p>Officials said on Sunday that 40 people were killed in Aleppo.</p></body></html>`;
    const before = await eventCount();
    const order: string[] = [];
    const refused = timed(order, 'import', api('reports:import', importInput(deep, 'Deep HTML', 'html')));
    await timed(order, 'app:load', api('app:load', {}));
    const reply = await refused;
    expect(reply).toMatchObject({ ok: false, code: 'too-deep', error: expect.stringMatching(/nests elements more than 512 deep/) });
    expect(order).toEqual(['app:load', 'import']);
    expect(await eventCount()).toBe(before);
  });

  it('imports 480 KB of "[a " in one pass, answering other calls meanwhile', async () => {
    const markdown = `Officials said on Sunday that 40 people were killed in Aleppo.\n\n${'[a '.repeat(160_000)}`;
    const before = await eventCount();
    const order: string[] = [];
    const importing = timed(order, 'import', value<{ id: string }>('reports:import', importInput(markdown, 'Bracket wire', 'markdown')));
    await timed(order, 'app:load', api('app:load', {}));
    const { id } = await importing;
    expect(order).toEqual(['app:load', 'import']);
    expect(await eventCount()).toBe(before + 1);
    const { text } = await value<ReportView>('reports:get', { id });
    expect(text.startsWith('Officials said on Sunday that 40 people were killed in Aleppo.\n\n[a [a ')).toBe(true);
  });
});

describe('the command line with hostile files', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'isnad-hostile-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli/main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  }

  async function cliEventCount(): Promise<number> {
    const run = await cli('log', 'verify', '--data-dir', dataDir, '--json');
    return (JSON.parse(run.stdout) as { count: number }).count;
  }

  it('refuses a report file whose textFile climbs out of its folder, on one line, and records nothing', async () => {
    expect((await cli('reports', 'list', '--data-dir', dataDir)).code).toBe(0);
    const before = await cliEventCount();
    const reportFile = join(files, 'passwd-report.json');
    await writeFile(reportFile, JSON.stringify({ kind: 'isnad-report', schemaVersion: 1, id: 'wire-passwd', outlet: 'Wire', title: 'Story', publishedAt: null, language: 'en', url: null, textFile: '../../../../../../etc/passwd' }));
    const run = await cli('reports', 'import', reportFile, '--data-dir', dataDir, '--editor', 'Night editor');
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/passwd-report\.json: its textFile "\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" is outside the report file's folder/);
    expect(run.stderr).not.toContain('root:');
    expect(await cliEventCount()).toBe(before);
  });

  it('refuses export --out /dev/full --force, leaving the device alone', async () => {
    const run = await cli('export', '--format', 'json', '--out', '/dev/full', '--force', '--data-dir', dataDir);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/\/dev\/full is not a regular file \(a device, pipe or socket\); --force replaces only regular files/);
    expect((await lstat('/dev/full')).isCharacterDevice()).toBe(true);
  });
});

describe('a flood of idle connections', () => {
  it('1,100 idle connections without the token do not exhaust a 1,024-descriptor browser mode: later changes are written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isnad-flood-'));
    // The browser mode as a user on a default descriptor limit would run it.
    const child = spawn('bash', ['-c', 'ulimit -n 1024 && exec "$0" "$@"', process.execPath, '--import', 'tsx', join(ROOT, 'electron/web/main.ts'), '--data-dir', dir, '--port', '0', '--no-samples'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const started = await new Promise<URL>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
          if (match) resolve(new URL(match[1]!));
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${output}`)));
      });
      const floodToken = /token=([^&]+)/.exec(started.hash)![1]!;
      const call = (channel: string, input: unknown) =>
        fetch(`${started.origin}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Isnad-Token': floodToken }, body: JSON.stringify(input) }).then(
          (response) => response.json() as Promise<Reply<unknown>>,
        );
      expect(await call('settings:update', { editorName: 'Desk editor' })).toMatchObject({ ok: true });
      const sockets = await Promise.all(
        Array.from(
          { length: 1100 },
          () =>
            new Promise<Socket>((resolve) => {
              const socket = connect({ host: '127.0.0.1', port: Number(started.port) });
              socket.on('error', () => undefined);
              // Read what the server says (its 408), so its closing reaches this side.
              socket.resume();
              socket.once('connect', () => resolve(socket));
              socket.once('close', () => resolve(socket));
            }),
        ),
      );
      // The server closes those over its cap at once and the rest at the headers timeout.
      await Promise.all(sockets.map((socket) => (socket.destroyed ? Promise.resolve() : new Promise((resolve) => socket.once('close', resolve)))));
      expect(output).not.toMatch(/EMFILE/);
      expect(await call('settings:update', { organizationName: 'Fact desk' })).toMatchObject({ ok: true });
      const load = (await call('app:load', {})) as Reply<AppSnapshot>;
      expect(load).toMatchObject({ ok: true, value: { writable: true, settings: { organizationName: 'Fact desk' } } });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('exports of hostile content', () => {
  let pair: [string, string];

  beforeAll(async () => {
    const snapshot = await value<AppSnapshot>('app:load', {});
    pair = [snapshot.reports[0]!.id, hostileId];
    const view = await value<ComparisonView>('compare:run', { a: pair[0], b: pair[1] });
    const claimIds = view.b.claims.map((claim) => claim.id);
    await value('claims:setStatus', { claimIds: claimIds.slice(0, 1), status: 'false', note: `${PAYLOADS[0]} ${PAYLOADS[5]} <b>bold</b>` });
    await value('evidence:add', { claimId: claimIds[0], evidence: { kind: 'quote', stance: 'refutes', url: null, quote: `${PAYLOADS[1]}\n> quoted\n# heading`, note: `=HYPERLINK("https://evil.example","x") ${PAYLOADS[3]}` } });
    await value('settings:update', { organizationName: `Desk <script>alert(1)</script> ${RLO}`, organizationUrl: 'https://newsroom.example/' });
  });

  async function exported(format: string): Promise<string> {
    const file = await value<{ fileName: string; content: string }>('export:build', { format, scope: { kind: 'all' }, pair });
    expect(file.fileName).not.toMatch(/[/\\]/);
    return file.content;
  }

  it('Markdown carries no live HTML and no link that is not http(s)', async () => {
    const md = await exported('md');
    expect(md).toContain('12 hospitals were closed');
    // The hostile text is there, escaped: `<` only ever as &lt;.
    expect(md).toContain('&lt;script>');
    expect(md).not.toMatch(/<[a-zA-Z!/?]/);
    // Every link (an unescaped `](`) goes to http(s); the hostile `\[read more\](javascript:…)` is text.
    const links = [...md.matchAll(/(?<!\\)\]\(([^)\s]*)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(new URL(href).protocol, href).toMatch(/^https?:$/);
    expect(md).not.toMatch(/(?<!\\)\]\(\s*(javascript|data|vbscript):/i);
    // No line of untrusted text starts a block of its own.
    expect(md).not.toMatch(/^# heading/m);
  });

  it('Markdown keeps a right-to-left override inside the value that carries it', async () => {
    const md = await exported('md');
    const lines = md.split('\n').filter((line) => line.includes(RLO));
    expect(lines.length).toBeGreaterThan(0);
    // Closed by PDF (U+202C), or wrapped in an isolate (FSI/LRI/RLI … PDI), before the line goes on.
    for (const line of lines) expect(line, line).toMatch(/^(?:[^\u202E]|[\u2066-\u2068][^\u2069]*\u2069|\u202E[^\u202C\n]*\u202C)*$/);
  });

  it('CSV keeps markup as text and formulas inert', async () => {
    const rows = parseCsv((await exported('csv')).replace(/^\uFEFF/, ''), { relaxQuotes: false }) as string[][];
    expect(rows.length).toBeGreaterThan(1);
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.flat().join('\n')).toContain('<script>');
  });

  it('ClaimReview JSON-LD embedded in a page stays one inert script block that parses whole', async () => {
    const jsonld = await exported('claimreview');
    // The claim text and the note quote </script><script>…: each must arrive escaped.
    expect(jsonld).toContain('\\u003c/script\\u003e');
    expect(jsonld).not.toMatch(/[<>&\u2028\u2029]/);
    // As a newsroom would publish it: pasted into <script type="application/ld+json"> on its page.
    const html = `<!doctype html><html><head><title>Fact check</title><script type="application/ld+json" id="claimreview">${jsonld}</script></head><body><p id="after">after</p></body></html>`;
    const context = await browser.newContext({ javaScriptEnabled: true });
    const published = await context.newPage();
    const ran: string[] = [];
    published.on('dialog', (dialog) => {
      ran.push(dialog.message());
      void dialog.dismiss();
    });
    published.on('pageerror', (error) => ran.push(error.message));
    await published.setContent(html);
    const state = await published.evaluate(() => ({
      scripts: document.scripts.length,
      text: document.getElementById('claimreview')?.textContent ?? '',
      bodyChildren: [...document.body.children].map((el) => el.id),
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    }));
    await context.close();
    expect(state.scripts).toBe(1);
    expect(state.bodyChildren).toEqual(['after']);
    expect(state.text).toBe(jsonld);
    const records = JSON.parse(state.text) as Array<{ claimReviewed: string; reviewBody?: string; author: { name: string } }>;
    expect(records.length).toBeGreaterThan(0);
    expect(records.some((record) => record.claimReviewed.includes('</script>') || record.reviewBody?.includes('</script>'))).toBe(true);
    expect(records[0]!.author.name).toContain('<script>alert(1)</script>');
    expect(state.pwned).toBeUndefined();
    expect(ran).toEqual([]);
  });

  it.each([
    'https://newsroom.example/</script><script>alert(1)</script>',
    'https://newsroom.example/"onload="alert(1)',
    'https://user:secret@newsroom.example/',
    'https://newsroom.example/\u202Efdp.exe',
  ])('settings refuse the organization URL %j, and record nothing', async (url) => {
    await expectRefused('settings:update', { organizationUrl: url }, /plain http or https address/);
    expect((await value<AppSnapshot>('app:load', {})).settings.organizationUrl).toBe('https://newsroom.example/');
  });

  it.each(['json', 'claimreview', 'annotations'])('%s is well-formed JSON with only http(s) URLs', async (format) => {
    const content = await exported(format);
    const parsed = JSON.parse(content) as unknown;
    const urls: string[] = [];
    const walk = (node: unknown, key: string): void => {
      if (typeof node === 'string' && /url|^id$|source|sameAs|@id/i.test(key) && /^[a-z][a-z0-9+.-]*:/i.test(node)) urls.push(node);
      else if (Array.isArray(node)) node.forEach((item) => walk(item, key));
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
    };
    walk(parsed, '');
    for (const url of urls) expect(url, url).not.toMatch(/^(javascript|data|vbscript|file):/i);
  });
});
