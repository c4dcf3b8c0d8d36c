import type { IMPORT_FORMATS } from '../../../shared/contract/channels';
import { MAX_REPORT_CHARS } from '../../../shared/model/report';
import { UiError } from './error-text';

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Reads an opened file as UTF-8, refusing other encodings rather than garbling the text. */
export async function readTextFile(file: File): Promise<{ content: string; format: ImportFormat }> {
  const name = file.name.toLowerCase();
  const format: ImportFormat = name.endsWith('.html') || name.endsWith('.htm') ? 'html' : name.endsWith('.md') || name.endsWith('.markdown') ? 'markdown' : 'text';
  if (!/\.(txt|text|md|markdown|html?)$/.test(name)) throw new UiError('file.unsupported', { name: file.name });
  if (file.size > 60 * 1024 * 1024) throw new UiError('file.tooLarge', { name: file.name, megabytes: Math.round(file.size / 1048576) });
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.subarray(0, 8192).includes(0)) throw new UiError('file.binary', { name: file.name });
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UiError('file.notUtf8', { name: file.name });
  }
  // Plain text is the report as is; HTML and Markdown shrink on import, so the server judges those.
  if (format === 'text' && content.length > MAX_REPORT_CHARS) {
    throw new UiError('file.tooManyCharacters', { name: file.name, count: content.length, limit: MAX_REPORT_CHARS });
  }
  return { content, format };
}
