import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { extractInWorker } from './extract-in-worker';
import { checkHtmlDepth, extractArticleFromHtml, READABILITY_MAX_CHARS } from './html-article';
import { ImportLimitError, MAX_HTML_DEPTH, MAX_MARKUP_BYTES } from './import-limits';
import { extractArticleFromMarkdown } from './markdown-article';

const SENTENCE = 'Officials said on Sunday that 40 people were killed in Aleppo, according to the ministry.';

describe('HTML articles', () => {
  it('takes the article and its headline with Readability, leaving scripts, navigation, hidden text, asides and footers out', () => {
    const html = `<!doctype html><html><head><title>Toll rises | Wire</title><script>alert(1)</script><style>p{}</style></head><body>
      <header><a href="/">Wire</a></header><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <main><article><h1>Toll rises</h1><div class="share-bar">Share this</div>
      <p>${SENTENCE}</p><p hidden>Hidden paragraph.</p><p>The mayor denied &lt;the figure&gt; on Tuesday.<br>He said the count went on.</p>
      <ul><li>First point of the report.</li><li>Second point.</li></ul><aside>Related: other story</aside></article></main>
      <footer>© Wire</footer></body></html>`;
    const { title, text } = extractArticleFromHtml(html);
    expect(title).toBe('Toll rises');
    expect(text.startsWith(`Toll rises\n\n`)).toBe(true);
    expect(text).toContain(`${SENTENCE}\n\nThe mayor denied <the figure> on Tuesday.\nHe said the count went on.\n\nFirst point of the report.\n\nSecond point.`);
    // Readability keeps a short share line inside the article; the engine sets it apart as site chrome.
    for (const left of ['alert(1)', 'Home', 'World', 'Hidden paragraph', 'Related: other story', '© Wire']) expect(text).not.toContain(left);
  });

  it('takes a page too large for Readability whole, in one pass, still leaving scripts, navigation, hidden text and footers out', () => {
    const paragraphs = `<p>${SENTENCE}</p>`.repeat(Math.ceil(READABILITY_MAX_CHARS / SENTENCE.length));
    const html = `<html><head><title>Toll rises | Wire</title><script>alert(1)</script></head><body><nav>Home World</nav><h1>Toll rises</h1>${paragraphs}<p hidden>Hidden paragraph.</p><p>Last<br>line.</p><footer>© Wire</footer></body></html>`;
    expect(html.length).toBeGreaterThan(READABILITY_MAX_CHARS);
    const { title, text } = extractArticleFromHtml(html);
    expect(title).toBe('Toll rises');
    expect(text.startsWith(`Toll rises\n\n${SENTENCE}\n\n${SENTENCE}`)).toBe(true);
    expect(text.endsWith(`${SENTENCE}\n\nLast\nline.`)).toBe(true);
    for (const left of ['alert(1)', 'Home World', 'Hidden paragraph', '© Wire']) expect(text).not.toContain(left);
  });

  it('finds the paragraphs of a page without <article>', () => {
    const html = `<body><div id="menu">Home News Sport</div><div class="story"><p>${SENTENCE}</p><p>${SENTENCE.replace('40', '41')}</p></div><div>Copyright</div></body>`;
    expect(extractArticleFromHtml(html).text).toBe(`${SENTENCE}\n\n${SENTENCE.replace('40', '41')}`);
  });

  it('refuses a page nested deeper than browsers nest, before building a tree, and never overflows the stack', () => {
    const deep = `${'<div>'.repeat(10_000)}${SENTENCE}`;
    expect(() => checkHtmlDepth(deep)).toThrow(ImportLimitError);
    expect(() => extractArticleFromHtml(deep)).toThrow(`nests elements more than ${MAX_HTML_DEPTH} deep`);
  });

  it('counts implied ends and void elements as a browser does, so a flat page is not taken for a deep one', () => {
    const flat = `<body>${`<p>${SENTENCE}<br><img src=x>`.repeat(5000)}<ul>${'<li>point'.repeat(5000)}</ul></body>`;
    expect(() => checkHtmlDepth(flat)).not.toThrow();
    expect(extractArticleFromHtml(flat).text.split('\n\n')).toHaveLength(10_000);
  });
});

describe('Markdown articles', () => {
  it('keeps the prose and the words of links, and drops targets, images and raw HTML', () => {
    const markdown = `# Aleppo falls\n\n${SENTENCE} [read more](javascript:alert('md')) and [the ministry](https://ministry.example/).\n\n<img src=x onerror="alert(1)">\n\n![x](javascript:alert(1))\n\n> A quote &amp; more\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |`;
    const { title, text } = extractArticleFromMarkdown(markdown);
    expect(title).toBe('Aleppo falls');
    expect(text).toBe(`Aleppo falls\n\n${SENTENCE} read more and the ministry.\n\nA quote & more\n\none\n\ntwo\n\na b\n\n1 2`);
  });

  it('reads the inputs that made the old stripper quadratic, in one pass', () => {
    const { text } = extractArticleFromMarkdown(`${'[a '.repeat(20_000)}\n\n${'*a '.repeat(20_000)}\n\n${'> '.repeat(50)}${SENTENCE}`);
    // Compared as booleans: a failure must not print 100 KB of brackets.
    expect(text.startsWith('[a [a [a')).toBe(true);
    expect(text.endsWith(`*a *a\n\n${SENTENCE}`)).toBe(true);
  });
});

describe('limits before parsing', () => {
  it.each(['html', 'markdown'] as const)('refuses %s over the size limit, counting UTF-8 bytes', (format) => {
    // Two bytes a character: under the limit in characters, over it in bytes.
    const content = 'ح'.repeat(MAX_MARKUP_BYTES / 2 + 1);
    expect(() => extractArticle({ format, content })).toThrow(/is 10\.1 MB; Isnad extracts articles from (pages|files) of up to 10 MB/);
  });
});

describe('extraction in a worker thread', () => {
  it('answers with the article', async () => {
    expect(await extractInWorker({ format: 'markdown', content: `# Title\n\n${SENTENCE}` })).toEqual({ title: 'Title', text: `Title\n\n${SENTENCE}` });
  });

  it('passes a refusal back with its code', async () => {
    await expect(extractInWorker({ format: 'html', content: '<div>'.repeat(10_000) })).rejects.toMatchObject({ code: 'too-deep' });
  });

  it('cuts a runaway off at the time limit with a clear error', async () => {
    const big = `${SENTENCE}\n\n`.repeat(100_000);
    await expect(extractInWorker({ format: 'markdown', content: big }, { timeLimitMs: 1 })).rejects.toThrow(
      'reading this Markdown file took longer than 0.001 seconds and was stopped; save the article as plain text and import that',
    );
  });
});
