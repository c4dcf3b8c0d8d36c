import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseReport } from '../shared/engine';
import type { Claim } from '../shared/engine/types';
import { EVENT_SCHEMA_VERSION, eventHashInput, eventSigningText, GENESIS_HASH, type DraftEvent, type LogEvent } from '../shared/model/events';
import type { Report } from '../shared/model/report';
import { segmentFileName, STORE_SCHEMA_VERSION } from '../shared/model/store-files';
import { VERDICTS, verdictNeedsNote, type Verdict } from '../shared/model/verdict';
import { editorKeyFromPem, generateEditorKeyPem, type EditorKey } from '../electron/crypto/ed25519';
import { sha256Hex } from '../electron/crypto/sha256';
import { SEGMENT_MAX_EVENTS } from '../electron/store/event-log';
import type { SessionResult } from './store-session';

/**
 * The store at newsroom scale: 10,000 claims and 100,000 signed events. Each open runs in a fresh
 * process (bench/store-session.ts), so its memory is the store's, not this generator's: the first
 * open replays and checks the whole log and saves the state checkpoint; the second is the everyday
 * open (checkpoint plus what follows it). Then status changes through the same dispatch as the
 * app, one at a time, each timed from the call to the acknowledgement (the change is on disk).
 * Targets: open < 0.5 s, RSS < 300 MB, status change p95 < 50 ms.
 */
const REPORTS = 20;
const SENTENCES_PER_REPORT = 500;
const EVENTS = 100_000;
const MEASURED_CHANGES = 300;
const TARGET_P95_MS = 50;
const TARGET_OPEN_MS = 500;
const TARGET_RSS_MB = 300;
/**
 * The newest segment starts this full, so the measured changes rewrite a nearly full segment (the
 * slowest case) before they roll over into a fresh one.
 */
const NEWEST_SEGMENT_FILL = 350;

const SUBJECTS = ['The ministry', 'Local officials', 'A spokesperson for the governor', 'Witnesses', 'The relief agency', 'Rescue teams', 'The army', 'Aid groups'];
const VERBS = ['said', 'reported', 'confirmed', 'estimated', 'counted'];
const OBJECTS = ['displaced families', 'damaged buildings', 'trucks of aid', 'injured people', 'new shelters', 'closed schools'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Deterministic, so two runs measure the same store. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function reportText(index: number): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < SENTENCES_PER_REPORT / 5; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 5; s++) {
      const n = p * 5 + s;
      const count = 1000 + index * SENTENCES_PER_REPORT + n;
      sentences.push(`${SUBJECTS[n % SUBJECTS.length]} ${VERBS[n % VERBS.length]} ${count} ${OBJECTS[n % OBJECTS.length]} in District ${n + 1} on ${DAYS[n % DAYS.length]}.`);
    }
    paragraphs.push(sentences.join(' '));
  }
  return `${paragraphs.join('\n\n')}\n`;
}

function makeReport(index: number): Report {
  const text = reportText(index);
  return {
    id: `bench-report-${index + 1}`,
    outlet: `Outlet ${index + 1}`,
    title: `Bench report ${index + 1}`,
    publishedAt: '2024-12-01',
    language: 'en',
    url: null,
    text,
    textSha256: sha256Hex(text),
  };
}

function claimsOf(report: Report): Claim[] {
  const { id, outlet, title, text, publishedAt, language } = report;
  return parseReport({ id, outlet, title, text, publishedAt, language }).claims;
}

const EDITORS = ['Night editor', 'Copy editor', 'Standards editor', 'Checker'];

