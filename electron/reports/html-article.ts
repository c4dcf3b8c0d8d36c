import { Readability } from '@mozilla/readability';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { ImportLimitError, MAX_HTML_DEPTH } from './import-limits';
import { paragraphsToText, type ExtractedArticle } from './paragraphs';

/**
 * Article text from an HTML page: Readability finds the article (a proven engine rather than one
 * of our own), linkedom gives it a fast, inert DOM. Both run in the import worker
 * (extract-in-worker.ts), behind the size and depth limits.
 */

/**
 * Checks nesting depth with a tokenizer pass that builds nothing: a page nested past the limit is
 * refused before any tree exists. Void elements and implied ends (`<p>` without `</p>`) are
 * handled by htmlparser2 as a browser would, so ordinary pages are not miscounted.
 */
export function checkHtmlDepth(html: string): void {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        if (depth > deepest) deepest = depth;
        if (depth > MAX_HTML_DEPTH) {
          throw new ImportLimitError(`this HTML page nests elements more than ${MAX_HTML_DEPTH} deep; Isnad reads pages nested up to ${MAX_HTML_DEPTH}. Save the article as plain text and import that.`, 'too-deep');
        }
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
}

/** Pages up to this size go through Readability: about a second here; 10 MB took over 20 s. */
export const READABILITY_MAX_CHARS = 1_500_000;

/** Elements whose text forms a paragraph of its own. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr, div, section, article, figcaption, dt, dd, address';

/**
 * Text of an element with a blank line after each block and a line break for each <br>, as our
 * reports are written. Only text leaves: imported HTML is never shown as HTML.
 */
function paragraphsOf(root: Element): string {
  const { ownerDocument } = root;
  for (const element of root.querySelectorAll(BLOCKS)) element.append(ownerDocument.createTextNode('\n\n'));
  for (const br of root.querySelectorAll('br')) br.replaceWith(ownerDocument.createTextNode('\n'));
  return root.textContent ?? '';
}

/**
 * The article body of an HTML page, as plain text, found by Mozilla's Readability (the engine of
 * Firefox's reader view) over linkedom, a DOM built on htmlparser2 that runs no scripts and
 * loads nothing. The nesting depth is checked first, so a deep page is refused before any tree
 * exists. Where Readability finds no article, the page's whole text is taken.
 */
export function extractArticleFromHtml(html: string): ExtractedArticle {
  checkHtmlDepth(html);
  // Readability's scoring grows faster than the page on very large ones: past this size (no news
  // article is near it) the page's text is taken whole in one pass, and ingest sets its
  // furniture apart.
  if (html.length > READABILITY_MAX_CHARS) return withHeadline(wholeText(html));
  const { document } = parseHTML(asDocument(html));
  const pageTitle = document.querySelector('title')?.textContent?.trim() || null;
  // Read before Readability, which rewrites the document as it goes.
  const headline = document.querySelector('article h1, main h1, h1')?.textContent?.trim() || null;
  const article = new Readability(document as unknown as Document).parse();
  let text: string;
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    text = paragraphsOf(content.body);
  } else {
    for (const element of document.querySelectorAll(`${[...SKIPPED_TAGS].join(', ')}, [hidden], [aria-hidden="true"]`)) element.remove();
    text = document.body ? paragraphsOf(document.body) : '';
  }
  // The headline, where the page's <title> holds it with the site's name ("Toll rises | Wire").
  const title = headline !== null && (pageTitle === null || pageTitle.includes(headline)) ? headline : article?.title?.trim() || pageTitle;
  return withHeadline({ title, text });
}

/** Readability drops the headline it took as the title; a report starts with its headline. */
function withHeadline({ title, text }: { title: string | null; text: string }): ExtractedArticle {
  const body = paragraphsToText(text);
  return { title, text: title !== null && !body.startsWith(title) ? `${title}\n\n${body}` : body };
}

/** Never part of a page's prose. */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'nav', 'footer', 'aside', 'head', 'svg', 'iframe', 'form', 'button', 'select', 'textarea']);
const BLOCK_TAGS = new Set(BLOCKS.split(', '));

/**
 * A page's visible text in one pass of htmlparser2's tokenizer, with no tree: blocks end with a
 * blank line, <br> with a line break; scripts, navigation, asides, footers and hidden elements
 * leave nothing. The title is the first <h1>, else the <title>.
 */
function wholeText(html: string): { title: string | null; text: string } {
  const parts: string[] = [];
  const skipped: boolean[] = [];
  let skipping = 0;
  let heading: string[] | null = null;
  let h1: string | null = null;
  let titleText: string[] | null = null;
  let pageTitle: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const skip = SKIPPED_TAGS.has(name) || 'hidden' in attribs || attribs['aria-hidden'] === 'true';
        skipped.push(skip);
        if (skip) skipping++;
        if (name === 'br' && skipping === 0) parts.push('\n');
        if (name === 'h1' && h1 === null) heading = [];
        if (name === 'title' && pageTitle === null) titleText = [];
      },
      ontext(text) {
        if (titleText !== null) titleText.push(text);
        if (skipping > 0) return;
        parts.push(text);
        heading?.push(text);
      },
      onclosetag(name) {
        if (skipped.pop() === true) skipping--;
        if (name === 'title' && titleText !== null) {
          pageTitle = titleText.join('').trim() || null;
          titleText = null;
        }
        if (name === 'h1' && heading !== null) {
          h1 = heading.join('').trim() || null;
          heading = null;
        }
        if (BLOCK_TAGS.has(name) && skipping === 0) parts.push('\n\n');
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { title: h1 ?? pageTitle, text: parts.join('') };
}

/** linkedom reads whole documents: a saved fragment («<body>…», «<div>…») is made one. */
function asDocument(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  return /<body[\s>]/i.test(html) ? `<!doctype html><html>${html}</html>` : `<!doctype html><html><body>${html}</body></html>`;
}
