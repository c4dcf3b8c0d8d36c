import type { ParsedInput } from '../../shared/contract/channels';
import { ingest } from '../../shared/engine';
import { formatZodError } from '../../shared/model/format-error';
import { guessLanguage, reportSchema, type Report } from '../../shared/model/report';
import { HandlerError } from '../handlers/handler-error';
import { reportIdFromName } from './read-report-file';

/**
 * Turns what an editor pasted or opened into a report: the text as given for plain text (kept
 * byte for byte, since claims anchor on it), the article body for HTML, the prose for Markdown.
 */
/**
 * HTML beyond this is refused before parsing: extracting the article from 5 MB of HTML already
 * takes jsdom and Readability half a minute and most of a gigabyte, and would hold up every other
 * call. Article pages are far smaller; a larger text can be imported as plain text.
 */
export const MAX_HTML_CHARS = 3_000_000;

/**
 * jsdom, Readability and the Markdown parser are loaded on the first HTML or Markdown import, not
 * with the handlers: they take most of a second to load, and the CLI's data commands, the browser
 * mode and the app all start without needing them.
 */
const loadExtractor = () => import('./extract-article');

export async function reportFromImport(input: ParsedInput<'reports:import'>, sha256: (text: string) => string): Promise<Report> {
  let text = input.content.replace(/^\uFEFF/, '');
  let foundTitle: string | null = null;
  if (input.format === 'html') {
    if (text.length > MAX_HTML_CHARS) {
      throw new HandlerError('too-large', `this HTML page has ${text.length.toLocaleString('en')} characters; Isnad extracts articles from pages of up to ${MAX_HTML_CHARS.toLocaleString('en')}. Save the article as plain text and import that.`);
    }
    ({ text, title: foundTitle } = (await loadExtractor()).extractArticleFromHtml(text, input.url));
  }
  if (input.format === 'markdown') ({ text, title: foundTitle } = (await loadExtractor()).extractArticleFromMarkdown(text));
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
  };
  const parsed = reportSchema.safeParse(candidate);
  if (!parsed.success) throw new HandlerError('invalid-report', formatZodError(parsed.error));
  return parsed.data;
}
