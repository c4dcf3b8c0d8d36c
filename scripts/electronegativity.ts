/**
 * `npm run lint:security`: Electronegativity over the code that runs in or drives the Electron
 * window, failing on any finding of MEDIUM severity or higher that is not explicitly accepted
 * below. The tool itself always exits 0, so this script decides.
 *
 * It runs offline: AvailableSecurityFixesGlobalCheck (which downloads Electron's release list) is
 * excluded, and the tool's attempt to download translations at start is answered "offline"
 * before it reaches the network.
 *
 * What it misses (it reads only the literal inside `new BrowserWindow(...)`, and under-reports
 * `nodeIntegration: true`) is covered by electron/main/security.test.ts.
 */
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The scanned sources, as TypeScript (the tool parses it with Babel, so line numbers are ours):
 * the main process and preload, everything else in electron/ and shared/ they bundle, the
 * renderer's code and its page (for the CSP meta tag), and package.json (Electron's version,
 * command-line switches). Not the bundles in build/: they hold third-party code the tool misreads,
 * and CI runs this before anything is built.
 */
const INPUTS = ['electron', 'shared', 'renderer/index.html', 'renderer/src', 'package.json'];

/** Tests and test support imitate unsafe code on purpose, to prove the checks catch it. */
function isScanned(path: string): boolean {
  const rel = relative(ROOT, path).split(sep).join('/');
  return !/\.test\.tsx?$/.test(rel) && !rel.startsWith('electron/main/testing') && !rel.includes('node_modules');
}

const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const FAIL_AT = 'MEDIUM';

/**
 * Findings at MEDIUM or above that were reviewed and accepted, each for one check in one file.
 * docs/security.md gives the same reasons. An entry that no longer matches a finding fails the
 * run too, so the list cannot quietly outlive the code it describes.
 */
const ACCEPTED: { check: string; file: string; reason: string }[] = [
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'electron/main/window.ts',
    reason:
      'A "review the preload" reminder, raised for any preload. Ours runs sandboxed with context isolation and exposes one function per contract channel and two desktop calls, never ipcRenderer; electron/main/security.test.ts checks exactly that.',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/harden.ts',
    reason:
      'The one call to shell.openExternal, in openExternalSafely, which first checks the URL with a URL parser (http/https only) and passes on the parsed URL; security.test.ts checks that no other code mentions openExternal.',
  },
];

interface Level {
  name: string;
  value: number;
}

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: Level;
  confidence: Level;
  description: string;
  shortenedURL: string;
  manualReview: boolean;
}

interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}

type Run = (options: Record<string, unknown>) => Promise<RunResult>;

const SEVERITY_RANK: Record<string, number> = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

const require = createRequire(import.meta.url);

/**
 * Loads the tool with `got` (its HTTP client) replaced by one that always fails, so no run can
 * reach the network, whatever checks a future version adds.
 */
function loadElectronegativity(): Run {
  const runner = require.resolve('@doyensec/electronegativity');
  const toolRequire = createRequire(join(dirname(runner), 'locales', 'i18n.js'));
  const gotPath = toolRequire.resolve('got');
  const offline = () => {
    if (process.env.ISNAD_DEBUG_OFFLINE) console.error('electronegativity tried the network; refused');
    return Promise.reject(new Error('lint:security runs offline'));
  };
  const got = Object.assign(offline, { head: offline, get: offline });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: got } as unknown as NodeJS.Module;
  return require(runner) as Run;
}

function toolVersion(): string {
  return (require('@doyensec/electronegativity/package.json') as { version: string }).version;
}

async function electronVersion(): Promise<string> {
  const installed = JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')) as { version: string };
  return installed.version;
}

async function stageInputs(): Promise<string> {
  const stage = await mkdtemp(join(tmpdir(), 'isnad-electronegativity-'));
  for (const input of INPUTS) {
    const from = join(ROOT, input);
    await stat(from);
    await cp(from, join(stage, input), { recursive: true, filter: isScanned });
  }
  return stage;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<number> {
  const run = loadElectronegativity();
  const version = await electronVersion();
  const stage = await stageInputs();
  // The tool's messages come from a locale picked by LANG; fix it so the output reads the same everywhere.
  process.env.LANG = 'en-US';
  const log = console.log;
  let result: RunResult;
  try {
    // The tool reports its failed translation download on stdout; that is expected offline.
    console.log = (...args: unknown[]) => {
      if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
    };
    result = await run({
      input: stage,
      isRelative: true,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      electronVersionOverride: version,
      parserPlugins: [],
    });
  } finally {
    console.log = log;
    await rm(stage, { recursive: true, force: true });
  }

  const failRank = SEVERITY_RANK[FAIL_AT]!;
  const accepted = (issue: Issue) => ACCEPTED.find((entry) => entry.check === issue.id && entry.file === issue.file);
  const rows = result.issues
    .slice()
    .sort((a, b) => b.severity.value - a.severity.value || a.file.localeCompare(b.file) || a.location.line - b.location.line)
    .map((issue) => {
      const serious = (SEVERITY_RANK[issue.severity.name] ?? 3) >= failRank;
      const verdict = !serious ? 'note' : accepted(issue) ? 'accepted' : 'FAIL';
      return { issue, verdict };
    });
  const failures = rows.filter((row) => row.verdict === 'FAIL');
  const stale = ACCEPTED.filter((entry) => !result.issues.some((issue) => issue.id === entry.check && issue.file === entry.file));
  const parseErrors = result.errors.filter((error) => !error.tolerable);

  console.log(`Electronegativity ${toolVersion()}: ${result.atomicChecks} atomic and ${result.globalChecks} global checks (excluded: ${EXCLUDED_CHECKS.join(', ')}), Electron ${version}`);
  console.log(`Scanned: ${INPUTS.join(', ')} (without tests)`);
  if (rows.length > 0) {
    console.log('');
    console.log(
      table([
        ['verdict', 'severity', 'confidence', 'check', 'where', 'what'],
        ...rows.map(({ issue, verdict }) => [verdict, issue.severity.name, issue.confidence.name, issue.id, `${issue.file}:${issue.location.line}`, `${issue.description}${issue.manualReview ? ' (review)' : ''}`]),
      ]),
    );
  }
  for (const error of result.errors.filter((e) => e.tolerable)) console.log(`warning: ${relative(stage, error.file) || error.file}: ${error.message}`);
  console.log('');

  for (const error of parseErrors) console.error(`error: could not parse ${relative(stage, error.file) || error.file}, so it was not checked: ${error.message}`);
  for (const entry of stale) console.error(`error: the accepted finding ${entry.check} in ${entry.file} no longer occurs: remove it from scripts/electronegativity.ts and docs/security.md`);
  for (const { issue } of failures) console.error(`error: ${issue.id} (${issue.severity.name}) at ${issue.file}:${issue.location.line}: ${issue.description} ${issue.shortenedURL}`);
  if (failures.length + stale.length + parseErrors.length > 0) {
    console.error(`lint:security failed: fix the code, or accept a finding with its reason in scripts/electronegativity.ts and docs/security.md.`);
    return 1;
  }
  const acceptedCount = rows.filter((row) => row.verdict === 'accepted').length;
  console.log(`lint:security passed: no finding at ${FAIL_AT} or above${acceptedCount ? ` beyond the ${acceptedCount} accepted in docs/security.md` : ''}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`lint:security could not run: ${error.stack ?? error.message}`);
    process.exit(2);
  },
);
