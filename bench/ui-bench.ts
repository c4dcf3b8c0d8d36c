import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromePath } from '../e2e/browser-mode';
import { openAppContext } from '../electron/app-context';
import { startWebServer } from '../electron/web/server';
import { sha256Hex } from '../electron/crypto/sha256';

const ROOT = resolve(import.meta.dirname, '..');
const WORDS = 50_000;

/** A long Arabic report: fixture sentences recombined, so it has claims and shared claims. */
function longReport(seed: number): string {
  const sentences = [
    'سيطرت فصائل المعارضة المسلحة على أحياء جديدة في مدينة حلب بعد معارك عنيفة مع قوات النظام',
    'ودعت الولايات المتحدة وفرنسا وألمانيا وبريطانيا جميع الأطراف إلى خفض التصعيد وحماية المدنيين',
    'وقال المرصد السوري لحقوق الإنسان إن عدد القتلى ارتفع إلى أكثر من مئة شخص منذ بدء الهجوم',
    'وأكدت الأمم المتحدة أن أكثر من مليون شخص يحتاجون إلى المساعدة الإنسانية العاجلة في المنطقة',
    'وشنت الطائرات الروسية غارات جوية على مواقع للمعارضة في ريف إدلب الجنوبي للمرة الأولى منذ سنوات',
  ];
  const paragraphs: string[] = [];
  let words = 0;
  let n = seed;
  while (words < WORDS) {
    const lines: string[] = [];
    for (let i = 0; i < 4; i++) {
      n = (n * 1103515245 + 12345) % 2147483648;
      const sentence = `${sentences[n % sentences.length]} في اليوم ${(n % 28) + 1} من الشهر رقم ${n % 977}.`;
      lines.push(sentence);
      words += sentence.split(' ').length;
    }
    paragraphs.push(lines.join(' '));
  }
  return paragraphs.join('\n\n');
}

/**
 * Opens two 50,000-word reports in the workbench in headless Chromium and reports the main-thread
 * work until the highlights are on screen (target: under one second), then scrolls a pane and
 * reports frame times.
 */
export async function runUiBench(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'isnad-ui-bench-'));
  const context = await openAppContext({ dataDir, sampleReportsDir: null });
  const rows: string[] = [];
  try {
    const drafts = [1, 2].map((seed) => {
      const text = longReport(seed);
      return {
        type: 'report.imported' as const,
        payload: { report: { id: `long-${seed}`, outlet: `Outlet ${seed}`, title: `Long report ${seed}`, publishedAt: '2024-12-01', language: 'ar', url: null, text, textSha256: sha256Hex(text) } },
      };
    });
    await context.store.commit(drafts, 'Bench');
    await context.store.commit([{ type: 'settings.changed', payload: { changes: { editorName: 'Bench' } } }], 'Bench');
    const server = await startWebServer({ dispatch: context.dispatch, staticDir: join(ROOT, 'build', 'renderer'), port: 0 });
    const browser = await chromium.launch({ executablePath: chromePath(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const metric = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
        return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration'), heap: get('JSHeapUsedSize') };
      };
      const wall = Date.now();
      await page.goto(server.url);
      await page.locator('.loading, mark[data-claim-id]').first().waitFor({ timeout: 120_000 });
      const booted = await metric();
      await page.locator('mark[data-claim-id]').first().waitFor({ timeout: 120_000 });
      const loaded = await metric();
      rows.push(`| app start before the reports arrive (scripts, fonts, first render) | ${(booted.task * 1000).toFixed(0)} ms main thread | |`);
      const marks = await page.locator('mark[data-claim-id]').count();
      rows.push(`| open 2 × ${WORDS.toLocaleString('en')}-word reports, highlights shown | ${(loaded.task * 1000).toFixed(0)} ms main thread (script ${(loaded.script * 1000).toFixed(0)}, layout ${(loaded.layout * 1000).toFixed(0)}, style ${(loaded.style * 1000).toFixed(0)}) · wall ${Date.now() - wall} ms | < 1000 ms main thread |`);
      rows.push(`| highlights in the page | ${marks.toLocaleString('en')} marks · JS heap ${(loaded.heap / 1048576).toFixed(0)} MB | |`);
      const frames = await page.evaluate(async () => {
        const pane = document.querySelector<HTMLElement>('[data-pane-body="a"]')!;
        const times: number[] = [];
        let last = performance.now();
        for (let i = 0; i < 120; i++) {
          pane.scrollTop += 400;
          await new Promise(requestAnimationFrame);
          const now = performance.now();
          times.push(now - last);
          last = now;
        }
        times.sort((a, b) => a - b);
        return { p50: times[Math.floor(times.length * 0.5)]!, p95: times[Math.floor(times.length * 0.95)]!, max: times.at(-1)! };
      });
      rows.push(`| scroll a pane, 120 frames of 400 px | frame p50 ${frames.p50.toFixed(1)} ms · p95 ${frames.p95.toFixed(1)} ms · max ${frames.max.toFixed(1)} ms | p95 ≤ 33 ms (30 fps) |`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await context.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return ['| workbench in headless Chromium | measured | target |', '| --- | --- | --- |', ...rows].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runUiBench().then(console.log, (error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
