import { describe, expect, it } from 'vitest';
import { escapeMarkdownInline, escapeMarkdownLine, markdownLink, markdownQuote, markdownUrl } from './markdown-escape';

describe('markdown escaping', () => {
  it('lets no raw HTML through', () => {
    const escaped = escapeMarkdownInline('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(escaped).not.toMatch(/</);
    expect(escaped).toContain('&lt;script>');
  });

  it('escapes inline formatting and link syntax', () => {
    expect(escapeMarkdownInline('*bold* _it_ `code` [x](http://evil) ~~s~~ a|b $x$')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` \\[x\\](http://evil) \\~\\~s\\~\\~ a\\|b \\$x\\$',
    );
  });

  it('escapes what starts a block at the start of a line only', () => {
    expect(escapeMarkdownLine('# title')).toBe('\\# title');
    expect(escapeMarkdownLine('> quote')).toBe('\\> quote');
    expect(escapeMarkdownLine('- item')).toBe('\\- item');
    expect(escapeMarkdownLine('+ item')).toBe('\\+ item');
    expect(escapeMarkdownLine('===')).toBe('\\===');
    expect(escapeMarkdownLine('12. item')).toBe('12\\. item');
    expect(escapeMarkdownLine('3) item')).toBe('3\\) item');
    expect(escapeMarkdownLine('a - b > c 1. d')).toBe('a - b > c 1. d');
  });

  it('keeps a bare ampersand but stops entities', () => {
    expect(escapeMarkdownInline('AT&T &amp; &#60;')).toBe('AT&T &amp;amp; &amp;\\#60;');
  });

  it('keeps line breaks inside a quote and out of inline text', () => {
    expect(markdownQuote('first\n\n# second')).toBe('> first\n>\n> \\# second');
    expect(escapeMarkdownInline('one\r\n# two')).toBe('one \\# two');
  });

  it('leaves Arabic as it is', () => {
    expect(escapeMarkdownInline('سيطرت فصائل مسلحة على قصر الضيافة')).toBe('سيطرت فصائل مسلحة على قصر الضيافة');
  });

  it('links http(s) only, with parentheses and spaces encoded', () => {
    expect(markdownUrl('https://example.org/a (b)')).toBe('https://example.org/a%20%28b%29');
    expect(markdownUrl('javascript:alert(1)')).toBeNull();
    expect(markdownLink('[x]', 'javascript:alert(1)')).toBe('\\[x\\]');
    expect(markdownLink('Link', 'https://example.org/x')).toBe('[Link](https://example.org/x)');
  });
});
