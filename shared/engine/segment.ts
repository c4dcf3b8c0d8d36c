import { foldArabicScript } from './arabic';

/** A range of UTF-16 code units in a report's text: `text.slice(start, end)`. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Intl.Segmenter is quadratic in the length of the string it segments on Node 20 (100 000
 * characters take seconds), so it only ever sees one line, cut into chunks of at most this size.
 */
const MAX_SEGMENT_CHUNK = 2000;

const segmenters = new Map<string, Intl.Segmenter>();

export function wordSegmenter(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    } catch {
      segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    }
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** Cuts [start, end) into lines, and long lines into chunks ending at a space. */
function* chunks(text: string, start: number, end: number): Generator<TextRange> {
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    let chunkStart = lineStart;
    while (lineEnd - chunkStart > MAX_SEGMENT_CHUNK) {
      let cut = text.lastIndexOf(' ', chunkStart + MAX_SEGMENT_CHUNK);
      if (cut <= chunkStart) cut = chunkStart + MAX_SEGMENT_CHUNK;
      yield { start: chunkStart, end: cut };
      chunkStart = cut;
    }
    if (lineEnd > chunkStart) yield { start: chunkStart, end: lineEnd };
    lineStart = lineEnd + 1;
  }
}

/** Word-like segments of `text` between `start` and `end`, with offsets into `text`. */
export function wordRanges(text: string, language: string, start = 0, end = text.length): TextRange[] {
  const segmenter = wordSegmenter(language);
  const words: TextRange[] = [];
  for (const chunk of chunks(text, start, end)) {
    const slice = text.slice(chunk.start, chunk.end);
    for (const segment of segmenter.segment(slice)) {
      if (!segment.isWordLike) continue;
      const wordStart = chunk.start + segment.index;
      words.push({ start: wordStart, end: wordStart + segment.segment.length });
    }
  }
  return words;
}

const ABBREVIATIONS = new Set(
  ('mr mrs ms messrs dr prof gen maj capt col lt cmdr adm brig sgt cpl pres gov sen rep rev hon st mt ft jr sr vs etc approx dept est ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp e.g i.e a.m p.m u.s u.k u.n u.a.e').split(' '),
);
/** Abbreviations that are also words: "No. 5" is one, "said no." ends a sentence. */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'vol', 'art', 'pp']);
/** Endings that make "aljazeera.Net" an address rather than two sentences. */
const DOMAIN_ENDINGS = new Set(
  'com net org gov edu int mil info biz io tv news uk fr de ae sa eg qa sy lb iq jo tr ru cn ps ma tn dz ly sd ye kw bh om نت كوم'.split(' '),
);
const BULLET = /^[ \t]*(?:[•·▪◦‣●*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))/;
const SPEAKER = /^[ \t]*[\p{L} .'-]{1,40}:\s/u;
const LETTER = /\p{L}/u;
const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]/;
const DIGIT = /\p{Nd}/u;

/** Is the '.' at `dot` the end of an abbreviation or an initial ("U.S.", "Mr.", «د.») rather than of a sentence? */
function isAbbreviation(text: string, dot: number): boolean {
  let wordStart = dot;
  while (wordStart > 0 && /[A-Za-z.]/.test(text[wordStart - 1] as string)) wordStart--;
  const word = text.slice(wordStart, dot).toLowerCase();
  if (word.length === 0) return isArabicInitial(text, dot);
  if (NUMBER_ABBREVIATIONS.has(word)) return /^\s*[#\d]/.test(text.slice(dot + 1, dot + 4));
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word);
}

/** «د. سامر», «أ.ف.ب»: one Arabic letter before the dot; but «عام 2011 م.» ends a sentence. */
function isArabicInitial(text: string, dot: number): boolean {
  const letter = text[dot - 1] as string | undefined;
  if (letter === undefined || !ARABIC_LETTER.test(letter)) return false;
  const before = text[dot - 2];
  if (before !== undefined && LETTER.test(before)) return false;
  return !(letter === 'م' && /\p{Nd}\s*$/u.test(text.slice(Math.max(0, dot - 8), dot - 1)));
}

/** The run of letters ending just before `end`, or starting at `start`. */
function lettersBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && LETTER.test(text[start - 1] as string) && end - start < 40) start--;
  return text.slice(start, end);
}

function lettersAfter(text: string, start: number): string {
  let end = start;
  while (end < text.length && LETTER.test(text[end] as string) && end - start < 40) end++;
  return text.slice(start, end);
}

