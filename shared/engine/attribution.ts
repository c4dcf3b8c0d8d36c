import { foldArabicScript } from './arabic';
import { eventClassAt } from './frame-lexicon';
import type { MatchToken } from './normalize';

/**
 * Who a claim says said it: «حسبما أفاد المرصد السوري», «بحسب الأمم المتحدة», «وقالت الدول …
 * إن», "according to the UN", "the army said". The phrase is kept apart from the claim's content
 * words: two outlets can report the same fact from different sources, and that is a difference
 * to show, not a reason to think the facts differ.
 */
export interface AttributionSpan {
  /** Token indices [from, to) that frame the claim and are not part of its content. */
  from: number;
  to: number;
  /** Token indices [sourceFrom, sourceTo) naming the source; empty for «قالت إنها». */
  sourceFrom: number;
  sourceTo: number;
  /** Offsets of the phrase as written, from the marker to the end of the source. */
  start: number;
  end: number;
}

const fold = (words: string): Set<string> => new Set(words.split(' ').map((w) => foldArabicScript(w)));

/** Markers followed by their source: «بحسب X», «وفقا لـ X», "according to X". */
const ACCORDING_TO = fold('حسب بحسب حسبما وفق وفقا طبقا نقلا according citing per');
/** Verbs of saying, as written without attached particles. */
const SAYING_VERBS = fold(
  'قال قالت أفاد أفادت أكد أكدت أعلن أعلنت ذكر ذكرت صرح صرحت أوضح أوضحت أضاف أضافت أشار أشارت حذر حذرت نقل نقلت كشف كشفت زعم زعمت ' +
    'قالوا أفادوا أكدوا أعلنوا ذكروا صرحوا أوضحوا أضافوا أشاروا حذروا كشفوا زعموا ' +
    'said says told reported announced stated claimed confirmed added warned noted',
);
/** What follows «وفقا لـ» when it is a legal basis, not a source: «وفقاً لقرار مجلس الأمن». */
const NOT_A_SOURCE = fold('قرار قرارات قانون اتفاق اتفاقيه دستور خطه resolution law agreement plan');
const NOT_A_SOURCE_AFTER_PER = /^(cent|centum|hour|day|week|month|year|person|head|capita|barrel|tonne|ton|kilometre|kilometer|km|mile|litre|liter|kilo|kilogram|kg|unit|share|household)$/;
const NOT_A_SOURCE_AFTER_CITING = /^(need|needs|concern|concerns|fear|fears|reason|reasons|security|safety|lack|shortage|shortages|risk|risks|threat|threats|pressure|budget|health|weather|delays|the)$/;
/** «أن», «إن», "that": the reported statement starts here. */
const COMPLEMENTIZERS = fold('ان انه انها انهم بان بانه بانها بانهم that');
/** Prepositions that end a verb-first source: «أعلن الأسد عن …» names the source, then what he announced. */
const SOURCE_ENDS = fold('عن على الى إلى about to');
const FRAME_PREPOSITIONS = fold('في خلال عبر in on via during');
/** «في بيان», "in a statement": where a source ends and the occasion of saying begins. */
const OCCASIONS = /^(بيان|تصريح|منشور|موتمر|مقابل|حديث|تغريد|statement|interview|post|press|conference|briefing|tweet)/;
const MAX_SOURCE_WORDS = 8;
/** «أعلنت الوزارة صباح الأحد …»: a time of day or a weekday ends the source. */
const TIME_WORDS = fold('صباح مساء ظهر فجر ليل ليله عصر اليوم امس الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت on yesterday today');
const MAX_FRAME_WORDS = 16;