/** Seals and signs drafts exactly as the store does, without going through it (100,000 commits would take a while). */
function seal(drafts: DraftEvent[]): LogEvent[] {
  const start = Date.parse('2024-12-01T08:00:00Z');
  const keys = new Map<string, EditorKey>(EDITORS.map((editor) => [editor, editorKeyFromPem(generateEditorKeyPem())]));
  const registrations: DraftEvent[] = EDITORS.map((editor) => ({ type: 'key.registered', payload: { keyId: keys.get(editor)!.id, publicKey: keys.get(editor)!.publicKey, editor } }));
  let prevHash = GENESIS_HASH;
  return [...registrations, ...drafts].map((draft, index) => {
    const seq = index + 1;
    const editor = draft.type === 'key.registered' ? draft.payload.editor : EDITORS[seq % EDITORS.length]!;
    const key = keys.get(editor)!;
    // One desk's history: each event follows the one before (a DAG with no concurrency).
    const unsigned = { v: EVENT_SCHEMA_VERSION, id: randomUUID(), seq, at: new Date(start + seq * 1000).toISOString(), editor, key: key.id, ...draft, parents: prevHash === GENESIS_HASH ? [] : [prevHash] };
    const hash = sha256Hex(eventHashInput(unsigned));
    const event = { ...unsigned, hash, sig: key.sign(eventSigningText(hash)) } as LogEvent;
    prevHash = hash;
    return event;
  });
}

/** Imports, a name, then a mix of decisions and evidence like a busy desk's, all consistent with each other. */
function historyDrafts(reports: Report[], claims: Claim[]): DraftEvent[] {
  const next = random(42);
  const drafts: DraftEvent[] = reports.map((report) => ({ type: 'report.imported', payload: { report } }));
  drafts.push({ type: 'settings.changed', payload: { changes: { editorName: 'Night editor' } } });
  const statuses = new Map<string, Verdict>();
  const evidence = new Map<string, string[]>();
  while (drafts.length < EVENTS - EDITORS.length) {
    const claim = claims[Math.floor(next() * claims.length)]!;
    const roll = next();
    const attached = evidence.get(claim.id) ?? [];
    const item = { kind: 'link', url: `https://example.org/source/${drafts.length}`, quote: 'The figure was confirmed by the agency.', note: null, stance: 'supports' } as const;
    if (roll < 0.2) {
      const evidenceId = randomUUID();
      evidence.set(claim.id, [...attached, evidenceId]);
      drafts.push({ type: 'evidence.added', payload: { claimId: claim.id, evidenceId, evidence: item } });
    } else if (roll < 0.25 && attached.length > 0) {
      drafts.push({ type: 'evidence.edited', payload: { claimId: claim.id, evidenceId: attached[0]!, evidence: { ...item, stance: 'context' } } });
    } else if (roll < 0.3 && attached.length > 0) {
      evidence.set(claim.id, attached.slice(1));
      drafts.push({ type: 'evidence.removed', payload: { claimId: claim.id, evidenceId: attached[0]!, reason: 'duplicate' } });
    } else {
      const from = statuses.get(claim.id) ?? 'unverified';
      const to = VERDICTS[(VERDICTS.indexOf(from) + 1 + Math.floor(next() * (VERDICTS.length - 1))) % VERDICTS.length]!;
      statuses.set(claim.id, to);
      const note = verdictNeedsNote(to) ? 'The agency corrected the figure.' : null;
      drafts.push({ type: 'claim.statusChanged', payload: { claimId: claim.id, reportId: claim.reportId, from, to, note, selector: claim.selector } });
    }
  }
  return drafts;
}

async function writeDataDir(dataDir: string, events: LogEvent[]): Promise<void> {
  await writeFile(join(dataDir, 'isnad.json'), JSON.stringify({ kind: 'isnad-store', schemaVersion: STORE_SCHEMA_VERSION, createdAt: events[0]!.at }));
  const head = JSON.stringify({ kind: 'isnad-head', seq: events.at(-1)!.seq, hash: events.at(-1)!.hash, at: events.at(-1)!.at });
  await mkdir(join(dataDir, 'log'));
  const sizes = [(events.length - NEWEST_SEGMENT_FILL) % SEGMENT_MAX_EVENTS || SEGMENT_MAX_EVENTS];
  while (sizes.reduce((a, b) => a + b, 0) < events.length) sizes.push(Math.min(SEGMENT_MAX_EVENTS, events.length - sizes.reduce((a, b) => a + b, 0)));
  let offset = 0;
  for (const size of sizes) {
    const slice = events.slice(offset, offset + size);
    const segment = { kind: 'isnad-log-segment', schemaVersion: STORE_SCHEMA_VERSION, firstSeq: slice[0]!.seq, events: slice };
    await writeFile(join(dataDir, 'log', segmentFileName(slice[0]!.seq)), JSON.stringify(segment));
    offset += size;
  }
  await writeFile(join(dataDir, 'log', 'head.json'), head);
  await writeFile(join(dataDir, 'head.json'), head);
}

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

