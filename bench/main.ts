import { runEngineBench } from './engine-bench';
import { runGoldBench } from './gold-bench';
import { runStoreBench } from './store-bench';
import { runUiBench } from './ui-bench';

/**
 * `npm run bench`: speed and memory, printed as tables. Targets are stated beside the figures;
 * nothing here fails a build, because timings on a shared machine are not test results.
 */
const only = process.argv[2];
const sections: [string, () => Promise<string>][] = [
  ['engine', runEngineBench],
  ['gold', runGoldBench],
  ['store', runStoreBench],
  ['ui', runUiBench],
];
for (const [name, run] of sections) {
  if (only && only !== name) continue;
  console.log(`\n## ${name}\n`);
  try {
    console.log(await run());
  } catch (error) {
    console.log(`(${name} bench could not run: ${(error as Error).message})`);
    process.exitCode = 1;
  }
}
