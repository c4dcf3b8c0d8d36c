import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadGoldFiles, runGoldFiles } from '../electron/reports/gold-files';
import { fraction, GOLD_TARGETS, PHENOMENON_TARGETS, summarizeGold, type GoldSummary } from '../shared/engine';

/**
 * The claim engine's truthfulness on the gold set, per split: the dev split is what the engine
 * was tuned on, the test split what nobody tuned on. Every figure is printed beside its target
 * with met or MISSED.
 */

const mark = (met: boolean): string => (met ? 'met' : '**MISSED**');

function splitTable(title: string, summary: GoldSummary): string {
  const rows = GOLD_TARGETS.map((t) => `| ${t.what} | ${t.value(summary)} | ${t.target} | ${mark(t.met(summary))} |`);
  const phenomena = summary.phenomena.map((p) => {
    const precisionMet = p.precision.value >= PHENOMENON_TARGETS.precision;
    const recallMet = p.recall.value >= PHENOMENON_TARGETS.recall;
    return `| ${p.phenomenon} | ${p.pairs} | ${fraction(p.precision)} ${mark(precisionMet)} | ${fraction(p.recall)} ${mark(recallMet)} |`;
  });
  return [
    `### ${title}: ${summary.cases} cases, ${summary.pairs} annotated pairs`,
    '',
    '| measure | value | target | |',
    '| --- | --- | --- | --- |',
    ...rows,
    `| links: precision / recall | ${fraction(summary.linkPrecision)} / ${fraction(summary.linkRecall)} | | |`,
    '',
    `| phenomenon | pairs | precision (target ≥ ${PHENOMENON_TARGETS.precision}) | recall (target ≥ ${PHENOMENON_TARGETS.recall}) |`,
    '| --- | --- | --- | --- |',
    ...phenomena,
  ].join('\n');
}

export async function runGoldBench(options: { failures?: boolean } = {}): Promise<string> {
  const files = await loadGoldFiles(resolve('fixtures/gold'));
  const sections: string[] = [];
  for (const split of ['dev', 'test'] as const) {
    const chosen = files.filter((f) => f.gold.split === split);
    if (chosen.length === 0) continue;
    const summary = summarizeGold(await runGoldFiles(chosen), chosen.reduce((n, f) => n + f.gold.pairs.length, 0));
    sections.push(splitTable(split === 'dev' ? 'dev split (tuned on)' : 'test split (never tuned on)', summary));
    // The test split's failures stay unprinted: reading them would be tuning on them.
    if (options.failures && split === 'dev') sections.push(summary.failures.map((f) => `- ${f}`).join('\n'));
  }
  return sections.join('\n\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(await runGoldBench({ failures: process.argv.includes('--failures') }));
}
