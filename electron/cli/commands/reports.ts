import { basename, extname } from 'node:path';
import type { ChannelInput, ReportSummary } from '../../../shared/contract/channels';
import { readReportFile, readTextFile, ReportFileError } from '../../reports/read-report-file';
import { CliError, type CliIo } from '../cli-io';
import { withDataDir } from '../open-data-dir';
import { DATA_OPTIONS, excerpt, formatTable, namedPositionals, orNull, parseCommandArgs, USAGE_EXIT, withSubcommands } from './command-args';
import type { ImportResult } from '../../../shared/contract/channels';
import { say, printJson } from '../terminal-text';

export const reportsCommand = withSubcommands('reports', {
  list: {
    usage: `list [--data-dir DIR] [--json]
  The stored reports: id, outlet, publication date, size and title.`,
    run: list,
  },
  import: {
    usage: `import <file> | --url URL [--outlet NAME] [--title T] [--date YYYY-MM-DD] [--url U] [--language L] [--replaces ID] [--data-dir DIR] [--editor NAME]
  Adds a report and prints its id. The file is .txt or .md (kept as written), .html (its article
  body is extracted) or an Isnad report .json (its metadata is the default for every option).
  --outlet is required for the other kinds, unless --replaces names the report it updates.
  With --url and no file, the page is fetched (http or https, 20 s, up to 10 MB, no cookies) and
  its article extracted; the address, the fetch time and the page's publication date are kept,
  and the outlet defaults to the site's name.
  --replaces ID imports an updated version of a stored report: it starts from that report's
  outlet, title, URL and language; each claim is unchanged, edited, added or removed against it;
  unchanged and edited claims keep their decisions, and edited ones are flagged re-check.`,
    run: importReport,
  },
  versions: {
    usage: `versions <report-id> [--data-dir DIR] [--json]
  The report's version timeline: each version, and its claims against the one before (edited,
  added, removed), with their decisions and re-check flags.`,
    run: versions,
  },
  remove: {
    usage: `remove <report-id> [--reason R] [--data-dir DIR] [--editor NAME]
  Takes a report out of Isnad. The log keeps its import, the decisions on it and the removal.`,
    run: remove,
  },
});

/** Which import format a file is, by its extension. */
const FORMATS: Record<string, ChannelInput<'reports:import'>['format']> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

const IMPORT_OPTIONS = {
  ...DATA_OPTIONS,
  outlet: { type: 'string' },
  title: { type: 'string' },
  date: { type: 'string' },
  url: { type: 'string' },
  language: { type: 'string' },
  replaces: { type: 'string' },
} as const;