function punctuationBetween(text: string, left: MatchToken, right: MatchToken): boolean {
  return /[،,:.؛;()"“”«»\n]/.test(text.slice(left.end, right.start));
}

function startsOccasion(tokens: readonly MatchToken[], i: number): boolean {
  if (!FRAME_PREPOSITIONS.has(tokens[i]!.bare)) return false;
  let j = i + 1;
  while (tokens[j] !== undefined && /^(a|an|the|its|their)$/.test(tokens[j]!.bare)) j++;
  return OCCASIONS.test(tokens[j]?.bare ?? '');
}

/** «أعلنه», «أفادته»: a verb of saying with its object pronoun. */
function stripObjectPronoun(bare: string): string {
  return bare.replace(/(ه|ها|هم)$/, '');
}

/** Source words after index `from`: up to punctuation, «أن/إن», a frame word («في بيان»), an event («أعلن الجيش سقوط …») or a cap. */
function sourceAfter(tokens: readonly MatchToken[], text: string, from: number): number {
  let to = from;
  while (to < tokens.length && to - from < MAX_SOURCE_WORDS) {
    const token = tokens[to]!;
    if (COMPLEMENTIZERS.has(token.folded) || COMPLEMENTIZERS.has(token.bare)) break;
    if (to > from && (eventClassAt(tokens, to) !== null || TIME_WORDS.has(token.bare))) break;
    if (to > from && (startsOccasion(tokens, to) || SOURCE_ENDS.has(token.folded))) break;
    to++;
    if (to < tokens.length && punctuationBetween(text, tokens[to - 1]!, tokens[to]!)) break;
  }
  return to;
}

/**
 * The end of a verb's subject that runs into its object: «الوزير» of «أكد الوزير وجود نقص», «وزارة
 * الصحة» of «أعلنت وزارة الصحة مقتل …». A word without the article after one with it starts the
 * object, unless a preposition is attached to it («المتحدث باسم الجيش», «الأمين العام للأمم
 * المتحدة»); a negation («عدم») always does.
 */
function subjectEnd(tokens: readonly MatchToken[], from: number, to: number): number {
  for (let k = from + 1; k < to; k++) {
    const token = tokens[k]!;
    if (/^(و|ف)?(عدم|لا|لم)$/.test(token.folded)) return k;
    const definite = (t: MatchToken): boolean => /^(و|ف)?(ال|بال|لل|كال)/.test(t.folded);
    if (definite(tokens[k - 1]!) && !definite(token) && !/^(و|ف)?(ب|ل)/.test(token.folded)) return k;
  }
  return to;
}

/** «دون أن», «قبل أن», «بعد أن»: an «أن» that opens a clause of its own, not what was said. */
const NOT_SAYING_THAT = /^(دون|بدون|قبل|بعد|منذ|رغم|without|before|after)$/;

/** After "told": up to three words naming whom, to the end of the clause or «that». */
function tellingEnd(tokens: readonly MatchToken[], text: string, from: number): number {
  let to = from;
  while (to < tokens.length && to - from < 3 && !COMPLEMENTIZERS.has(tokens[to]!.bare)) {
    to++;
    if (to < tokens.length && punctuationBetween(text, tokens[to - 1]!, tokens[to]!)) break;
  }
  return to;
}

/** Where the framing of «قالت X في بيان …: "…"» ends: at «إن/أن» or a colon, if close. */
function frameEnd(tokens: readonly MatchToken[], text: string, from: number, fallback: number): number {
  for (let i = from; i < tokens.length && i - from < MAX_FRAME_WORDS; i++) {
    // «أعلنت الوزارة مقتل 12 … دون أن تحدد …»: the verb took what happened as its object; that «أن» is another clause's.
    if (i > from && eventClassAt(tokens, i) !== null) return fallback;
    if (COMPLEMENTIZERS.has(tokens[i]!.folded) || COMPLEMENTIZERS.has(tokens[i]!.bare)) return NOT_SAYING_THAT.test(tokens[i - 1]?.bare ?? '') ? fallback : i;
    if (i > from && /:/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) return i;
  }
  return fallback;
}

/** Words after "said" that start what was said, not who said it. */
const ENGLISH_NOT_SOURCE = /^(it|they|he|she|we|i|there|this|that|on|in|at|would|will|was|had|has|its|their|no|not)$/;
/** Words a subject of "said" never runs back over. */
const ENGLISH_SUBJECT_ENDS = /^(and|but|or|which|who|that|has|had|have|was|were|is|are|will|would|also|then|after|before|when|while)$/;

/** "The Kurdistan Regional Government (KRG) said": back over the subject, parentheses included, never over a verb. */
function englishSubjectStart(tokens: readonly MatchToken[], text: string, index: number): number {
  let from = index;
  while (from > 0 && index - from < 8) {
    const previous = tokens[from - 1]!;
    if (ENGLISH_SUBJECT_ENDS.test(previous.bare) || eventClassAt(tokens, from - 1) !== null) break;
    if (/[.,:;!?"“”\n]/.test(text.slice(previous.end, tokens[from]!.start))) break;
    from--;
  }
  return from;
}

function isComplementizer(token: MatchToken | undefined): boolean {
  return token !== undefined && (COMPLEMENTIZERS.has(token.folded) || COMPLEMENTIZERS.has(token.bare));
}

/** Words that open a sentence before its subject: «أما الوزارة فقالت», «غير أن …», «لكن …». */
const OPENERS = fold('اما غير لكن بينما فيما كما وكان');

/**
 * Where the subject of an Arabic verb of saying that follows it starts: the start of the clause,
 * at most three words back, or just after an opener («أما», «غير أن»); `index` when neither.
 */
function arabicSubjectStart(tokens: readonly MatchToken[], text: string, index: number): number {
  let from = index;
  while (from > 0 && index - from < 4 && !punctuationBetween(text, tokens[from - 1]!, tokens[from]!)) {
    const previous = tokens[from - 1]!;
    if (OPENERS.has(previous.bare) || (isComplementizer(previous) && OPENERS.has(tokens[from - 2]?.bare ?? ''))) return from;
    from--;
  }
  return from === 0 || punctuationBetween(text, tokens[from - 1]!, tokens[from]!) ? (index - from <= 3 ? from : index) : index;
}

export function findAttribution(tokens: readonly MatchToken[], text: string): AttributionSpan | null {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const word = token.bare;
    // «على حد قول شهود», «على حد تعبير مسؤول»: "as X put it".
    if (word === 'حد' && tokens[i - 1]?.bare === 'علي' && /^(قول|تعبير)$/.test(tokens[i + 1]?.bare ?? '') && tokens[i + 2] !== undefined) {
      const to = sourceAfter(tokens, text, i + 2);
      return { from: i - 1, to, sourceFrom: i + 2, sourceTo: to, start: tokens[i - 1]!.start, end: tokens[to - 1]!.end };
    }
    if (ACCORDING_TO.has(word) || ACCORDING_TO.has(token.folded)) {
      let from = i + 1;
      if (word === 'according' && tokens[from]?.bare === 'to') from++;
      // «بحسب ما أفاد المرصد», «وفق ما أعلنه الجيش»: «ما» and the verb come before the source.
      if (tokens[from]?.bare === 'ما' || tokens[from]?.bare === 'لما') from++;
      // «حسبما أفاد المرصد»: the source follows the verb.
      if (tokens[from] && (SAYING_VERBS.has(tokens[from]!.bare) || SAYING_VERBS.has(stripObjectPronoun(tokens[from]!.bare)))) from++;
      const next = tokens[from];
      if (next === undefined || NOT_A_SOURCE.has(next.stem) || NOT_A_SOURCE.has(next.bare)) continue;
      // "per cent", "per hour": a rate; "citing the need for …", "citing concerns": a reason.
      if ((word === 'per' && NOT_A_SOURCE_AFTER_PER.test(next.bare)) || (word === 'citing' && NOT_A_SOURCE_AFTER_CITING.test(tokens[from + (next.bare === 'the' ? 1 : 0)]?.bare ?? ''))) continue;
      const to = sourceAfter(tokens, text, from);
      return { from: i, to, sourceFrom: from, sourceTo: to, start: token.start, end: tokens[to - 1]!.end };
    }
    // «أما الوزارة فقالت إن …»: the verb with «فـ» after a fronted subject.
    if (!SAYING_VERBS.has(word) && !(word.startsWith('ف') && SAYING_VERBS.has(word.slice(1)))) continue;
    const arabic = /[\u0600-\u06ff]/.test(token.folded);
    // «قالوا لموقعنا إن …», «قال لنا إن …»: whom it was said to is not who said it.
    const toWhom = arabic && /^(و)?ل/.test(tokens[i + 1]?.folded ?? '') && isComplementizer(tokens[i + 2]) ? 1 : 0;
    const next = tokens[i + 1 + toWhom];
    const complementNext = isComplementizer(next);
    // Subject first: «البيان أكد أن …», «غير أن أصحاب أفران قالوا …», "the army said".
    if (!arabic || complementNext || next === undefined) {
      const from = arabic ? arabicSubjectStart(tokens, text, i) : englishSubjectStart(tokens, text, i);
      if (from < i) {
        // "a hospital official told Reuters": whom it was told to frames the claim, and is not its content.
        const to = !arabic && word === 'told' ? tellingEnd(tokens, text, i + 1) : i + 1;
        return { from, to, sourceFrom: from, sourceTo: i, start: tokens[from]!.start, end: tokens[to - 1]!.end };
      }
      // "…, said the army": the source after the verb, only where a quotation or clause ended before it.
      const inverted = i === 0 || /[,،"”'’]\s*$/.test(text.slice(tokens[i - 1]!.end, token.start));
      if (!arabic && inverted && next !== undefined && !complementNext && !ENGLISH_NOT_SOURCE.test(next.bare)) {
        const to = sourceAfter(tokens, text, i + 1);
        return { from: i, to, sourceFrom: i + 1, sourceTo: to, start: token.start, end: tokens[to - 1]!.end };
      }
      return { from: i, to: i + 1, sourceFrom: i + 1, sourceTo: i + 1, start: token.start, end: token.end };
    }
    // Verb first: «وقالت الدول الأربع …، إن …».
    const after = sourceAfter(tokens, text, i + 1);
    const said = frameEnd(tokens, text, i + 1, -1);
    // No «إن» / «أن»: the verb takes what was said as its object («أكد الوزير عدم وجود نقص»), and the source is its subject only.
    const sourceTo = arabic && said < 0 ? subjectEnd(tokens, i + 1, after) : after;
    const to = Math.max(sourceTo, said);
    return { from: i, to, sourceFrom: i + 1, sourceTo, start: token.start, end: tokens[sourceTo - 1]!.end };
  }
  return null;
}
