import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseReport } from '../shared/engine';
import type { Claim } from '../shared/engine/types';
import { eventHashInput, GENESIS_HASH, type DraftEvent, type LogEvent } from '../shared/model/events';
import type { Report } from '../shared/model/report';
import { segmentFileName, STORE_SCHEMA_VERSION } from '../shared/model/store-files';
import { VERDICTS, verdictNeedsNote, type Verdict } from '../shared/model/verdict';
import { openAppContext } from '../electron/app-context';
import { sha256Hex } from '../electron/crypto/sha256';
import { SEGMENT_MAX_EVENTS } from '../electron/store/event-log';

/**
 * The store at newsroom scale: 10,000 claims and 100,000 events, then status changes through the
 * same dispatch as the app, one at a time, each timed from the call to the acknowledgement (the
 * change is on disk). Target: p95 under 50 ms.
 */
const REPORTS = 20;
const SENTENCES_PER_REPORT = 500;
const EVENTS = 100_000;
const MEASURED_CHANGES = 300;
const TARGET_P95_MS = 50;
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

/** Seals drafts into a chain exactly as the store does, without going through it (100,000 commits would take a while). */
function seal(drafts: DraftEvent[]): LogEvent[] {
  const start = Date.parse('2024-12-01T08:00:00Z');
  const editors = ['Night editor', 'Copy editor', 'Standards editor', 'Checker'];
  let prevHash = GENESIS_HASH;
  return drafts.map((draft, index) => {
    const seq = index + 1;
    const unsigned = { id: randomUUID(), seq, at: new Date(start + seq * 1000).toISOString(), editor: editors[seq % editors.length]!, ...draft, prevHash } as Omit<LogEvent, 'hash'>;
    const event = { ...unsigned, hash: sha256Hex(eventHashInput(unsigned)) } as LogEvent;
    prevHash = event.hash;
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
  while (drafts.length < EVENTS) {
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export async function runStoreBench(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'isnad-store-bench-'));
  try {
    let started = performance.now();
    const reports = Array.from({ length: REPORTS }, (_, i) => makeReport(i));
    const claims = reports.flatMap(claimsOf);
    const events = seal(historyDrafts(reports, claims));
    await writeDataDir(dataDir, events);
    const buildMs = performance.now() - started;
    const before = await folderSize(dataDir);

    started = performance.now();
    const context = await openAppContext({ dataDir, sampleReportsDir: null, editor: 'Bench editor' });
    const openMs = performance.now() - started;
    const memory = process.memoryUsage();
    const problems = context.store.warnings.map((w) => w.message);
    if (!context.store.writable || problems.length > 0) throw new Error(`the generated store did not open cleanly: ${problems.join('; ')}`);

    const latencies: number[] = [];
    let warmUpMs = 0;
    try {
      // The app splits a report into claims once per process, when it is first shown; do that
      // here, timed apart, so the changes below measure the change itself.
      started = performance.now();
      for (const report of reports) {
        const reply = await context.dispatch('claims:get', { claimId: claims.find((c) => c.reportId === report.id)!.id });
        if (!reply.ok) throw new Error(`claims:get refused: ${reply.error}`);
      }
      warmUpMs = performance.now() - started;

      const next = random(7);
      for (let change = 0; change < MEASURED_CHANGES; change++) {
        const claim = claims[Math.floor(next() * claims.length)]!;
        const status = VERDICTS[change % VERDICTS.length]!;
        started = performance.now();
        const reply = await context.dispatch('claims:setStatus', { claimIds: [claim.id], status, note: `bench change ${change}` });
        latencies.push(performance.now() - started);
        if (!reply.ok) throw new Error(`claims:setStatus refused: ${reply.error}`);
      }
    } finally {
      await context.close();
    }
    const after = await folderSize(dataDir);
    latencies.sort((a, b) => a - b);
    const p95 = percentile(latencies, 0.95);

    const rows: [string, string][] = [
      ['claims (from report texts)', `${claims.length.toLocaleString('en')} in ${REPORTS} reports`],
      ['events in the log', `${events.length.toLocaleString('en')} (generated in ${ms(buildMs)})`],
      ['open store (read, validate, check chain)', ms(openMs)],
      ['memory after open', `RSS ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}`],
      [`split ${REPORTS} reports into claims (once)`, ms(warmUpMs)],
      [`status change p50 (${latencies.length} changes)`, ms(percentile(latencies, 0.5))],
      ['status change p95', `${ms(p95)} (target < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'met' : 'MISSED'})`],
      ['status change max', ms(latencies.at(-1)!)],
      ['data folder size', `${mb(before.bytes)} in ${before.files} files; ${mb(after.bytes)} after the changes`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    return [`${'measure'.padEnd(width)}  value`, ...rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`)].join('\n');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
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
