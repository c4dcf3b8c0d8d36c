import { join, resolve } from 'node:path';
import { compareReports, parseReport, type ClaimFrame, type ClaimMatch, type ParsedReport } from '../../../shared/engine';
import { defaultDataDir } from '../../default-data-dir';
import { readAliasFile } from '../../reports/alias-file';
import { readReportFile, ReportFileError } from '../../reports/read-report-file';
import { CliError, type CliCommand, type CliIo } from '../cli-io';
import { groupClaims, type ClaimGroup } from '../../../shared/story/claim-groups';
import { oneLine, printJson, say } from '../terminal-text';

/**
 * `compare <fileA> <fileB> [<fileC>…] [--json] [--data-dir DIR]`: the claims reports both make, the
 * claims they contradict each other on, and how their versions differ. A file is a `.txt` (the
 * outlet is the file name) or a `.json` report as in fixtures/reports. The editor's own aliases
 * (`aliases.json` in the data folder) apply, as in the app.
 */

export const COMPARE_USAGE =
  'usage: compare <fileA> <fileB> [<fileC>…] [--json] [--data-dir DIR]  (a .txt report, whose file name is the outlet, or a .json report file; aliases.json of the data folder applies; with three or more, every two are compared and the claims grouped)';

/** The `--json` output. Its shape is a contract with scripts that read it. */
export interface CompareJson {
  reports: Array<{ id: string; outlet: string; title: string; claims: Array<{ id: string; text: string; start: number; end: number; frame?: ClaimFrame }> }>;
  matches: Array<{
    a: string;
    b: string;
    score: number;
    relation: ClaimMatch['relation'];
    differences: Array<{ kind: string; a: string; b: string; note?: string }>;
  }>;
  /** The claims of all the reports that state the same fact, each claim in one group. */
  groups: ClaimGroup[];
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

export function compareJson(reports: readonly ParsedReport[], matches: readonly ClaimMatch[]): CompareJson {
  const report = (p: ParsedReport): CompareJson['reports'][number] => ({
    id: p.report.id,
    outlet: p.report.outlet,
    title: p.title,
    claims: p.claims.map((c) => ({ id: c.id, text: c.text, start: c.start, end: c.end, ...(c.frame === undefined ? {} : { frame: c.frame }) })),
  });
  return {
    reports: reports.map(report),
    matches: matches.map((m) => ({
      a: m.a,
      b: m.b,
      score: m.score,
      relation: m.relation,
      differences: m.differences.map((d) => ({ kind: d.kind, a: d.a, b: d.b, ...(d.note === undefined ? {} : { note: d.note }) })),
    })),
    groups: groupClaims(
      reports.flatMap((p) => p.claims.map((c) => c.id)),
      matches,
    ),
  };
}

/** Three or more reports: each pair's counts, then the facts several outlets state. */
function printStory(io: CliIo, reports: readonly ParsedReport[], matches: readonly ClaimMatch[]): void {
  const outletOf = new Map(reports.flatMap((p) => p.claims.map((c) => [c.id, p.report.outlet] as const)));
  const textOf = new Map(reports.flatMap((p) => p.claims.map((c) => [c.id, c.text] as const)));
  reports.forEach((p, i) => say(io, `${String(i + 1).padStart(2)}  ${oneLine(p.report.outlet)}: ${oneLine(p.title || p.report.id)} (${p.claims.length} claims)`));
  say(io, '');
  const groups = compareJson(reports, matches).groups.filter((g) => new Set(g.claims.map((id) => outletOf.get(id))).size > 1);
  say(io, `Facts stated by more than one outlet: ${groups.length}`);
  for (const group of groups) {
    const outlets = [...new Set(group.claims.map((id) => outletOf.get(id)!))];
    say(io, '');
    say(io, `  ${outlets.length} outlets: ${oneLine(outlets.join(', '))}${group.links.some((l) => l.relation === 'contradicts') ? '  (contradicted elsewhere)' : ''}`);
    say(io, `     ${shorten(textOf.get(group.claims[0]!) ?? group.id)}`);
  }
}

const CLAIM_WIDTH = 110;

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= CLAIM_WIDTH ? oneLine : `${oneLine.slice(0, CLAIM_WIDTH - 1)}…`;
}

/** The readable form: shared claims with relation, score and differences, then what only one report says. */
function printTable(io: CliIo, a: ParsedReport, b: ParsedReport, matches: readonly ClaimMatch[]): void {
  const textOf = new Map([...a.claims, ...b.claims].map((c) => [c.id, c.text]));
  const count = (relation: ClaimMatch['relation']): number => matches.filter((m) => m.relation === relation).length;
  say(io, `A  ${oneLine(a.report.outlet)}: ${oneLine(a.title || a.report.id)} (${a.claims.length} claims)`);
  say(io, `B  ${oneLine(b.report.outlet)}: ${oneLine(b.title || b.report.id)} (${b.claims.length} claims)`);
  say(io, '');
  say(io, `Linked claims: ${matches.length} (${count('contradicts')} contradict, ${count('same')} same, ${count('related')} related)`);
  say(io, '');
  matches.forEach((m, i) => {
    say(io, `${String(i + 1).padStart(3)}  ${m.relation.padEnd(11)}  ${m.score.toFixed(2)}`);
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

/** The value of `--data-dir DIR`, and the arguments without it. */
function takeDataDir(args: readonly string[]): { dataDir: string | undefined; rest: string[] } {
  const at = args.indexOf('--data-dir');
  if (at < 0) return { dataDir: undefined, rest: [...args] };
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new CliError(`--data-dir needs a folder; ${COMPARE_USAGE}`, 2);
  return { dataDir: value, rest: [...args.slice(0, at), ...args.slice(at + 2)] };
}

export const compareCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    say(io, COMPARE_USAGE);
    return 0;
  }
  const { dataDir, rest } = takeDataDir(args);
  const unknown = rest.find((arg) => arg.startsWith('--') && arg !== '--json');
  if (unknown !== undefined) throw new CliError(`unknown option ${unknown}; ${COMPARE_USAGE}`, 2);
  const files = rest.filter((arg) => arg !== '--json');
  if (files.length < 2) throw new CliError(`expected at least two report files, got ${files.length}; ${COMPARE_USAGE}`, 2);

  // The same aliases as the app: the editor's file in the data folder, if there is one.
  const aliasFile = await readAliasFile(join(resolve(dataDir ?? defaultDataDir()), 'aliases.json'));
  if (aliasFile.warning !== null) say(io, aliasFile.warning, 'err');
  const reports = await Promise.all(files.map(load));
  const ids = new Set(reports.map((r) => r.report.id));
  if (ids.size < reports.length) throw new CliError(`two of the files are the same report (the same id): give each report once; ${COMPARE_USAGE}`, 2);
  // Every two reports, the earlier file first: `a` of each match is in the report named first.
  const matches: ClaimMatch[] = [];
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) matches.push(...compareReports(reports[i]!, reports[j]!, { aliases: aliasFile.aliases }));
  }
  if (rest.includes('--json')) printJson(io, compareJson(reports, matches));
  else if (reports.length === 2) printTable(io, reports[0]!, reports[1]!, matches);
  else printStory(io, reports, matches);
  return 0;
};
