/*
 * Escaping for text Isnad did not write (report text, notes, evidence) placed in Markdown, so it
 * renders as itself in any renderer a newsroom pastes into: no formatting, no links, no HTML.
 *
 * `<` becomes `&lt;` rather than `\<` because older renderers (Markdown.pl and its heirs) do not
 * honour a backslash before `<`, and raw HTML is what must never pass. `&` is only escaped where it
 * would start an entity, so "AT&T" stays readable in the raw file.
 */

/** Explicit bidi controls: embeddings, overrides and isolates. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Untrusted text inside a line, after Isnad's own markup (`- `, `**`, `### `): no block can start
 * there. Text carrying bidi controls is wrapped in an isolate (FSI … PDI): an unclosed U+202E in an
 * outlet name would otherwise reverse the rest of the line in the pasted document.
 */
function escapeMarkdownSpan(text: string): string {
  const escaped = text
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[\\`*_[\]~|$#]/g, '\\$&');
  return BIDI_CONTROLS.test(escaped) ? `\u2068${escaped}\u2069` : escaped;
}

/** One line of untrusted text that starts a line (inside a block quote, say). */
export function escapeMarkdownLine(text: string): string {
  // What only means something at the start of a line: quote, list, setext underline, ordered list.
  return escapeMarkdownSpan(text).replace(/^(\s*)([>+=-]|\d+(?=[.)]))/, (_, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

/**
 * Untrusted text for the middle of a line: line breaks become spaces, so it cannot start a new
 * block, and it never stands at a line's start, so a leading `-` or `=` needs no escape.
 */
export function escapeMarkdownInline(text: string): string {
  return escapeMarkdownSpan(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/** A block quote of untrusted text, line by line, blank lines kept inside the quote. */
export function markdownQuote(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdownLine(line.trim())}`))
    .join('\n');
}

/**
 * A link destination, or null when the URL is not http(s). Parentheses are percent-encoded
 * because an unbalanced `)` would end the link early; the URL serializer handles the rest.
 */
export function markdownUrl(url: string): string | null {
  let href: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    href = parsed.href;
  } catch {
    return null;
  }
  return href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

/** `[label](url)` with an escaped label, or the escaped label alone when the URL is unusable. */
export function markdownLink(label: string, url: string): string {
  const href = markdownUrl(url);
  const text = escapeMarkdownInline(label);
  return href ? `[${text}](${href})` : text;
}
