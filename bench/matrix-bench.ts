import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { syntheticReportPair } from '../shared/engine/synthetic-report';
import { VERDICTS } from '../shared/model/verdict';
import { launchBrowser } from '../e2e/browser-mode';
import { openAppContext } from '../electron/app-context';
import { sha256Hex } from '../electron/crypto/sha256';
import { startWebServer } from '../electron/web/server';
import { benchTable, type BenchRow } from './bench-table';
import { fixtureSentences } from './engine-floor';

const ROOT = resolve(import.meta.dirname, '..');
const REPORTS = 20;
/** About 10,000 Arabic words of the synthetic text. */
const BYTES_PER_REPORT = 110_000;
const MATRIX_TARGET_MS = 1000;
const STATUS_TARGET_P95_MS = 50;
const STATUS_CHANGES = 40;

/**
 * The story matrix of 20 reports of about 10,000 words in headless Chromium: the main thread's
 * work from the click to the rows on screen (the groups already computed and cached, as after
 * the first look), and one status change in that store, as the handler answers it.
 */
export async function runMatrixBench(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'isnad-matrix-bench-'));
  const context = await openAppContext({ dataDir, sampleReportsDir: null, editor: 'Bench' });
  const rows: BenchRow[] = [];
  try {
    const sentences = await fixtureSentences();
    const texts: string[] = [];
    for (let seed = 1; texts.length < REPORTS; seed++) {
      const pair = syntheticReportPair(sentences, BYTES_PER_REPORT, seed);
      texts.push(pair.a, pair.b);
    }
    await context.store.commit(
      texts.map((text, i) => ({
        type: 'report.imported' as const,
        payload: { report: { id: `outlet-${i}`, outlet: `Outlet ${i + 1}`, title: `Report ${i + 1}`, publishedAt: '2024-12-02', language: 'ar', url: null, text, textSha256: sha256Hex(text) } },
      })),
      'Bench',
    );
    await context.store.commit([{ type: 'settings.changed', payload: { changes: { editorName: 'Bench' } } }], 'Bench');
    let started = performance.now();
    const warm = await context.call('story:matrix', {});
    if (!warm.ok) throw new Error(warm.error);
    rows.push({ what: `first matrix in the handler (parse ${REPORTS} reports, every link, groups)`, value: performance.now() - started, unit: 'ms' });
    started = performance.now();
    await context.call('story:matrix', {});
    rows.push({ what: 'matrix again in the handler (links cached)', value: performance.now() - started, unit: 'ms' });
    rows.push({ what: 'rows (claim groups), of them in several reports', value: `${warm.value.rows.length.toLocaleString('en')}, ${warm.value.rows.filter((r) => !r.singleSource).length.toLocaleString('en')}` });

    const claimIds = warm.value.rows.flatMap((r) => Object.values(r.cells).flat().map((c) => c.claimId));
    const times: number[] = [];
    for (let i = 0; i < STATUS_CHANGES; i++) {
      const status = VERDICTS.filter((v) => v !== 'false' && v !== 'misleading')[i % 4]!;
      started = performance.now();
      const reply = await context.call('claims:setStatus', { claimIds: [claimIds[(i * 97) % claimIds.length]!], status, note: null });
      times.push(performance.now() - started);
      if (!reply.ok) throw new Error(reply.error);
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)]!;
    rows.push({ what: `one status change in this story, p95 of ${STATUS_CHANGES} (handler, written to disk)`, value: p95, unit: 'ms', target: `< ${STATUS_TARGET_P95_MS} ms`, met: p95 < STATUS_TARGET_P95_MS });

    const server = await startWebServer({ dispatch: context.dispatch, staticDir: join(ROOT, 'build', 'renderer'), port: 0 });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const cpu = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
      await page.goto(server.url);
      await page.waitForFunction(() => document.querySelector('mark[data-claim-id]') !== null, undefined, { polling: 100, timeout: 300_000 });
      const before = await cpu();
      const wall = Date.now();
      await page.evaluate(() => document.querySelector<HTMLElement>('[data-matrix-button]')?.click());
      await page.waitForFunction(() => document.querySelector('[data-matrix-row]') !== null, undefined, { polling: 50, timeout: 300_000 });
      const work = (await cpu()) - before;
      const shown = await page.evaluate(() => document.querySelectorAll('[data-matrix-row]').length);
      rows.push({
        what: `open the matrix: main-thread CPU from the click to ${shown.toLocaleString('en')} rows shown (${(Date.now() - wall).toLocaleString('en')} ms wall)`,
        value: work,
        unit: 'ms',
        target: `< ${MATRIX_TARGET_MS.toLocaleString('en')} ms main-thread CPU`,
        met: work < MATRIX_TARGET_MS,
      });
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await context.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return benchTable('The story matrix, 20 reports × 10,000 words', rows, ['One run. The matrix draws the rows in view (virtualized); a story of up to 300 claims in its rows is drawn whole.']);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runMatrixBench().then(console.log, (error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
