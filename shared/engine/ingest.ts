import type { Block, ExcludedReason } from './types';
import { normalizeForSearch } from './normalize';

/**
 * Finds the article body in a pasted report: the headline, section headings, paragraphs, and the
 * parts that are not this report's claims (embedded posts, «إقرأ أيضاً» articles, related links,
 * the «المصدر:» line, ad labels). Works line by line; never looks at the whole text at once.
 */

export interface IngestResult {
  blocks: Block[];
  /** Text of the headline block, when the text starts with one. */
  headline: string | null;
  /** Outlet named by the source line: «المصدر: الحرة» → «الحرة». */
  sourceLine: string | null;
}

const EMBED_URL = /pic\.twitter\.com\/|(?:twitter|x)\.com\/\w+\/status\/|instagram\.com\/p\/|(?:^|[\s/])t\.co\//i;
/** «— قناة الحرة (@alhurranews) December 2, 2024»: the signature line of an embedded tweet. */
const EMBED_SIGNATURE = /^[—–-]\s*.{0,80}\(@\w{1,30}\)\s*.{0,40}\d{4}\s*$/u;
const EMBED_LABEL = /^(?:A post shared by|View this post on Instagram|عرض هذا المنشور على)/i;
const READ_ALSO = /^\s*(?:إقرأ|اقرأ|إقرا|اقرا)\s+(?:أيضا|أيضاً|ايضا|ايضاً|كذلك)\s*[:：.]?\s*(.*)$|^\s*(?:Read (?:also|more)|See also|Also read)\s*:?\s*(.*)$/iu;
const RELATED = /^\s*(?:مقالات|مواضيع|أخبار|اخبار|قصص)\s+(?:مشابهة|ذات صلة|متعلقة|مقترحة)\s*:?\s*$|^\s*(?:Related(?: articles| stories| news)?|More stories|You may also like)\s*:?\s*$/iu;
const SOURCE_LINE = /^\s*(?:المصدر|مصدر|Source)\s*[:：]\s*(.{1,120})$/iu;
const AD_LABEL = /^\s*(?:إعلان|اعلان|إعلانات|محتوى مدعوم|Advertisement|Advert|Ad|Sponsored(?: content)?)\s*$/iu;
const BULLET_LINE = /^\s*(?:[•·▪◦‣●*]|[-–—](?=\s))/;
const FINAL_PUNCTUATION = /[.!?؟…:،,؛;]["'”’»)]*\s*$/;

function lineCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Short single lines without final punctuation: a headline or a section heading. */
function looksLikeTitle(text: string, maxWords: number): boolean {
  return lineCount(text) === 1 && wordCount(text) <= maxWords && !FINAL_PUNCTUATION.test(text) && !BULLET_LINE.test(text);
}

function isLinkList(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 && lines.every((l) => BULLET_LINE.test(l) || (wordCount(l) <= 16 && !/[.!?؟]["'”’»)]*\s*$/.test(l)));
}

/** Paragraph ranges: runs of non-blank lines, trimmed. */
export function paragraphRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  const blank = /\n[^\S\n]*\n\s*/g;
  let start = 0;
  const push = (from: number, to: number): void => {
    while (from < to && /\s/.test(text[from] as string)) from++;
    while (to > from && /\s/.test(text[to - 1] as string)) to--;
    if (to > from) ranges.push({ start: from, end: to });
  };
  for (let match = blank.exec(text); match !== null; match = blank.exec(text)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, text.length);
  return ranges;
}

export function ingest(text: string, metadataTitle: string): IngestResult {
  const ranges = paragraphRanges(text);
  const blocks: Block[] = [];
  let headline: string | null = null;
  let sourceLine: string | null = null;
  let mode: 'body' | ExcludedReason = 'body';
  const exclude = (range: { start: number; end: number }, reason: ExcludedReason): void => {
    blocks.push({ kind: 'excluded', start: range.start, end: range.end, reason });
  };
  const title = normalizeForSearch(metadataTitle);
  let seenBody = false;

  ranges.forEach((range, index) => {
    const body = text.slice(range.start, range.end);
    // Harakat are dropped before matching markers: «أيضاً» carries a tanween the patterns do not spell.
    const firstLine = body.split('\n', 1)[0]!.trim().replace(/[\u064B-\u065F\u0670\u0640]/g, '');
    const readAlso = READ_ALSO.exec(firstLine);
    if (EMBED_URL.test(body) || EMBED_SIGNATURE.test(firstLine) || EMBED_LABEL.test(firstLine)) {
      exclude(range, mode === 'body' ? 'embedded-post' : mode);
      return;
    }
    if (RELATED.test(firstLine)) {
      mode = 'related-links';
      exclude(range, 'related-links');
      return;
    }
    if (readAlso) {
      // «اقرأ أيضاً: عنوان» on one line is a single teaser; a marker alone opens another article.
      const inlineTitle = (readAlso[1] ?? readAlso[2] ?? '').trim();
      if (inlineTitle === '') mode = 'read-also';
      exclude(range, 'read-also');
      return;
    }
    // «المصدر: الحرة» names an outlet in a few words; "Source: a senior official said …" is a claim.
    const source = lineCount(body) === 1 ? SOURCE_LINE.exec(body) : null;
    if (source && wordCount(source[1]!) <= 8) {
      sourceLine ??= source[1]!.trim();
      mode = 'body';
      exclude(range, 'source-line');
      return;
    }
    if (AD_LABEL.test(body)) {
      exclude(range, 'advertisement');
      return;
    }
    if (mode === 'related-links' && isLinkList(body)) {
      exclude(range, 'related-links');
      return;
    }
    if (mode === 'read-also') {
      exclude(range, 'read-also');
      return;
    }
    mode = 'body';
    const isFirst = !seenBody;
    seenBody = true;
    if (isFirst && headline === null && (looksLikeTitle(body, 30) || (title !== '' && normalizeForSearch(body) === title))) {
      headline = body;
      blocks.push({ kind: 'headline', start: range.start, end: range.end });
      return;
    }
    const next = ranges[index + 1];
    if (next !== undefined && looksLikeTitle(body, 12)) {
      blocks.push({ kind: 'heading', start: range.start, end: range.end });
      return;
    }
    if (BULLET_LINE.test(body) && isLinkList(body) && /https?:\/\//.test(body)) {
      exclude(range, 'related-links');
      return;
    }
    blocks.push({ kind: 'paragraph', start: range.start, end: range.end });
  });
  return { blocks, headline, sourceLine };
}
