/**
 * Limits checked before an HTML or Markdown import is parsed, so a hostile file is refused at
 * once instead of holding memory and time first. 10 MB is far beyond any article page and is
 * what the bench shows to extract in a few seconds; larger texts can be imported as plain text.
 */
export const MAX_MARKUP_BYTES = 10 * 1024 * 1024;

/** The depth at which browsers themselves stop nesting (Chromium's HTML parser caps at 512). */
export const MAX_HTML_DEPTH = 512;

/** An import refused by a limit; `code` is the reply code the editor and tests see. */
export class ImportLimitError extends Error {
  constructor(
    message: string,
    readonly code: 'too-large' | 'too-deep' | 'too-slow',
  ) {
    super(message);
    this.name = 'ImportLimitError';
  }
}

const FORMAT_NAMES = { html: 'HTML page', markdown: 'Markdown file' } as const;

/** Refuses markup over MAX_MARKUP_BYTES, counting UTF-8 bytes without copying the text. */
export function checkMarkupSize(content: string, format: 'html' | 'markdown'): void {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > MAX_MARKUP_BYTES) {
    throw new ImportLimitError(
      `this ${FORMAT_NAMES[format]} is ${(Math.ceil((bytes / 1048576) * 10) / 10).toFixed(1)} MB; Isnad extracts articles from ${format === 'html' ? 'pages' : 'files'} of up to ${MAX_MARKUP_BYTES / 1048576} MB. Save the article as plain text and import that.`,
      'too-large',
    );
  }
}
