import type { Block, ExcludedReason } from './types';
import { foldArabicScript } from './arabic';
import { normalizeForSearch, tokenizeForMatch } from './normalize';
import {
  AD_LABEL,
  DATELINE,
  EMBED_LABEL,
  EMBED_SIGNATURE,
  EMBED_URL,
  isMarkerLine,
  isOutletName,
  markerForm,
  MAX_MORE_NEWS,
  MORE_NEWS,
  MORE_NEWS_INLINE,
  READ_ALSO,
  RELATED,
  RELATED_INLINE,
  SOURCE_LINE,
} from './article-markers';
import { chromeReason, foldChromeLine, trailingCreditStart, wordCount } from './site-chrome';
import { isStopword } from './stopwords';

/**
 * Finds the article body in a pasted report: the headline, section headings, paragraphs, and the
 * parts that are not this report's claims (embedded posts, «إقرأ أيضاً» teasers and articles,
 * related links, the «المصدر:» line, ad labels, bylines and the website around the article).
 * Works paragraph by paragraph and line by line; never looks at the whole text at once.
 */

interface TextRange {
  start: number;
  end: number;
}

/** A paragraph, or the chrome lines at its start or end, set apart before anything else is decided. */
interface Unit extends TextRange {
  chrome: ExcludedReason | null;
}

export interface IngestResult {
  blocks: Block[];
  /** Text of the headline block, when the text starts with one. */
  headline: string | null;
  /** Outlet named by the source line: «المصدر: الحرة» → «الحرة». */
  sourceLine: string | null;
}

