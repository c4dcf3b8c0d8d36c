import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import removeMarkdown from 'remove-markdown';

export interface ExtractedArticle {
  title: string | null;
  text: string;
}

/**
 * The article body of an HTML page, as plain text. The page is parsed in an inert document
 * (scripts off, no resources loaded), Readability finds the article, and only its text leaves
 * here: imported HTML is never shown as HTML.
 */
export function extractArticleFromHtml(html: string, url: string | null): ExtractedArticle {
  const dom = new JSDOM(html, {
    url: url ?? 'https://example.invalid/',
    runScripts: undefined,
    resources: undefined,
    virtualConsole: new VirtualConsole(),
  });
  const article = new Readability(dom.window.document).parse();
  const text = paragraphsToText(article?.textContent ? textFromHtml(article.content ?? '') : dom.window.document.body?.textContent ?? '');
  dom.window.close();
  return { title: article?.title?.trim() || null, text };
}

/** Readability's HTML into paragraphs separated by blank lines, as our reports are written. */
function textFromHtml(html: string): string {
  const dom = new JSDOM(`<body>${html}</body>`, { virtualConsole: new VirtualConsole() });
  const { document } = dom.window;
  for (const element of document.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr, div')) {
    element.append(document.createTextNode('\n\n'));
  }
  for (const br of document.querySelectorAll('br')) br.replaceWith(document.createTextNode('\n'));
  const text = document.body.textContent ?? '';
  dom.window.close();
  return text;
}

export function extractArticleFromMarkdown(markdown: string): ExtractedArticle {
  const heading = /^#\s+(.+)$/m.exec(markdown);
  return { title: heading?.[1]?.trim() ?? null, text: paragraphsToText(removeMarkdown(markdown, { gfm: true, useImgAltText: false })) };
}

/** Trims each line, folds runs of blank lines into one, and drops blank space at both ends. */
export function paragraphsToText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
