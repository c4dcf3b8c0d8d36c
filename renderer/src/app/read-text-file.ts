import type { IMPORT_FORMATS } from '../../../shared/contract/channels';
import { MAX_REPORT_CHARS } from '../../../shared/model/report';

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Reads an opened file as UTF-8, refusing other encodings rather than garbling the text. */
export async function readTextFile(file: File): Promise<{ content: string; format: ImportFormat }> {
  const name = file.name.toLowerCase();
  const format: ImportFormat = name.endsWith('.html') || name.endsWith('.htm') ? 'html' : name.endsWith('.md') || name.endsWith('.markdown') ? 'markdown' : 'text';
  if (!/\.(txt|text|md|markdown|html?)$/.test(name)) throw new Error(`${file.name}: Isnad opens .txt, .md and .html files`);
  if (file.size > 60 * 1024 * 1024) throw new Error(`${file.name} is ${(file.size / 1048576).toFixed(0)} MB; the limit is 60 MB`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.subarray(0, 8192).includes(0)) throw new Error(`${file.name} looks like a binary file, not text`);
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file.name} is not UTF-8 text: save it as UTF-8 and try again`);
  }
  // Plain text is the report as is; HTML and Markdown shrink on import, so the server judges those.
  if (format === 'text' && content.length > MAX_REPORT_CHARS) {
    throw new Error(`${file.name} has ${content.length.toLocaleString('en')} characters; one report can have at most ${MAX_REPORT_CHARS.toLocaleString('en')}`);
  }
  return { content, format };
}
