import type { ParsedInput } from '../../shared/contract/channels';
import { ingest } from '../../shared/engine';
import { formatZodError } from '../../shared/model/format-error';
import { guessLanguage, reportSchema, type Report } from '../../shared/model/report';
import { HandlerError } from '../handlers/handler-error';
import { extractInWorker } from './extract-in-worker';
import { ImportLimitError } from './import-limits';
import { reportIdFromName } from './read-report-file';

/** HTML and Markdown are read off the main thread, behind size, depth and time limits. */
async function extractArticle(format: 'html' | 'markdown', content: string): Promise<{ text: string; title: string | null }> {
  try {
    return await extractInWorker({ format, content });
  } catch (error) {
    if (error instanceof ImportLimitError) throw new HandlerError(error.code, error.message);
    throw new HandlerError('unreadable', (error as Error).message);
  }
}

/**
 * Turns what an editor pasted or opened into a report: the text as given for plain text (kept
 * byte for byte, since claims anchor on it), the article body for HTML, the prose for Markdown.
 */
/** An import with its outlet settled (the editor's, or the replaced report's) and, for a fetched page, when it was fetched. */
export type ReportImport = Omit<ParsedInput<'reports:import'>, 'outlet' | 'replaces'> & { outlet: string; fetchedAt?: string };

export async function reportFromImport(input: ReportImport, sha256: (text: string) => string): Promise<Report> {
  let text = input.content.replace(/^\uFEFF/, '');
  let foundTitle: string | null = null;
  if (input.format === 'html' || input.format === 'markdown') ({ text, title: foundTitle } = await extractArticle(input.format, text));
  if (text.trim() === '') {
    throw new HandlerError('empty-report', input.format === 'html' ? 'no article text was found in this HTML page' : 'the report is empty');
  }
  const textSha256 = sha256(text);
  // Without a title, the headline the engine finds at the top is the title. A first line that is
  // a sentence stays a claim: made the title, it would be read as the headline and dropped.
  const title = input.title ?? foundTitle ?? ingest(text, '').headline?.slice(0, 1000) ?? '';
  const candidate = {
    id: `${reportIdFromName(input.outlet).replace(/^report-.*/, 'report')}-${textSha256.slice(0, 8)}`,
    outlet: input.outlet,
    title,
    publishedAt: input.publishedAt,
    language: input.language ?? guessLanguage(text),
    url: input.url,
    text,
    textSha256,
    ...(input.fetchedAt && { fetchedAt: input.fetchedAt }),
  };
  const parsed = reportSchema.safeParse(candidate);
  if (!parsed.success) throw new HandlerError('invalid-report', formatZodError(parsed.error));
  return parsed.data;
}