async function list(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { options: { ...DATA_OPTIONS, json: { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"`, USAGE_EXIT);
  const { reports } = await withDataDir(values['data-dir'], values.editor, (call) => call('app:load', {}));
  if (values.json) {
    printJson(io, reports);
    return 0;
  }
  const rows = reports.map((r: ReportSummary) => [r.id, excerpt(r.outlet, 30), r.publishedAt ?? '-', r.characters.toLocaleString('en'), excerpt(r.title, 60)]);
  say(io, formatTable(['REPORT', 'OUTLET', 'PUBLISHED', 'CHARACTERS', 'TITLE'], rows));
  say(io, `${reports.length} report${reports.length === 1 ? '' : 's'}`);
  return 0;
}

/** The import call for a file: an Isnad report file brings its own metadata, other files take it from the options. */
type ImportOptions = { outlet?: string; title?: string; date?: string; url?: string; language?: string; replaces?: string };

async function importInput(path: string, values: ImportOptions): Promise<ChannelInput<'reports:import'>> {
  const fileName = basename(path);
  const extension = extname(path).toLowerCase();
  const fromOptions = {
    fileName,
    title: values.title ?? null,
    publishedAt: values.date ?? null,
    url: values.url ?? null,
    language: values.language ?? null,
    replaces: values.replaces ?? null,
  };
  try {
    if (extension === '.json') {
      const report = await readReportFile(path);
      return {
        ...fromOptions,
        content: report.text,
        format: 'text',
        outlet: values.outlet ?? report.outlet,
        title: fromOptions.title ?? (report.title || null),
        publishedAt: fromOptions.publishedAt ?? report.publishedAt,
        url: fromOptions.url ?? report.url,
        language: fromOptions.language ?? report.language,
      };
    }
    const format = FORMATS[extension];
    if (!format) throw new CliError(`${fileName}: cannot import ${extension ? `a ${extension} file` : 'a file without an extension'}; use .txt, .md, .html or an Isnad report .json`, USAGE_EXIT);
    const outlet = values.outlet ?? null;
    if (outlet === null && values.replaces === undefined) throw new CliError(`--outlet is required: which outlet published ${fileName}?`, USAGE_EXIT);
    return { ...fromOptions, content: await readTextFile(path), format, outlet };
  } catch (error) {
    if (error instanceof ReportFileError) throw new CliError(error.message);
    throw error;
  }
}

async function importReport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { options: IMPORT_OPTIONS, allowPositionals: true });
  let imported: ImportResult;
  if (positionals.length === 0 && values.url !== undefined) {
    const input = { url: values.url, outlet: values.outlet ?? null, title: values.title ?? null, publishedAt: values.date ?? null, language: values.language ?? null, replaces: values.replaces ?? null };
    imported = await withDataDir(values['data-dir'], values.editor, (call) => call('reports:importUrl', input));
  } else {
    if (positionals.length === 0) throw new CliError('give the file to import, or --url URL to fetch a page', USAGE_EXIT);
    const input = await importInput(namedPositionals(positionals, ['file'])[0]!, values);
    imported = await withDataDir(values['data-dir'], values.editor, (call) => call('reports:import', input));
  }
  // The id alone on stdout, so a script can keep it: id=$(isnad reports import …)
  say(io, imported.id);
  if (imported.carriedOver) {
    const { claims, lost, from, unchanged, edited, added, removed, recheck } = imported.carriedOver;
    const plural = (n: number) => `${n} claim${n === 1 ? '' : 's'}`;
    say(io, `against ${from}: ${unchanged} unchanged, ${edited} edited, ${added} added, ${removed} removed`, 'err');
    say(
      io,
      `decisions on ${plural(claims)} carried over${recheck > 0 ? `; ${plural(recheck)} changed since verified: re-check` : ''}${lost > 0 ? `; ${plural(lost)} removed from the text keep theirs on ${from}` : ''}`,
      'err',
    );
  }
  return 0;
}

async function versions(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { options: { ...DATA_OPTIONS, json: { type: 'boolean' } }, allowPositionals: true });
  const [reportId] = namedPositionals(positionals, ['report-id']) as [string];
  const timeline = await withDataDir(values['data-dir'], values.editor, (call) => call('reports:versions', { id: reportId }));
  if (values.json) {
    printJson(io, timeline);
    return 0;
  }
  for (const [i, version] of timeline.versions.entries()) {
    const { summary, counts } = version;
    const head = `v${i + 1}  ${summary.id}  ${excerpt(summary.outlet, 30)}  published ${summary.publishedAt ?? '-'}`;
    say(io, version.replaces === null ? head : `${head}  imported ${version.importedAt} by ${excerpt(version.editor ?? '-', 40)}: ${counts.unchanged} unchanged, ${counts.edited} edited, ${counts.added} added, ${counts.removed} removed${version.recheck > 0 ? `, ${version.recheck} to re-check` : ''}`);
    for (const entry of version.entries) {
      if (entry.change === 'unchanged') continue;
      const status = entry.status ? ` [${entry.status.status}]` : '';
      const flag = entry.needsRecheck ? ' (changed since verified: re-check)' : '';
      say(io, `    ${entry.change.padEnd(8)} ${entry.claimId ?? entry.previousClaimId}${status}${flag}  ${excerpt(entry.text ?? entry.previousText ?? '', 60)}`);
    }
  }
  return 0;
}

async function remove(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { options: { ...DATA_OPTIONS, reason: { type: 'string' } }, allowPositionals: true });
  const [reportId] = namedPositionals(positionals, ['report-id']) as [string];
  await withDataDir(values['data-dir'], values.editor, (call) => call('reports:remove', { id: reportId, reason: orNull(values.reason) ?? null }));
  say(io, `removed report ${reportId} (the log keeps it)`);
  return 0;
}
