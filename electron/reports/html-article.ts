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

/** Every element of the tree, parents before children, without recursion. */
function elementsOf(root: ParentNode): Element[] {
  const order: Element[] = [];
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    order.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return order;
}

/** Plain text of a subtree, leaving out what is never prose, with blank lines between blocks. */
function textOf(root: ParentNode, skipped: ReadonlySet<Element>): string {
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
    if (!isTag(node) || skipped.has(node)) continue;
    if (node.name === 'br') {
      parts.push('\n');
      continue;
    }
    const block = BLOCKS.has(node.name);
    if (block) {
      parts.push('\n\n');
      stack.push('\n\n');
    } else if (node.name === 'td' || node.name === 'th') stack.push(' ');
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('');
}

/** Length of the visible text in a paragraph (paragraphs are small and never nest). */
function paragraphLength(paragraph: Element, skipped: ReadonlySet<Element>): number {
  let length = 0;
  const stack: ChildNode[] = [...paragraph.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) length += node.data.trim().length;
    else if (isTag(node) && !skipped.has(node)) stack.push(...node.children);
  }
  return length;
}

/**
 * The element holding the article: the one whose paragraphs carry the most text (each paragraph
 * counts fully for its parent and half for its grandparent), widened to the <article> or <main>
 * around it when there is one, so the headline and every section come along.
 */
function findArticleRoot(root: ParentNode, order: readonly Element[], skipped: ReadonlySet<Element>): ParentNode {
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
  for (const element of order) {
    if ((element.name !== 'p' && element.name !== 'pre') || skipped.has(element)) continue;
    const length = paragraphLength(element, skipped);
    if (length < 25) continue;
    add(element.parent, length);
    add(element.parent?.parent ?? null, length / 2);
  }
  for (let node: ParentNode | null = best; node && isTag(node); node = node.parent) {
    if (node.name === 'article' || node.name === 'main' || node.attribs.role === 'main') return node;
  }
  if (best) return best;
  return order.find((element) => element.name === 'article' || element.name === 'main') ?? order.find((element) => element.name === 'body') ?? root;
}

/** Elements left out with everything inside them; an element inside a skipped one is skipped too. */
function skippedElements(order: readonly Element[]): Set<Element> {
  const skipped = new Set<Element>();
  for (const element of order) {
    const parent = element.parent;
    if ((parent && isTag(parent) && skipped.has(parent)) || isSkipped(element)) skipped.add(element);
  }
  return skipped;
}

function firstText(order: readonly Element[], name: string, skipped: ReadonlySet<Element>): string | null {
  for (const element of order) {
    if (element.name !== name) continue;
    const text = (name === 'title' ? element.children.filter(isText).map((t) => t.data).join('') : textOf(element, skipped)).replace(/\s+/g, ' ').trim();
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
  const order = elementsOf(document);
  const skipped = skippedElements(order);
  const article = findArticleRoot(document, order, skipped);
  const pageTitle = firstText(order, 'title', skipped);
  const headline = firstText(article === document ? order : elementsOf(article), 'h1', skipped);
  const title = headline && (!pageTitle || pageTitle.includes(headline)) ? headline : pageTitle ?? headline;
  return { title, text: paragraphsToText(textOf(article, skipped)) };
}
