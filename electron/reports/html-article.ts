import { isTag, isText, type ChildNode, type Element, type ParentNode } from 'domhandler';
import { Parser, parseDocument } from 'htmlparser2';
import { ImportLimitError, MAX_HTML_DEPTH } from './import-limits';
import { paragraphsToText, type ExtractedArticle } from './paragraphs';

/**
 * Article text from an HTML page in linear time. htmlparser2 tokenizes and builds the tree with
 * its own stack, never by recursion; every walk below keeps an explicit stack too, so a page
 * nested 10,000 deep cannot overflow the call stack. Nothing here runs scripts or loads anything:
 * there is no browser engine, only a tree of tags and text, and only text leaves.
 */

/** Never part of an article's prose. */
const SKIPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'img', 'picture', 'form', 'button', 'select', 'textarea', 'input', 'nav', 'aside', 'footer', 'dialog',
]);

/** Elements whose text forms a paragraph of its own. */
const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'tr', 'div', 'section', 'article', 'main', 'header',
  'figure', 'figcaption', 'dt', 'dd', 'table', 'ul', 'ol', 'dl', 'address', 'hr',
]);

/** Page furniture by class or id (share bars, related links, comments), unless it also says it is the content. */
const FURNITURE = /comment|share|social|related|sidebar|newsletter|subscribe|promo|advert|sponsor|cookie|popup|modal|breadcrumb|pagination|pager|banner|menu/i;
const CONTENT = /article|content|main|story|body/i;

function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.name)) return true;
  const { attribs } = element;
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribs.style ?? '')) return true;
  const names = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
  return FURNITURE.test(names) && !CONTENT.test(names);
}

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
          throw new ImportLimitError(`this HTML page nests elements more than ${MAX_HTML_DEPTH} deep; Isnad reads pages nested up to ${MAX_HTML_DEPTH}. Save the article as plain text and import that.`);
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

/** Every element of the tree, parents before children, without recursion. */
function* elements(root: ParentNode): Generator<Element> {
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** Plain text of a subtree, skipping what is never prose, with blank lines between blocks. */
function textOf(root: ParentNode): string {
  const parts: string[] = [];
  const stack: Array<ChildNode | string> = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (isText(node)) {
      parts.push(node.data.replace(/[ \t\r\n\f]+/g, ' '));
      continue;
    }
    if (!isTag(node) || isSkipped(node)) continue;
    if (node.name === 'br') {
      parts.push('\n');
      continue;
    }
    const block = BLOCKS.has(node.name);
    const cell = node.name === 'td' || node.name === 'th';
    if (block) parts.push('\n\n');
    if (block) stack.push('\n\n');
    else if (cell) stack.push(' ');
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('');
}

/** Visible text length of each element, computed once for the whole tree. */
function textLengths(root: ParentNode): Map<Element, number> {
  const lengths = new Map<Element, number>();
  const order = [...elements(root)];
  for (let i = order.length - 1; i >= 0; i--) {
    const element = order[i]!;
    let length = 0;
    if (!isSkipped(element)) {
      for (const child of element.children) {
        if (isText(child)) length += child.data.trim().length;
        else if (isTag(child)) length += lengths.get(child) ?? 0;
      }
    }
    lengths.set(element, length);
  }
  return lengths;
}

/**
 * The element holding the article: the one whose paragraphs carry the most text (each paragraph
 * counts fully for its parent and half for its grandparent), widened to the <article> or <main>
 * around it when there is one, so the headline and every section come along.
 */
function findArticleRoot(root: ParentNode): ParentNode {
  const lengths = textLengths(root);
  const scores = new Map<Element, number>();
  let best = null as Element | null;
  let bestScore = 0;
  const add = (element: ParentNode | null, score: number) => {
    if (!element || !isTag(element)) return;
    const total = (scores.get(element) ?? 0) + score;
    scores.set(element, total);
    if (total > bestScore) {
      bestScore = total;
      best = element;
    }
  };
  for (const element of elements(root)) {
    if (element.name !== 'p' && element.name !== 'pre') continue;
    const length = lengths.get(element) ?? 0;
    if (length < 25) continue;
    add(element.parent, length);
    add(element.parent?.parent ?? null, length / 2);
  }
  for (let node: ParentNode | null = best; node && isTag(node); node = node.parent) {
    if (node.name === 'article' || node.name === 'main' || node.attribs.role === 'main') return node;
  }
  if (best) return best;
  for (const element of elements(root)) if (element.name === 'article' || element.name === 'main') return element;
  for (const element of elements(root)) if (element.name === 'body') return element;
  return root;
}

function firstText(root: ParentNode, name: string): string | null {
  for (const element of elements(root)) {
    if (element.name !== name) continue;
    const text = (name === 'title' ? element.children.filter(isText).map((t) => t.data).join('') : textOf(element)).replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return null;
}

/**
 * The article body of an HTML page, as plain text. The title is the page's headline (<h1> in
 * the article) when the <title> contains it (which drops "| Site name"), else the <title>.
 */
export function extractArticleFromHtml(html: string): ExtractedArticle {
  checkHtmlDepth(html);
  const document = parseDocument(html, { decodeEntities: true });
  const article = findArticleRoot(document);
  const pageTitle = firstText(document, 'title');
  const headline = firstText(article, 'h1');
  const title = headline && (!pageTitle || pageTitle.includes(headline)) ? headline : pageTitle ?? headline;
  return { title, text: paragraphsToText(textOf(article)) };
}
