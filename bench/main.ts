import { benchTable, targetSummary } from './bench-table';
import { runCliBench } from './cli-bench';
import { runDeskBench } from './desk-bench';
import { runEngineBench } from './engine-bench';
import { runGoldBench } from './gold-bench';
import { runImportBench } from './import-bench';
import { runStoreBench } from './store-bench';
import { runStoryBench } from './story-bench';
import { runMatrixBench } from './matrix-bench';
import { runUiBench } from './ui-bench';

/**
 * `npm run bench`: speed and memory, printed as tables. Targets are stated beside the figures
 * with met or MISSED; nothing here fails a build, because timings on a shared machine are not
 * test results. `npm run bench -- cli` runs one section.
 */
const MEMORY_TARGET_MB = 1536;

async function importTable(): Promise<string> {
  const rows = await runImportBench();
  return benchTable('Imports, and the browser mode answering during one', rows.map((r) => ({ what: r.what, value: r.value, unit: r.unit, target: `< ${r.target.toLocaleString('en')} ms`, met: r.met })));
}

const only = process.argv[2];
const sections: [string, () => Promise<string>][] = [
  ['engine', runEngineBench],
  ['gold', runGoldBench],
  ['store', runStoreBench],
  ['story', runStoryBench],
  ['import', importTable],
  ['cli', runCliBench],
  ['desk', runDeskBench],
  ['ui', runUiBench],
  ['matrix', runMatrixBench],
];
if (only && !sections.some(([name]) => name === only)) {
  console.error(`no bench section "${only}": choose one of ${sections.map(([name]) => name).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of sections) {
  if (only && only !== name) continue;
  console.log(`\n## ${name}\n`);
  try {
    console.log(await run());
  } catch (error) {
    console.log(benchTable(name, [{ what: `the ${name} bench`, value: `could not run: ${(error as Error).message}`, target: 'runs', met: false }]));
    process.exitCode = 1;
  }
}

// The bench's own peak, measured by the kernel; Chromium and the CLI processes it starts are
// separate processes with their own memory.
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log('\n## memory\n');
console.log(benchTable('The bench process', [{ what: 'peak resident memory (maxRSS)', value: peakMb, unit: 'MB', target: `≤ ${MEMORY_TARGET_MB.toLocaleString('en')} MB`, met: peakMb <= MEMORY_TARGET_MB }]));
console.log(`\n## summary\n\n${targetSummary()}`);
