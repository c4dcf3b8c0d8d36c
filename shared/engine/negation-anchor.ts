import type { Actor, Span } from './frame';
import { arabicCore, coresMeet } from './arabic';
import { eventClassAt, hasArabic } from './frame-lexicon';
import type { MatchToken } from './normalize';
import { isStopword } from './stopwords';
import { synonymTerm } from './synonyms';

/**
 * Whether what a negation denies is spoken of in the other claim. Two loosely linked claims only
 * contradict when one negates what the other asserts: «لم ينسحب الجيش من المخيم» against
 * «وانسحبت القوات من المخيم», not «ولم يتضح عدد الموقوفين» against «وزار الوزير السجن».
 */

export interface AnchorSide {
  tokens: readonly MatchToken[];
  actors: readonly Actor[];
}

/** Words read after a negation for what it governs. */
const REACH = 6;

/**
 * Verbs that carry the meaning of the words after them once negated: «لم تسجل أي وفيات», «لم
 * يتمكن من الوصول», "did not allow voting", "did not say how many".
 */
const LIGHT_ARABIC = /^(ي|ت|ن)?(سجل|حدد|علن|ذكر|وضح|تضح|كشف|تمكن|ستطع|نجح|عد|تم|كن|كون|جر|حصل|قع)(وا|ا|ن|ت)?$/;
const LIGHT_ENGLISH = /^(say|said|comment|disclos|specifi|specify|report|record|confirm|give|gave|given|provid|be|been|allow|manag|abl|able|tri|try|succeed|get|got|make|made|take|took|have|has|had|expect|plan|want|intend)$/;

function isLight(token: MatchToken): boolean {
  return hasArabic(token.bare) ? LIGHT_ARABIC.test(token.bare) : LIGHT_ENGLISH.test(token.stem);
}


function content(token: MatchToken): boolean {
  return !isStopword(token.folded, token.bare) && !/^[0-9]/.test(token.bare);
}

function meets(tokens: readonly MatchToken[], i: number, other: readonly MatchToken[], otherClasses: ReadonlyArray<string | null>): boolean {
  const t = tokens[i]!;
  const cls = eventClassAt(tokens, i);
  const term = synonymTerm(t);
  const arabic = hasArabic(t.bare);
  const core = arabic ? arabicCore(t.bare) : '';
  return other.some((o, j) => {
    if (!content(o)) return false;
    if (t.stem.length >= 3 && t.stem === o.stem) return true;
    if (term !== null && term === synonymTerm(o)) return true;
    if (cls !== null && cls !== 'deny' && cls === otherClasses[j]) return true;
    return arabic && hasArabic(o.bare) && coresMeet(core, arabicCore(o.bare));
  });
}

/**
 * Whether one of the words `cue` governs (its predicate, and for a light verb the words after it)
 * meets a word of `other`: the same word, one of its forms or synonyms, or an event of one class.
 */
export function negationMeets(negated: AnchorSide, cue: Span, other: AnchorSide): boolean {
  const at = negated.tokens.findIndex((t) => t.start >= cue.start);
  if (at < 0) return false;
  const otherClasses = other.tokens.map((_, j) => eventClassAt(other.tokens, j));
  const inActor = (t: MatchToken): boolean => negated.actors.some((a) => t.start >= a.start && t.end <= a.end);
  let light = true;
  let read = 0;
  for (let i = at + 1; i < negated.tokens.length && i <= at + REACH && light && read < 3; i++) {
    const t = negated.tokens[i]!;
    if (!content(t) || inActor(t)) continue;
    if (meets(negated.tokens, i, other.tokens, otherClasses)) return true;
    light = read === 0 ? isLight(t) : light;
    read++;
  }
  return false;
}
