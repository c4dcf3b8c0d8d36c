import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareReports, parseReport } from '../shared/engine';
import { syntheticReportPair } from '../shared/engine/synthetic-report';
import { benchTable, type BenchRow } from './bench-table';
import { bestInTurns, engineFloor, fixtureSentences, SEED_REPORTS } from './engine-floor';

/**
 * The command line as a desk runs it: each figure is a whole process, from `node` starting to it
 * exiting, through bin/isnad.js (what `isnad`, `npx isnad` and `npm run cli` run).
 * Targets: help and --version ≤ 3× bare node start; the two sample reports compared ≤ 0.5 s;
 * 1 MB per side ≤ 3× the floor (read both files, then segment and fold their words: the engine
 * section's floor plus reading), all on this machine.
 */

const ROOT = resolve(import.meta.dirname, '..');
const LAUNCHER = join(ROOT, 'bin', 'isnad.js');
const STARTS = 9;
const LARGE_RUNS = 3;
const START_RATIO = 3;
const SEEDS_TARGET_MS = 500;
const LARGE_RATIO = 3;

/**
 * CPU time (user + system) of the child processes this process has waited for, in ms, from
 * /proc (Linux; null elsewhere). Unlike wall time it does not grow when other processes on a
 * shared machine hold the CPU, so it shows what a command itself costs. Clock ticks are 10 ms.
 */
function childrenCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After the command name: state is field 3, cutime and cstime are fields 16 and 17.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

/** CPU time of each process run, by command, for the rows that show it. */
const cpuOf = new Map<string, number[]>();

/** Wall time of one process, in ms; a failed run is an error, not a fast figure. */
function runProcess(args: string[]): number {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const elapsed = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${String(result.stderr).trim().split('\n')[0]}`);
  if (cpuBefore !== null && cpuAfter !== null) cpuOf.set(args.join(' '), [...(cpuOf.get(args.join(' ')) ?? []), cpuAfter - cpuBefore]);
  return elapsed;
}

/** " · CPU 210 ms" (the median of the command's runs), or nothing where /proc is not there. */
function cpuNote(args: string[]): string {
  const times = cpuOf.get(args.join(' '));
  return times && times.length > 0 ? ` · CPU ${Math.round(median(times))} ms` : '';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Each command `runs` times, in turns, so a burst of load on the shared machine hits all alike. */
function mediansInTurns(runs: number, commands: string[][]): number[] {
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) commands.forEach((args, k) => times[k]!.push(runProcess(args)));
  return times.map(median);
}

export async function runCliBench(): Promise<string> {
  // Builds the CLI if it is missing or stale, and warms the file cache: not measured.
  runProcess([LAUNCHER, '--version']);
  runProcess([LAUNCHER, 'compare', ...SEED_REPORTS]);

  cpuOf.clear();
  const [nodeMs, helpMs, versionMs, seedsMs] = mediansInTurns(STARTS, [
    ['-e', '0'],
    [LAUNCHER, 'help'],
    [LAUNCHER, '--version'],
    [LAUNCHER, 'compare', ...SEED_REPORTS],
  ]) as [number, number, number, number];
  const startLimit = START_RATIO * nodeMs;

  const dir = await mkdtemp(join(tmpdir(), 'isnad-cli-bench-'));
  let floorMs: number;
  let engineMs: number;
  let largeMs: number;
  let largeCpu = '';
  try {
    const pair = syntheticReportPair(await fixtureSentences(), 1024 * 1024, 11);
    const files = [join(dir, 'outlet-a.txt'), join(dir, 'outlet-b.txt')];
    await writeFile(files[0]!, pair.a);
    await writeFile(files[1]!, pair.b);
    const report = (id: string, text: string) => ({ id, outlet: id, title: '', text, publishedAt: null, language: 'ar' });
    // In turns, so a burst of load on the shared machine meets the floor and the CLI alike.
    [floorMs, engineMs, largeMs] = bestInTurns(LARGE_RUNS, [
      () => engineFloor(files.map((file) => readFileSync(file, 'utf8')), 'ar'),
      () => {
        const [a, b] = files.map((file, i) => parseReport(report(`r${i}`, readFileSync(file, 'utf8'))));
        compareReports(a!, b!);
      },
      () => runProcess([LAUNCHER, 'compare', ...files]),
    ]) as [number, number, number];
    largeCpu = cpuNote([LAUNCHER, 'compare', ...files]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const npmHelpMs = (() => {
    const started = performance.now();
    const result = spawnSync('npm', ['run', '--silent', 'cli', '--', 'help'], { cwd: ROOT, stdio: 'ignore' });
    return result.status === 0 ? performance.now() - started : NaN;
  })();

  const rows: BenchRow[] = [
    { what: 'node -e 0 (bare node start)', value: `${Math.round(nodeMs)} ms${cpuNote(['-e', '0'])}` },
    { what: 'isnad help', value: helpMs, unit: 'ms', target: `≤ ${START_RATIO}× node start (${Math.round(startLimit)} ms)`, met: helpMs <= startLimit },
    { what: 'isnad --version', value: versionMs, unit: 'ms', target: `≤ ${START_RATIO}× node start (${Math.round(startLimit)} ms)`, met: versionMs <= startLimit },
    { what: 'isnad compare, the two sample reports', value: seedsMs, unit: 'ms', target: `≤ ${SEEDS_TARGET_MS} ms`, met: seedsMs <= SEEDS_TARGET_MS },
    {
      what: 'CPU time of help · --version · the sample compare (median; what load on the machine does not change)',
      value: cpuOf.size === 0 ? 'not available here' : [['help'], ['--version'], ['compare', ...SEED_REPORTS]].map((args) => cpuNote([LAUNCHER, ...args]).replace(' · CPU ', '')).join(' · '),
    },
    { what: '1 MB per side: floor (read both, segment and fold their words, in process)', value: floorMs, unit: 'ms' },
    { what: '1 MB per side: the engine alone (read both, parse both, match, in process)', value: `${Math.round(engineMs)} ms (${(engineMs / floorMs).toFixed(2)}×)` },
    { what: '1 MB per side: isnad compare a.txt b.txt, end to end', value: `${Math.round(largeMs)} ms${largeCpu}` },
    {
      what: '1 MB per side: end to end ÷ floor',
      value: largeMs / floorMs,
      unit: '×',
      target: `≤ ${LARGE_RATIO}×`,
      met: largeMs / floorMs <= LARGE_RATIO,
    },
    { what: 'npm run --silent cli -- help (npm itself starts first)', value: Number.isNaN(npmHelpMs) ? 'npm failed' : `${Math.round(npmHelpMs)} ms` },
  ];
  return benchTable('Command line, whole processes', rows, [
    `Start-up figures: median of ${STARTS} runs of each, taken in turns. 1 MB: best of ${LARGE_RUNS}, the three taken in turns; the floor and the engine alone run warm in this process, the CLI starts cold each time.`,
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(await runCliBench());
}
