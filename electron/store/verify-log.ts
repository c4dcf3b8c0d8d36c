import type { HistoryProblem, VerifyReport } from '../../shared/contract/channels';
import { GENESIS_HASH, type LogEvent } from '../../shared/model/events';
import { checkLog, type LogCheck } from '../../shared/model/log-check';
import { deriveState } from '../../shared/model/state';
import { stateToJson } from '../../shared/model/state-checkpoint';
import { nodeLogCrypto } from '../crypto/ed25519';
import { readExportLog, readLog } from './log-reader';
import { readStateCheckpoint } from './state-checkpoint-file';

/**
 * `log verify`: the whole log, read from the files, every hash, link and signature checked, the
 * head checkpoint reached, and the saved state compared with a replay of the log. Reads only:
 * nothing is moved or locked, so it can run beside the app.
 */
export async function verifyDataDir(dataDir: string): Promise<VerifyReport> {
  const read = await readLog(dataDir);
  const head = read.head.head;
  const check = checkLog(read.entries, nodeLogCrypto, { unreadable: read.unreadable, head });
  const problems = [...check.problems];
  for (const message of read.newer) problems.push({ kind: 'newer', from: 0, to: null, file: null, message });
  for (const message of read.head.problems) problems.push({ kind: 'truncated', from: check.headSeq + 1, to: null, file: null, message: `${message}: the log cannot be checked against it` });

  const checkpoint = await readStateCheckpoint(dataDir);
  if (checkpoint && checkpoint.headSeq <= check.headSeq && problems.length === 0) {
    const covered: LogEvent[] = [];
    for (const entry of read.entries) {
      if (entry.stored.seq > checkpoint.headSeq) break;
      if (entry.event) covered.push(entry.event);
    }
    const state = deriveState(covered);
    if (JSON.stringify(stateToJson(state)) !== JSON.stringify(checkpoint.state)) {
      problems.push({ kind: 'altered', from: checkpoint.headSeq, to: checkpoint.headSeq, file: 'state.json', message: `the saved state (state.json) does not match a replay of the log up to event #${checkpoint.headSeq}: it was altered; delete it and Isnad rebuilds it from the log` });
    }
  }
  return report(check, problems, read.segments.length, head ? { count: null, headSeq: head.seq, headHash: head.hash, source: head.file } : null);
}

/** Checks an exported log: its chain and signatures, and its own summary (count and head hash). */
export async function verifyExportFile(path: string): Promise<VerifyReport> {
  const read = await readExportLog(path);
  const problems: HistoryProblem[] = [];
  if (read.newer) problems.push({ kind: 'newer', from: 0, to: null, file: path, message: read.newer });
  for (const message of read.malformed) problems.push({ kind: 'unreadable', from: 0, to: null, file: path, message: `${path}: ${message}` });
  const check = checkLog(read.entries, nodeLogCrypto);
  problems.push(...check.problems);
  const { summary } = read;
  if (summary) {
    if (summary.count !== check.count) {
      problems.push({ kind: 'truncated', from: Math.min(summary.count, check.count) + 1, to: Math.max(summary.count, check.count), file: path, message: `${path} says it holds ${summary.count} events, but holds ${check.count}: events were removed or added` });
    } else if (summary.headHash !== check.headHash) {
      problems.push({ kind: 'altered', from: check.headSeq, to: check.headSeq, file: path, message: `${path} says its last event has hash ${summary.headHash.slice(0, 12)}…, but it is ${check.headHash.slice(0, 12)}…: the export was altered` });
    }
  }
  return report(check, problems, 1, summary ? { count: summary.count, headSeq: null, headHash: summary.headHash, source: path } : null);
}

/**
 * `log verify --data-dir DIR --against EXPORT`: everything the export attests is in the folder,
 * the same event at the same place (the folder may have gone on since).
 */
export async function verifyAgainstExport(dataDir: string, exportPath: string): Promise<VerifyReport> {
  const folder = await verifyDataDir(dataDir);
  const exported = await readExportLog(exportPath);
  const problems = [...folder.problems];
  const attested = exported.summary ?? { count: exported.entries.length, headHash: exported.entries.at(-1)?.stored.hash ?? GENESIS_HASH };
  const read = await readLog(dataDir);
  const bySeq = new Map(read.entries.map((entry) => [entry.stored.seq, entry.stored.hash]));
  const missing: number[] = [];
  const different: number[] = [];
  for (const entry of exported.entries) {
    const hash = bySeq.get(entry.stored.seq);
    if (hash === undefined) missing.push(entry.stored.seq);
    else if (hash !== entry.stored.hash) different.push(entry.stored.seq);
  }
  if (exported.entries.length !== attested.count) problems.push({ kind: 'truncated', from: 0, to: null, file: exportPath, message: `${exportPath} says it holds ${attested.count} events, but holds ${exported.entries.length}` });
  for (const [from, to] of ranges(missing)) problems.push({ kind: 'missing', from, to, file: null, message: `events ${from === to ? `#${from}` : `#${from}–#${to}`}, attested by ${exportPath}, are missing from the folder` });
  for (const [from, to] of ranges(different)) problems.push({ kind: 'altered', from, to, file: null, message: `events ${from === to ? `#${from}` : `#${from}–#${to}`} in the folder differ from the ones ${exportPath} attests: history was rewritten` });
  return { ...folder, ok: problems.length === 0, problems, attested: { count: attested.count, headSeq: null, headHash: attested.headHash, source: exportPath } };
}

function ranges(seqs: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const seq of seqs) {
    const last = out.at(-1);
    if (last && last[1] === seq - 1) last[1] = seq;
    else out.push([seq, seq]);
  }
  return out;
}

function report(check: LogCheck, problems: HistoryProblem[], files: number, attested: VerifyReport['attested']): VerifyReport {
  return {
    ok: problems.length === 0,
    count: check.count,
    headSeq: check.headSeq,
    headHash: check.headHash,
    files,
    problems: problems.sort((a, b) => a.from - b.from),
    gaps: check.gaps,
    signers: check.signers,
    unsigned: check.unsigned,
    unverifiable: check.unverifiable,
    attested,
  };
}