const HEADLINE_WORDS = 30;
const BULLET_LINE = /^\s*(?:[•·▪◦‣●*]|[-–—](?=\s))/;
const FINAL_PUNCTUATION = /[.!?؟…:،,؛;]["'”’»)]*\s*$/;

function lineCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Short single lines without final punctuation: a headline or a section heading. */
function looksLikeTitle(text: string, maxWords: number): boolean {
  return !FINAL_PUNCTUATION.test(text) && !BULLET_LINE.test(text) && wordCount(text, maxWords) <= maxWords && lineCount(text) === 1;
}

/** A headline may ask or exclaim: "Who holds Aleppo now?" above the article. */
function looksLikeHeadline(text: string): boolean {
  return looksLikeTitle(text.replace(/[?!؟]["'”’»)]*\s*$/u, ''), 30);
}

function isLinkList(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 && lines.every((l) => BULLET_LINE.test(l) || (wordCount(l, 16) <= 16 && !/[.!?؟]["'”’»)]*\s*$/.test(l)));
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

/** Lines of [start, end), without their line breaks and the spaces around them. */
function lineRanges(text: string, start: number, end: number): TextRange[] {
  const lines: TextRange[] = [];
  let lineStart = start;
  while (lineStart <= end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    let from = lineStart;
    let to = lineEnd;
    while (from < to && /\s/.test(text[from] as string)) from++;
    while (to > from && /\s/.test(text[to - 1] as string)) to--;
    if (to > from) lines.push({ start: from, end: to });
    lineStart = lineEnd + 1;
  }
  return lines;
}

/** Long lines are prose: no chrome pattern is tried on them. */
const MAX_CHROME_LINE = 400;

const CLOSING_QUOTES = new Set(['"', "'", '”', '’', '»', ')', ']']);
const SENTENCE_ENDS = new Set(['.', '!', '?', '؟', '…', ':']);

/** `/[.!?؟…:]["'”’»)\]]*$/u.test(line)`, read from the end: a regex scans the whole line. */
function endsSentence(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && CLOSING_QUOTES.has(line[i]!)) i--;
  return i >= 0 && SENTENCE_ENDS.has(line[i]!);
}

/** `line.slice(line.search(/\S+$/u))`, read from the end: the last character when the line ends in a space. */
function lastWordOf(line: string): string {
  let start = line.length;
  while (start > 0 && !/\s/.test(line[start - 1]!)) start--;
  return start === line.length ? line.slice(-1) : line.slice(start);
}

/** A line that ends what it says: a sentence, a quote, or a short title above longer lines. */
function closesLine(lineText: string, longest: number): boolean {
  if (endsSentence(lineText)) return true;
  const lastWord = foldArabicScript(lastWordOf(lineText).toLowerCase());
  return looksLikeTitle(lineText, 30) && lineText.length < 0.75 * longest && !isStopword(lastWord, lastWord);
}

/**
 * A paragraph's parts: chrome lines («شارك», "By Desk Editor") and marker lines stand apart
 * from the prose around them. At the paragraph's start or end any such line does; in its
 * middle only after a line that closed, so hard-wrapped prose is never cut.
 */
function paragraphUnits(text: string, range: TextRange): Unit[] {
  const lines = lineRanges(text, range.start, range.end);
  let longest = 0;
  for (const line of lines) longest = Math.max(longest, line.end - line.start);
  const kinds = lines.map((line): ExcludedReason | 'marker' | null => {
    if (line.end - line.start > MAX_CHROME_LINE) return null;
    const lineText = text.slice(line.start, line.end);
    return chromeReason(lineText) ?? (lines.length > 1 && isMarkerLine(lineText) ? 'marker' : null);
  });
  let leading = 0;
  while (leading < lines.length && kinds[leading] !== null) leading++;
  let trailing = lines.length;
  while (trailing > leading && kinds[trailing - 1] !== null) trailing--;
  const units: Unit[] = [];
  let body: Unit | null = null;
  const flushBody = (): void => {
    if (body === null) return;
    units.push(body);
    const credit = trailingCreditStart(text, body.start, body.end);
    if (credit !== -1) {
      let creditStart = credit;
      while (/\s/.test(text[creditStart] as string)) creditStart++;
      units.push({ start: creditStart, end: body.end, chrome: 'byline' });
      body.end = credit;
    }
    body = null;
  };
  let previousClosed = true;
  lines.forEach((line, i) => {
    const kind = kinds[i]!;
    // "…officials said they would⏎agree": a line that goes on in small letters continues the sentence.
    const continues = i > 0 && /^\p{Ll}/u.test(text.slice(line.start, line.start + 1));
    const apart = kind !== null && !continues && (i < leading || i >= trailing || previousClosed);
    if (!apart) {
      if (body === null) body = { start: line.start, end: line.end, chrome: null };
      else body.end = line.end;
      previousClosed = closesLine(text.slice(line.start, line.end), longest);
      return;
    }
    flushBody();
    const last = units[units.length - 1];
    if (kind !== 'marker' && last !== undefined && last.chrome === kind && last.end <= line.start) last.end = line.end;
    else units.push({ start: line.start, end: line.end, chrome: kind === 'marker' ? null : kind });
    previousClosed = true;
  });
  flushBody();
  return units;
}

/** `longest[i]`: the length of the longest line after line `i`. */
function longestAfter(lines: TextRange[]): number[] {
  const longest = new Array<number>(lines.length).fill(0);
  for (let i = lines.length - 2; i >= 0; i--) longest[i] = Math.max(longest[i + 1]!, lines[i + 1]!.end - lines[i + 1]!.start);
  return longest;
}

/**
 * Is line `i` of a paragraph a headline or heading of its own ("المعارضة تتقدّم⏎أظهرت …")?
 * Short, no final punctuation, and not a line of hard-wrapped prose: those fill the width, so
 * they are about as long as the lines after them, and they may end in "on" or «في».
 */
function isTitleLine(text: string, lines: TextRange[], i: number, longest: number[], maxWords: number, metadataTitle: string): boolean {
  if (i >= lines.length - 1) return false;
  const line = lines[i]!;
  const lineText = text.slice(line.start, line.end);
  if (metadataTitle !== '' && normalizeForSearch(lineText) === metadataTitle) return true;
  const titleLike = maxWords === HEADLINE_WORDS ? looksLikeHeadline(lineText) : looksLikeTitle(lineText, maxWords);
  if (!titleLike || /^\p{Ll}/u.test(text.slice(lines[i + 1]!.start, lines[i + 1]!.start + 1))) return false;
  const lastWord = foldArabicScript(lineText.slice(lineText.search(/\S+$/u)).toLowerCase());
  if (isStopword(lastWord, lastWord)) return false;
  return lineText.length < 0.75 * longest[i]!;
}

/** A short teaser title, or a list of them, after a bare «اقرأ أيضاً». */
function isTeaserTitle(text: string): boolean {
  return (lineCount(text) === 1 && wordCount(text, 20) <= 20) || isLinkList(text);
}

function contentStems(text: string, range: TextRange): Set<string> {
  const stems = new Set<string>();
  for (const token of tokenizeForMatch(text, 'und', undefined, range.start, range.end)) {
    if (token.stem.length >= 2 && !/^\d+$/.test(token.stem) && !isStopword(token.folded, token.bare)) stems.add(token.stem);
  }
  return stems;
}

/**
 * Does this paragraph tell the story of the teaser title above it («وزيرة الخارجية الألمانية في
 * دمشق» → «وصلت وزيرة الخارجية الألمانية إلى دمشق …»)? Then it is the teased article itself,
 * pasted along, not the report going on after a teaser box.
 */
function elaboratesTitle(text: string, title: TextRange, paragraph: TextRange): boolean {
  const titleStems = contentStems(text, title);
  if (titleStems.size < 2) return false;
  const paragraphStems = contentStems(text, { start: paragraph.start, end: Math.min(paragraph.end, paragraph.start + 600) });
  let shared = 0;
  for (const stem of titleStems) if (paragraphStems.has(stem)) shared++;
  return shared >= 2 && shared * 2 >= titleStems.size;
}

type Mode = 'body' | 'related-links' | 'teaser' | 'teaser-titles' | 'another-article';

export function ingest(text: string, metadataTitle: string): IngestResult {
  const units = paragraphRanges(text).flatMap((range) => paragraphUnits(text, range));
  const blocks: Block[] = [];
  let headline: string | null = null;
  let sourceLine: string | null = null;
  // After a bare «اقرأ أيضاً», a teaser's titles follow; after the report's source line, a whole other article.
  let mode: Mode = 'body';
  let articleEnded = false;
  let teaserTitle: TextRange | null = null;
  const exclude = (range: TextRange, reason: ExcludedReason): void => {
    blocks.push({ kind: 'excluded', start: range.start, end: range.end, reason });
  };
  const title = normalizeForSearch(metadataTitle);
  let seenBody = false;
  let seenParagraph = false;

  /** Places one unit; returns what is left of it to place next, when a first line was split off. */
  const place = (unit: Unit, index: number): Unit | null => {
    if (unit.chrome !== null) {
      exclude(unit, unit.chrome);
      return null;
    }
    const body = text.slice(unit.start, unit.end);
    const firstLine = markerForm(body.split('\n', 1)[0]!);
    const readAlso = READ_ALSO.exec(firstLine);
    if (EMBED_URL.test(body) || EMBED_SIGNATURE.test(firstLine) || EMBED_LABEL.test(firstLine)) {
      exclude(unit, mode === 'another-article' ? 'read-also' : mode === 'related-links' ? 'related-links' : 'embedded-post');
      return null;
    }
    if (RELATED.test(firstLine) || (body.length <= MAX_MORE_NEWS && lineCount(body) === 1 && MORE_NEWS.test(foldChromeLine(firstLine)))) {
      mode = 'related-links';
      exclude(unit, 'related-links');
      return null;
    }
    if (lineCount(body) === 1 && (RELATED_INLINE.test(firstLine) || (body.length <= 200 && MORE_NEWS_INLINE.test(foldChromeLine(firstLine))))) {
      exclude(unit, 'related-links');
      return null;
    }
    if (readAlso) {
      // «اقرأ أيضاً: عنوان», or the marker with its titles on the next lines, is one teaser. A bare
      // marker in the article opens a teaser whose titles follow; after the report's end, it
      // opens another article.
      const inlineTitle = (readAlso[1] ?? readAlso[2] ?? '').trim();
      if (inlineTitle === '' && lineCount(body) === 1 && mode !== 'another-article') mode = articleEnded ? 'another-article' : 'teaser';
      exclude(unit, 'read-also');
      return null;
    }
    const source = lineCount(body) === 1 ? SOURCE_LINE.exec(body) : null;
    if (source && isOutletName(source[1]!)) {
      sourceLine ??= source[1]!.trim();
      mode = 'body';
      articleEnded = true;
      exclude(unit, 'source-line');
      return null;
    }
    if (AD_LABEL.test(body)) {
      exclude(unit, 'advertisement');
      return null;
    }
    if (mode === 'related-links' && isLinkList(body)) {
      exclude(unit, 'related-links');
      return null;
    }
    const listing = mode === 'teaser' || mode === 'teaser-titles' || mode === 'related-links';
    if (listing && lineCount(body) > 1 && !isLinkList(body) && (mode === 'teaser' ? isTeaserTitle(firstLine) : isLinkList(firstLine))) {
      // «اقرأ أيضاً⏎عنوان⏎وأضاف …» with single line breaks: the title line, then the article goes on.
      const titleEnd = text.indexOf('\n', unit.start);
      const listed: Unit = { start: unit.start, end: titleEnd, chrome: null };
      while (/\s/.test(text[listed.end - 1] as string)) listed.end--;
      exclude(listed, mode === 'related-links' ? 'related-links' : 'read-also');
      teaserTitle = mode === 'teaser' ? listed : null;
      if (mode === 'teaser') mode = 'teaser-titles';
      const next = lineRanges(text, titleEnd, unit.end)[0]!;
      return { start: next.start, end: unit.end, chrome: null };
    }
    if ((mode === 'teaser' && isTeaserTitle(body)) || (mode === 'teaser-titles' && isLinkList(body))) {
      teaserTitle = mode === 'teaser' && lineCount(body) === 1 ? unit : null;
      mode = 'teaser-titles';
      exclude(unit, 'read-also');
      return null;
    }
    if (mode === 'teaser-titles' && teaserTitle !== null && elaboratesTitle(text, teaserTitle, unit)) mode = 'another-article';
    if (mode === 'another-article') {
      exclude(unit, 'read-also');
      return null;
    }
    mode = 'body';
    const lines = lineRanges(text, unit.start, unit.end);
    const longest = longestAfter(lines);
    let from = 0;
    if (!seenBody && headline === null) {
      seenBody = true;
      const alone = lines.length === 1 && index + 1 < units.length;
      if (lines.length === 1 && (looksLikeTitle(body, HEADLINE_WORDS) || (alone && looksLikeHeadline(body)) || (title !== '' && normalizeForSearch(body) === title))) {
        headline = body;
        blocks.push({ kind: 'headline', start: unit.start, end: unit.end });
        return null;
      }
      if (isTitleLine(text, lines, 0, longest, HEADLINE_WORDS, title)) {
        headline = text.slice(lines[0]!.start, lines[0]!.end);
        blocks.push({ kind: 'headline', start: lines[0]!.start, end: lines[0]!.end });
        from = 1;
      }
    }
    seenBody = true;
    if (lines.length === 1 && index + 1 < units.length && looksLikeTitle(body, 12)) {
      blocks.push({ kind: 'heading', start: unit.start, end: unit.end });
      return null;
    }
    for (; isTitleLine(text, lines, from, longest, 12, ''); from++) blocks.push({ kind: 'heading', start: lines[from]!.start, end: lines[from]!.end });
    const rest: TextRange = { start: lines[from]!.start, end: unit.end };
    const dateline = seenParagraph ? null : DATELINE.exec(text.slice(rest.start, Math.min(rest.end, rest.start + 120)));
    if (dateline !== null && rest.end - rest.start > dateline[0].length + 20) {
      exclude({ start: rest.start, end: rest.start + dateline[0].trimEnd().length }, 'byline');
      rest.start += dateline[0].length;
    }
    const restText = text.slice(rest.start, rest.end);
    if (BULLET_LINE.test(restText) && isLinkList(restText) && /https?:\/\//.test(restText)) {
      exclude(rest, 'related-links');
      return null;
    }
    blocks.push({ kind: 'paragraph', start: rest.start, end: rest.end });
    seenParagraph = true;
    return null;
  };
  units.forEach((unit, index) => {
    for (let rest: Unit | null = unit; rest !== null; ) rest = place(rest, index);
  });
  return { blocks, headline, sourceLine };
}