const SESSION = join(dirname(fileURLToPath(import.meta.url)), 'store-session.ts');
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Opens the folder in a fresh process, as the app would, and reports what that cost. */
function session(dataDir: string, changes: number, keysDir: string): Promise<SessionResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SESSION, dataDir, String(changes)], {
      cwd: ROOT,
      env: { ...process.env, ISNAD_KEYS_DIR: keysDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      if (code !== 0) fail(new Error(`store session failed: ${err.trim() || `exit ${code}`}`));
      else done(JSON.parse(out.trim().split('\n').at(-1)!) as SessionResult);
    });
  });
}

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

/** Writes the bench's data folder: 100,000 signed events about 10,000 claims. */
export async function buildBenchFolder(dataDir: string): Promise<{ claims: number; events: number }> {
  const reports = Array.from({ length: REPORTS }, (_, i) => makeReport(i));
  const claims = reports.flatMap(claimsOf);
  const events = seal(historyDrafts(reports, claims));
  await writeDataDir(dataDir, events);
  return { claims: claims.length, events: events.length };
}

export async function runStoreBench(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'isnad-store-bench-'));
  const keysDir = await mkdtemp(join(tmpdir(), 'isnad-store-bench-keys-'));
  try {
    const started = performance.now();
    const built = await buildBenchFolder(dataDir);
    const buildMs = performance.now() - started;
    const before = await folderSize(dataDir);
    const eventCount = built.events;

    const first = await session(dataDir, 0, keysDir);
    const everyday = await session(dataDir, MEASURED_CHANGES, keysDir);
    const again = await session(dataDir, 0, keysDir);
    const after = await folderSize(dataDir);
    const p95 = everyday.p95Ms;

    const rows: [string, string][] = [
      ['claims (from report texts)', `${built.claims.toLocaleString('en')} in ${REPORTS} reports`],
      ['events in the log (signed)', `${eventCount.toLocaleString('en')} (generated in ${ms(buildMs)})`],
      ['first open (replay and check all, save state)', `${ms(first.openMs)}, RSS ${first.rssMb.toFixed(1)} MB`],
      ['open store (state checkpoint + newest segment)', `${ms(everyday.openMs)} (target < ${TARGET_OPEN_MS} ms: ${verdict(everyday.openMs < TARGET_OPEN_MS)})`],
      ['open again after the changes', `${ms(again.openMs)} (target < ${TARGET_OPEN_MS} ms: ${verdict(again.openMs < TARGET_OPEN_MS)})`],
      ['RSS after open', `${everyday.rssMb.toFixed(1)} MB (target < ${TARGET_RSS_MB} MB: ${verdict(everyday.rssMb < TARGET_RSS_MB)}), heap used ${everyday.heapMb.toFixed(1)} MB`],
      ['RSS at the end of the session', `${everyday.rssEndMb.toFixed(1)} MB (target < ${TARGET_RSS_MB} MB: ${verdict(everyday.rssEndMb < TARGET_RSS_MB)})`],
      [`split ${REPORTS} reports into claims (once)`, ms(everyday.warmUpMs)],
      [`status change p50 (${MEASURED_CHANGES} changes)`, ms(everyday.p50Ms)],
      ['status change p95', `${ms(p95)} (target < ${TARGET_P95_MS} ms: ${verdict(p95 < TARGET_P95_MS)})`],
      ['status change max', ms(everyday.maxMs)],
      ['log verify (full re-check, in its own process)', ms(first.verifyMs)],
      ['data folder size', `${mb(before.bytes)} in ${before.files} files; ${mb(after.bytes)} after the changes (with the state checkpoint)`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    return [`${'measure'.padEnd(width)}  value`, ...rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`)].join('\n');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(keysDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runStoreBench().then(
    (table) => console.log(table),
    (error: unknown) => {
      console.error(`store bench failed: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
