import { extractArticleFromHtml } from './html-article';
import { checkMarkupSize } from './import-limits';
import { extractArticleFromMarkdown } from './markdown-article';
import type { ExtractedArticle } from './paragraphs';

export type { ExtractedArticle } from './paragraphs';

export interface ExtractRequest {
  format: 'html' | 'markdown';
  content: string;
}

export type ExtractReply = { ok: true; article: ExtractedArticle } | { ok: false; message: string; code: string | null };

/** The article in an HTML page or a Markdown file, after the size limits. Runs in any thread. */
export function extractArticle({ format, content }: ExtractRequest): ExtractedArticle {
  checkMarkupSize(content, format);
  return format === 'html' ? extractArticleFromHtml(content) : extractArticleFromMarkdown(content);
}