/** The whitespace-delimited word around `at`, for telling an address from two sentences. */
function tokenAround(text: string, at: number): string {
  let start = at;
  while (start > 0 && !/\s/.test(text[start - 1] as string) && at - start < 300) start--;
  let end = at;
  while (end < text.length && !/\s/.test(text[end] as string) && end - at < 300) end++;
  return text.slice(start, end).replace(/^[("'“«\[]+/, '');
}

/**
 * Does punctuation with no space after it end a sentence («عليه.وسيطر», "town.The")? Not in
 * numbers (16.7), addresses (aljazeera.net, www.X.Org, a@b.com), initials (U.S.Army, «أ.ف.ب»)
 * or abbreviations ("a.m.Sunday").
 */
function endsSentenceWithoutSpace(text: string, at: number, next: number): boolean {
  const after = text[next] as string;
  if (!LETTER.test(after)) return false;
  const token = tokenAround(text, at);
  if (/:\/\/|@|^www\.|[a-z0-9-]\.[a-z]{2,}\//i.test(token)) return false;
  const prev = text[at - 1];
  if (prev === undefined) return false;
  const isDot = text.slice(at, next) === '.';
  const closer = /["'”’»)\]]$/u.test(text.slice(at, next));
  const nextWord = lettersAfter(text, next);
  if (ARABIC_LETTER.test(after)) {
    if (nextWord.length < 2 || DOMAIN_ENDINGS.has(nextWord)) return false;
    if (closer) return true;
    if (DIGIT.test(prev)) return true;
    if (!isDot) return LETTER.test(prev) || /["'”’»)\]]/.test(prev);
    // «عليه.وسيطر»; but «أ.ف.ب» and «د.سامر» are initials, unless the letter closes a year («2011م.»).
    const word = lettersBefore(text, at);
    return word.length >= 2 || DIGIT.test(text[at - word.length - 1] ?? '');
  }
  // Latin: a capital after a small letter, a digit or a closing mark; "U.S.Army" is initials.
  if (!/\p{Lu}/u.test(after) || (/\p{Lu}/u.test(prev) && !closer)) return false;
  if (closer) return true;
  if (!(/\p{Ll}/u.test(prev) || DIGIT.test(prev) || /["'”’»)\]]/.test(prev) || ARABIC_LETTER.test(prev))) return false;
  if (!isDot) return true;
  if (isAbbreviation(text, at)) return false;
  return !DOMAIN_ENDINGS.has(nextWord.toLowerCase()) || LETTER.test(text[next + nextWord.length] ?? '');
}

function trimRange(text: string, range: TextRange, trailing: RegExp): TextRange | null {
  let { start, end } = range;
  while (start < end && /[\s•·▪◦‣●*]/.test(text[start] as string)) start++;
  while (end > start && (/\s/.test(text[end - 1] as string) || trailing.test(text[end - 1] as string))) end--;
  return end > start ? { start, end } : null;
}

/**
 * Sentences of one paragraph block. Punctuation decides, not Intl.Segmenter: it is cheaper on
 * long reports and keeps decimals (16.7), initials (U.S.) and Arabic «؟» under our control.
 * A line break ends a sentence only where a list item or a speaker's turn begins after it, or
 * the line already ended one, so hard-wrapped prose stays whole.
 */
export function splitSentences(text: string, block: TextRange): TextRange[] {
  const sentences: TextRange[] = [];
  const boundary = /[.!?؟…]+["'”’»)\]]*(?=\s|$)|\n|[.!?؟…]+["'”’»)\]]*(?=\p{L})/gu;
  boundary.lastIndex = block.start;
  let sentenceStart = block.start;
  // Scans the whole text with a bound rather than a slice: slicing per block would be quadratic.
  for (let match = boundary.exec(text); match !== null && match.index < block.end; match = boundary.exec(text)) {
    const at = match.index;
    let end = Math.min(block.end, at + match[0].length);
    if (match[0] === '\n') {
      const nextLine = text.slice(end, Math.min(block.end, end + 60));
      if (!BULLET.test(nextLine) && !SPEAKER.test(nextLine)) continue;
      end = at;
    } else if (end < text.length && !/\s/.test(text[end] as string)) {
      if (end < block.end && !endsSentenceWithoutSpace(text, at, end)) continue;
    } else if (match[0] === '.' && isAbbreviation(text, at)) {
      continue;
    }
    const range = trimRange(text, { start: sentenceStart, end }, /[^\S\n]/);
    if (range) sentences.push(range);
    sentenceStart = end;
  }
  const last = trimRange(text, { start: sentenceStart, end: block.end }, /[^\S\n]/);
  if (last) sentences.push(last);
  return sentences;
}

/** Past-tense verbs that open a new clause after «، و»: «، وأعلن …», «، ودعا …». Folded, without و. */
const ARABIC_CLAUSE_VERBS = new Set(
  'قال اكد اعلن اضاف اشار اوضح دعا شن نشر سيطر دخل بدا استعاد قتل اصيب اتهم نفي ذكر حذر طالب سقط تقدم بسط استهدف افاد صرح هاجم انسحب وصل عاد رفض قرر وقع اعتبر تمكن ادي جاء اطلق'.split(' '),
);
/** Words that open a clause on their own after a comma: «، كما …», «، مشيرة إلى …». */
const ARABIC_CLAUSE_OPENERS = new Set(
  'كما بينما فيما لكن لكنه لكنها مشيرا مشيره مضيفا مضيفه موضحا موضحه موكدا موكده لافتا لافته معتبرا معتبره وهو وهي وهم'.split(' '),
);
const ENGLISH_CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'whereas', 'although', 'adding', 'noting']);
const MIN_CLAUSE_WORDS = 4;

function wordCount(text: string, start: number, end: number): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = /[\s،,؛;:()"“”«»]/.test(text[i] as string);
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** "France", "the United Kingdom": a short item of a list, not a clause ("the army withdrew"). */
function isListItem(text: string, start: number, end: number): boolean {
  const words = wordCount(text, start, end);
  return words <= 2 || (words <= 4 && /\p{Lu}/u.test(text.slice(start, end)));
}

function opensArabicClause(folded: string): boolean {
  if (ARABIC_CLAUSE_OPENERS.has(folded)) return true;
  if (folded.length < 4 || (folded[0] !== 'و' && folded[0] !== 'ف')) return false;
  const rest = folded.slice(1);
  if (ARABIC_CLAUSE_VERBS.has(rest)) return true;
  // «ونشرت» is a verb; «والكويت» (with the article) and «والإمارات» are names in a list.
  return rest.length >= 4 && rest.endsWith('ت') && !rest.endsWith('ات') && !rest.startsWith('ال');
}

/**
 * Clauses of a sentence that states several facts: split after a comma or semicolon where a new
 * verb clause begins («، ونشرت …», «، كما …», ", and the army …"), when both sides are long enough
 * to be claims. Lists («الولايات المتحدة وفرنسا وألمانيا») and apposition stay whole.
 */
export function splitClauses(text: string, sentence: TextRange): TextRange[] {
  const cuts: number[] = [];
  const separator = /[،,؛;]\s+/g;
  separator.lastIndex = sentence.start;
  let clauseStart = sentence.start;
  let itemStart = -1;
  for (let match = separator.exec(text); match !== null && match.index < sentence.end; match = separator.exec(text)) {
    const next = match.index + match[0].length;
    const previousItem = itemStart;
    itemStart = next;
    const word = /^[^\s،,؛;.!?؟:]+/.exec(text.slice(next, next + 40))?.[0] ?? '';
    const folded = foldArabicScript(word.toLowerCase());
    const semicolon = match[0][0] === '؛' || match[0][0] === ';';
    const opens = semicolon || opensArabicClause(folded) || ENGLISH_CLAUSE_OPENERS.has(folded);
    if (!opens) continue;
    if (wordCount(text, clauseStart, match.index) < MIN_CLAUSE_WORDS) continue;
    if (wordCount(text, next, sentence.end) < MIN_CLAUSE_WORDS + (folded === 'and' ? 1 : 0)) continue;
    // ", and" before a short tail, or after a short item between commas, ends a list
    // ("France, Germany, and Britain called …").
    if (folded === 'and') {
      const tailEnd = text.slice(next, sentence.end).search(/[,،;.]/);
      if (tailEnd !== -1 && wordCount(text, next, next + tailEnd) < MIN_CLAUSE_WORDS) continue;
      if (previousItem !== -1 && isListItem(text, previousItem, match.index)) continue;
    }
    cuts.push(match.index, next);
    clauseStart = next;
  }
  if (cuts.length === 0) return [sentence];
  const clauses: TextRange[] = [];
  let start = sentence.start;
  for (let i = 0; i < cuts.length; i += 2) {
    const clause = trimRange(text, { start, end: cuts[i]! }, /[،,؛;:]/);
    if (clause) clauses.push(clause);
    start = cuts[i + 1]!;
  }
  const last = trimRange(text, { start, end: sentence.end }, /[^\S\n]/);
  if (last) clauses.push(last);
  return clauses;
}
