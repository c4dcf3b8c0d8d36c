import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadGoldFiles, runGoldFiles } from '../electron/reports/gold-files';
import { fraction, GOLD_TARGETS, PHENOMENON_TARGETS, summarizeGold, type GoldSummary } from '../shared/engine';
import { benchTable, type BenchRow } from './bench-table';

/**
 * The claim engine's truthfulness on the gold set, per split: the dev split is what the engine
 * was tuned on, the test split what nobody tuned on. Every figure is printed beside its target
 * with met or MISSED.
 */

function splitTable(title: string, summary: GoldSummary): string {
  const measures: BenchRow[] = GOLD_TARGETS.map((t) => ({ what: `${title}: ${t.what}`, value: t.value(summary), target: t.target, met: t.met(summary) }));
  measures.push({ what: `${title}: links, precision / recall`, value: `${fraction(summary.linkPrecision)} / ${fraction(summary.linkRecall)}` });
  const phenomena: BenchRow[] = summary.phenomena.flatMap((p) => [
    { what: `${title}: ${p.phenomenon} (${p.pairs} pairs), precision`, value: fraction(p.precision), target: `≥ ${PHENOMENON_TARGETS.precision}`, met: p.precision.value >= PHENOMENON_TARGETS.precision },
    { what: `${title}: ${p.phenomenon} (${p.pairs} pairs), recall`, value: fraction(p.recall), target: `≥ ${PHENOMENON_TARGETS.recall}`, met: p.recall.value >= PHENOMENON_TARGETS.recall },
  ]);
  return [
    benchTable(`Gold set, ${title}: ${summary.cases} cases, ${summary.pairs} annotated pairs`, measures),
    benchTable(`Gold set, ${title}: per phenomenon`, phenomena),
  ].join('\n\n');
}

export async function runGoldBench(options: { failures?: boolean } = {}): Promise<string> {
  const files = await loadGoldFiles(resolve('fixtures/gold'));
  const sections: string[] = [];
  // The holdout cases are test cases written later still, after the engine's last tuning, and are
  // reported on their own so a change is judged on text nobody had seen when it was made.
  const holdout = (path: string): boolean => /[\\/]holdout[\\/]/.test(path);
  const holdout2 = (path: string): boolean => /[\\/]holdout2[\\/]/.test(path);
  const splits = [
    { title: 'dev split (tuned on)', chosen: files.filter((f) => f.gold.split === 'dev'), failures: true },
    { title: 'test split (never tuned on)', chosen: files.filter((f) => f.gold.split === 'test' && !holdout(f.path) && !holdout2(f.path)), failures: false },
    { title: 'holdout split (written after the last tuning, never tuned on)', chosen: files.filter((f) => holdout(f.path)), failures: false },
    { title: 'second holdout split (written blind on 4 December 2026, never tuned on)', chosen: files.filter((f) => holdout2(f.path)), failures: false },
  ];
  for (const { title, chosen, failures } of splits) {
    if (chosen.length === 0) continue;
    const summary = summarizeGold(await runGoldFiles(chosen), chosen.reduce((n, f) => n + f.gold.pairs.length, 0));
    sections.push(splitTable(title, summary));
    // The test and holdout splits' failures stay unprinted: reading them would be tuning on them.
    if (options.failures && failures) sections.push(summary.failures.map((f) => `- ${f}`).join('\n'));
  }
  return sections.join('\n\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(await runGoldBench({ failures: process.argv.includes('--failures') }));
}
