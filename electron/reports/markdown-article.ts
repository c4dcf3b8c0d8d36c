import MarkdownIt, { type Token } from 'markdown-it';
import { paragraphsToText, type ExtractedArticle } from './paragraphs';

/**
 * markdown-it parses in linear time (a regex stripper was quadratic on `[a [a [a …`) and caps
 * nesting itself (`maxNesting`). Raw HTML is recognised so that it can be dropped, never shown;
 * links keep their words and lose their targets; images are dropped.
 */
const parser = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
// Every link is parsed as a link, whatever its scheme, so that its target is dropped: markdown-it
// would otherwise leave `[x](javascript:…)` in the text as written.
parser.validateLink = () => true;

/** Block ends that start a new paragraph in the report text. */
const PARAGRAPH_ENDS = new Set(['paragraph_close', 'heading_close', 'blockquote_close', 'list_item_close', 'tr_close', 'table_close', 'hr']);

function inlineText(children: readonly Token[]): string {
  let text = '';
  for (const token of children) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += '\n';
  }
  return text;
}

/** The prose of a Markdown report, with the first top-level heading as its title. */
export function extractArticleFromMarkdown(markdown: string): ExtractedArticle {
  const tokens = parser.parse(markdown, {});
  const parts: string[] = [];
  let title: string | null = null;
  let inTitle = false;
  for (const token of tokens) {
    if (token.type === 'heading_open' && token.tag === 'h1' && title === null) inTitle = true;
    else if (token.type === 'inline') {
      const text = inlineText(token.children ?? []);
      if (inTitle) title = text.replace(/\s+/g, ' ').trim() || null;
      parts.push(text);
    } else if (token.type === 'fence' || token.type === 'code_block') parts.push(token.content, '\n\n');
    else if (token.type === 'th_close' || token.type === 'td_close') parts.push(' ');
    else if (PARAGRAPH_ENDS.has(token.type)) parts.push('\n\n');
    if (token.type === 'heading_close') inTitle = false;
  }
  return { title, text: paragraphsToText(parts.join('')) };
}
