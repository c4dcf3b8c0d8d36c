import { compareReports, parseReport, type ClaimMatch, type ParsedReport } from '../../../shared/engine';
import { readReportFile, ReportFileError } from '../../reports/read-report-file';
import { CliError, type CliCommand, type CliIo } from '../cli-io';
import { oneLine, printJson, say } from '../terminal-text';

/**
 * `compare <fileA> <fileB> [--json]`: the claims two reports both make and how their versions
 * differ. A file is a `.txt` (the outlet is the file name) or a `.json` report as in fixtures/reports.
 */

export const COMPARE_USAGE = 'usage: compare <fileA> <fileB> [--json]  (a .txt report, whose file name is the outlet, or a .json report file)';

/** The `--json` output. Its shape is a contract with scripts that read it. */
export interface CompareJson {
  reports: Array<{ id: string; outlet: string; title: string; claims: Array<{ id: string; text: string; start: number; end: number }> }>;
  matches: Array<{
    a: string;
    b: string;
    score: number;
    relation: ClaimMatch['relation'];
    differences: Array<{ kind: string; a: string; b: string; note?: string }>;
  }>;
}

async function load(path: string): Promise<ParsedReport> {
  try {
    return parseReport(await readReportFile(path));
  } catch (error) {
    // The reader's messages already name the file and the problem; they are the one line we print.
    if (error instanceof ReportFileError) throw new CliError(error.message);
    throw error;
  }
}

export function compareJson(a: ParsedReport, b: ParsedReport, matches: readonly ClaimMatch[]): CompareJson {
  const report = (p: ParsedReport): CompareJson['reports'][number] => ({
    id: p.report.id,
    outlet: p.report.outlet,
    title: p.title,
    claims: p.claims.map((c) => ({ id: c.id, text: c.text, start: c.start, end: c.end })),
  });
  return {
    reports: [report(a), report(b)],
    matches: matches.map((m) => ({
      a: m.a,
      b: m.b,
      score: m.score,
      relation: m.relation,
      differences: m.differences.map((d) => ({ kind: d.kind, a: d.a, b: d.b, ...(d.note === undefined ? {} : { note: d.note }) })),
    })),
  };
}

const CLAIM_WIDTH = 110;

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= CLAIM_WIDTH ? oneLine : `${oneLine.slice(0, CLAIM_WIDTH - 1)}…`;
}

/** The readable form: shared claims with relation, score and differences, then what only one report says. */
function printTable(io: CliIo, a: ParsedReport, b: ParsedReport, matches: readonly ClaimMatch[]): void {
  const textOf = new Map([...a.claims, ...b.claims].map((c) => [c.id, c.text]));
  const same = matches.filter((m) => m.relation === 'same').length;
  say(io, `A  ${oneLine(a.report.outlet)}: ${oneLine(a.title || a.report.id)} (${a.claims.length} claims)`);
  say(io, `B  ${oneLine(b.report.outlet)}: ${oneLine(b.title || b.report.id)} (${b.claims.length} claims)`);
  say(io, '');
  say(io, `Shared claims: ${matches.length} links (${same} same, ${matches.length - same} related)`);
  say(io, '');
  matches.forEach((m, i) => {
    say(io, `${String(i + 1).padStart(3)}  ${m.relation.padEnd(7)}  ${m.score.toFixed(2)}`);
    say(io, `     A  ${shorten(textOf.get(m.a) ?? m.a)}`);
    say(io, `     B  ${shorten(textOf.get(m.b) ?? m.b)}`);
    for (const d of m.differences) say(io, `     ≠  ${oneLine(d.note ?? `${d.kind}: ${d.a} ≠ ${d.b}`)}`);
  });
  const linkedA = new Set(matches.map((m) => m.a));
  const linkedB = new Set(matches.map((m) => m.b));
  say(io, '');
  say(io, `Only in A (${oneLine(a.report.outlet)}): ${a.claims.filter((c) => !linkedA.has(c.id)).length} of ${a.claims.length} claims`);
  say(io, `Only in B (${oneLine(b.report.outlet)}): ${b.claims.filter((c) => !linkedB.has(c.id)).length} of ${b.claims.length} claims`);
}

export const compareCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    say(io, COMPARE_USAGE);
    return 0;
  }
  const unknown = args.find((arg) => arg.startsWith('--') && arg !== '--json');
  if (unknown !== undefined) throw new CliError(`unknown option ${unknown}; ${COMPARE_USAGE}`, 2);
  const files = args.filter((arg) => arg !== '--json');
  if (files.length !== 2) throw new CliError(`expected two report files, got ${files.length}; ${COMPARE_USAGE}`, 2);

  const [a, b] = await Promise.all([load(files[0]!), load(files[1]!)]);
  const matches = compareReports(a, b);
  if (args.includes('--json')) printJson(io, compareJson(a, b, matches));
  else printTable(io, a, b, matches);
  return 0;
};
