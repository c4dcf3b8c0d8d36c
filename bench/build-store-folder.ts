/**
 * Writes the store bench's data folder (100,000 signed events about 10,000 claims) to DIR, for
 * profiling the store by hand: `npx tsx bench/build-store-folder.ts DIR`.
 */
import { buildBenchFolder } from './store-bench';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: build-store-folder.ts DIR');
  process.exitCode = 2;
} else {
  buildBenchFolder(dir).then(
    (built) => console.log(`${built.events} events about ${built.claims} claims in ${dir}`),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exitCode = 1;
    },
  );
}
