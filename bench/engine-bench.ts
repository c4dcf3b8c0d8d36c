import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diffWords } from 'diff';
import { readReportFile } from '../electron/reports/read-report-file';
import { compareReports, parseReport, tokenizeForMatch, WordNormalizer, type ReportText } from '../shared/engine';
import { paragraphRanges } from '../shared/engine/ingest';
import { syntheticReportPair, utf8Length } from '../shared/engine/synthetic-report';

/**
 * The claim engine's speed against its floor (its quality on the gold set: gold-bench.ts).
 * Floor: segmenting and normalizing the words of both inputs, which any comparison must do.
 * Compare: parsing both reports and matching their claims. Target: compare ≤ 3× floor at 1 MB.
 * Baseline: `diff`'s diffWords with an Intl.Segmenter over the whole texts, within a time bound.
 */

const SIZES: Array<[string, number]> = [
  ['10 KB', 10 * 1024],
  ['100 KB', 100 * 1024],
  ['1 MB', 1024 * 1024],
];
/** Past this the baseline is not started: Intl.Segmenter over one long string is quadratic and runs out of memory. */
const BASELINE_MAX_BYTES = 100 * 1024;
const BASELINE_TIMEOUT_MS = 10_000;
const TARGET_RATIO = 3;

function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * Best of `runs` for each piece of work, taken in turns so both meet the same load on a shared
 * machine; one run first, unmeasured, so the JIT has compiled both.
 */
function bestInTurns(runs: number, works: ReadonlyArray<() => void>): number[] {
  for (const work of works) work();
  const fastest = works.map(() => Infinity);
  for (let i = 0; i < runs; i++) works.forEach((work, k) => (fastest[k] = Math.min(fastest[k]!, time(work))));
  return fastest;
}

function floor(texts: readonly string[], language: string): void {
  for (const text of texts) {
    const normalizer = new WordNormalizer();
    for (const paragraph of paragraphRanges(text)) tokenizeForMatch(text, language, normalizer, paragraph.start, paragraph.end);
  }
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

function baseline(a: string, b: string): string {
  if (utf8Length(a) > BASELINE_MAX_BYTES * 1.1) return 'not run (> 100 KB)';
  const start = performance.now();
  const result = diffWords(a, b, { intlSegmenter: new Intl.Segmenter('ar', { granularity: 'word' }), timeout: BASELINE_TIMEOUT_MS });
  const elapsed = performance.now() - start;
  return result === undefined ? `> ${ms(BASELINE_TIMEOUT_MS)} (gave up)` : ms(elapsed);
}

async function fixtureSentences(): Promise<string[]> {
  const reports = await Promise.all(
    ['fixtures/reports/000-alhurra-aleppo.json', 'fixtures/reports/001-aljazeera-mubasher-aleppo.json'].map((f) => readReportFile(f)),
  );
  return reports.flatMap((r) => parseReport(r).claims.map((c) => c.text));
}

async function speedTable(): Promise<string> {
  const sentences = await fixtureSentences();
  const rows: Array<{ cells: string; pair: { a: string; b: string } }> = [];
  let ratioAtLargest = 0;
  for (const [label, bytes] of SIZES) {
    const pair = syntheticReportPair(sentences, bytes, 11);
    const report = (id: string, text: string): ReportText => ({ id, outlet: id, title: '', text, publishedAt: '2024-12-02', language: 'ar' });
    const runs = bytes >= 1024 * 1024 ? 3 : bytes >= 100 * 1024 ? 5 : 15;
    let claims = '';
    let links = '';
    const [floorMs, compareMs] = bestInTurns(runs, [
      () => floor([pair.a, pair.b], 'ar'),
      () => {
        const a = parseReport(report('a', pair.a));
        const b = parseReport(report('b', pair.b));
        const matches = compareReports(a, b);
        claims = `${a.claims.length} / ${b.claims.length}`;
        links = `${matches.length} (${matches.filter((m) => m.relation === 'same').length})`;
      },
    ]) as [number, number];
    const ratio = compareMs / floorMs;
    ratioAtLargest = ratio;
    rows.push({ cells: `| ${label} | ${claims} | ${links} | ${ms(floorMs)} | ${ms(compareMs)} | ${ratio.toFixed(2)}× |`, pair });
  }
  // The baseline runs last: its garbage (gigabytes at 100 KB) would slow the measurements after it.
  const lines = rows.map(({ cells, pair }) => `${cells} ${baseline(pair.a, pair.b)} |`);
  return [
    '| input per side | claims A / B | links (same) | floor: tokenize + normalize both | compare: parse both + match | compare ÷ floor | diffWords + Intl.Segmenter (baseline) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...lines,
    '',
    `Target: compare ≤ ${TARGET_RATIO}× floor at 1 MB: ${ratioAtLargest <= TARGET_RATIO ? 'met' : 'MISSED'} (${ratioAtLargest.toFixed(2)}×). Best of several runs; synthetic Arabic from the fixtures' sentences.`,
  ].join('\n');
}

export async function runEngineBench(): Promise<string> {
  return speedTable();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(await runEngineBench());
}
