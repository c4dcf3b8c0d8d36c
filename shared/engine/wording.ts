import type { AliasIndex } from './aliases';
import { analyzeTokens } from './claim-features';
import { actorHeadAt } from './frame-lexicon';
import { monthNamed, weekdayNamed } from './weekday';
import { tokenizeForMatch, type MatchToken, type WordNormalizer } from './normalize';
import { isStopword } from './stopwords';
import type { DiffPart, Difference } from './types';

/**
 * Word substitutions the typed differences do not explain: «يبرز» vs «يؤكد», "struck" vs "bombed".
 * Only short replacements of content words count; inflection and aliases are not differences, and
 * numbers, dates, entities and sources have their own kinds.
 */

const MAX_WORDS = 4;
const MAX_WORDING = 3;

/**
 * Two stems of one word: «لحل»/«حل» (a particle light stemming left on), "protect"/"protection".
 * A shared beginning of most of the shorter stem is a derivation, not another word.
 */
function sameRoot(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (long.endsWith(short) && long.length - short.length <= 2) return true;
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  return common >= 4 && common >= short.length - 1;
}

function contentTerms(fragment: string, language: string, aliases: AliasIndex, normalizer: WordNormalizer): string[] | null {
  const tokens = tokenizeForMatch(fragment, language, normalizer);
  if (tokens.length === 0 || tokens.length > MAX_WORDS) return null;
  const features = analyzeTokens(tokens, fragment, { aliases, published: null });
  if (features.dates.length > 0 || features.quantifiers.length > 0 || features.attribution !== null) return null;
  return features.terms;
}

/** Words after which a single word is a place's name: «في زوارة», «معبر جابر», "in Zuwara". */
const PLACE_CONTEXT = /^(في|من|الي|قرب|نحو|داخل|مدينه|بلده|قريه|معبر|مخيم|حي|منطقه|محافظه|ولايه|in|at|near|from|to|into)$/;

/**
 * A substitution that names someone or somewhere else: a known name, an armed actor, a word in
 * capitals inside an English sentence, or a single word where a place's name stands. Two versions
 * that differ only there tell of another actor or place: a contradiction, not a rewording.
 */
function namesAnother(
  removed: string,
  added: string,
  before: string,
  context: { language: string; aliases: AliasIndex; normalizer: WordNormalizer; wholeA: NameSignature; wholeB: NameSignature; first: boolean },
): boolean {
  const { language, aliases, normalizer } = context;
  const tokensA = tokenizeForMatch(removed, language, normalizer);
  const tokensB = tokenizeForMatch(added, language, normalizer);
  const a = nameSignature(tokensA, removed, aliases, context.first);
  const b = nameSignature(tokensB, added, aliases, context.first);
  // A name the other version also gives elsewhere (a list in another order, a passive) is no swap.
  const swapped = (x: ReadonlySet<string>, y: ReadonlySet<string>, wholeX: ReadonlySet<string>, wholeY: ReadonlySet<string>): boolean =>
    x.size > 0 && y.size > 0 && ![...x].some((v) => wholeY.has(v)) && ![...y].some((v) => wholeX.has(v));
  const mostlyNames = a.other <= 1 && b.other <= 1;
  if (mostlyNames && swapped(a.entities, b.entities, context.wholeA.entities, context.wholeB.entities)) return true;
  if (mostlyNames && swapped(a.sides, b.sides, context.wholeA.sides, context.wholeB.sides)) return true;
  if (mostlyNames && swapped(a.names, b.names, context.wholeA.names, context.wholeB.names)) return true;
  const previous = tokenizeForMatch(before, language, normalizer).pop();
  const single = (tokens: MatchToken[]): boolean =>
    tokens.length === 1 && !isStopword(tokens[0]!.folded, tokens[0]!.bare) && !/^[0-9]/.test(tokens[0]!.bare) && !GENERIC_PLACES.test(tokens[0]!.bare) && !isTimeWord(tokens[0]!);
  return single(tokensA) && single(tokensB) && previous !== undefined && PLACE_CONTEXT.test(previous.bare) && a.entities.size + b.entities.size !== 1;
}

/** «العاصمة», «المنطقة»: a place named by what it is, which any name may stand for. */
const GENERIC_PLACES = /^(عاصمه|مدينه|بلده|قريه|منطقه|حي|محافظه|ولايه|اقليم|بلاد|capital|city|town|village|area|region|district|country|province)$/;

/** "mid-November", «أواخر تشرين الثاني»: a part of a month. */
export const MONTH_PARTS = /^(early|mid|late|beginning|end|اوايل|اواسط|منتصف|اواخر|مطلع|نهايه|بدايه)$/;

function isTimeWord(token: MatchToken): boolean {
  return (
    monthNamed(token.bare, undefined) !== null ||
    weekdayNamed(token.folded, undefined) !== null ||
    /^(تموز|ايار|حزيران|اب|شباط|اذار|نيسان|ايلول|تشرين|كانون)$/.test(token.bare) ||
    MONTH_PARTS.test(token.bare)
  );
}

export interface NameSignature {
  /** Known names, as entity ids. */
  entities: Set<string>;
  /** Sides of armed actors named. */
  sides: Set<string>;
  /** Stems of names: words in capitals, and what follows a group word («كتائب القسام»). */
  names: Set<string>;
  /** Content words that are none of these. */
  other: number;
}

/** The names a fragment (or a whole claim) gives. `first`: the fragment starts the sentence, where capitals say nothing. */
export function nameSignature(tokens: readonly MatchToken[], fragment: string, aliases: AliasIndex, first = false): NameSignature {
  const features = analyzeTokens(tokens, fragment, { aliases, published: null });
  const sides = new Set<string>();
  const names = new Set<string>();
  let other = 0;
  tokens.forEach((t, i) => {
    const head = actorHeadAt(t);
    if (head?.side) sides.add(head.side);
    const inEntity = features.entities.some((e) => t.start >= e.start && t.end <= e.end);
    if (inEntity || head !== null) return;
    const capital = /^[A-Z]/.test(fragment.slice(t.start, t.end)) && !(first && i === 0);
    if (capital && !isStopword(t.folded, t.bare)) names.add(t.stem);
    else if (GROUP_WORDS.test(t.bare) && tokens[i + 1] !== undefined) names.add(`${t.stem} ${tokens[i + 1]!.stem}`);
    else if (!isStopword(t.folded, t.bare)) other++;
  });
  return { entities: new Set(features.entities.map((e) => e.entity)), sides, names, other };
}

/** Words that head the name of an armed group or a force: «كتائب القسام», «اللواء 444», «جهاز دعم الاستقرار». */
const GROUP_WORDS = /^(كتايب|سرايا|الويه|لواء|جهاز|خفر|حرس|coast|guard|brigade|brigades|battalion|unit)$/;

export interface WordingResult {
  differences: Difference[];
  /** A substitution names another actor or place. */
  anotherName: boolean;
}

export function wordingDifferences(
  parts: readonly DiffPart[],
  language: string,
  aliases: AliasIndex,
  normalizer: WordNormalizer,
  typed: readonly Difference[],
  whole: { a: NameSignature; b: NameSignature },
  wording = true,
): WordingResult {
  const out: Difference[] = [];
  let anotherName = false;
  let before = '';
  const explained = typed.flatMap((d) => [d.a, d.b]).filter((s) => s !== '');
  for (let i = 0; i + 1 < parts.length && out.length < MAX_WORDING; i++) {
    const first = parts[i]!;
    const second = parts[i + 1]!;
    if (first.op === 'equal' || second.op === 'equal' || first.op === second.op) {
      if (first.op === 'equal') before = first.value;
      continue;
    }
    const removed = (first.op === 'removed' ? first : second).value.trim();
    const added = (first.op === 'added' ? first : second).value.trim();
    i++;
    const bareRemoved = removed.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
    const bareAdded = added.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
    const explainedHere = explained.some((words) => words.includes(bareRemoved) || words.includes(bareAdded) || bareRemoved.includes(words) || bareAdded.includes(words));
    if (!explainedHere && namesAnother(removed, added, before, { language, aliases, normalizer, wholeA: whole.a, wholeB: whole.b, first: i === 1 && parts[0]!.op !== 'equal' })) {
      const a = removed.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
      const b = added.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
      if (a !== '' && b !== '') {
        out.push({ kind: 'entity', a, b, note: `entity: ${a} ≠ ${b}` });
        anotherName = true;
        continue;
      }
    }
    if (!wording) continue;
    const termsA = contentTerms(removed, language, aliases, normalizer);
    const termsB = contentTerms(added, language, aliases, normalizer);
    if (termsA === null || termsB === null || termsA.length === 0 || termsB.length === 0) continue;
    if (termsA.every((t) => termsB.some((u) => sameRoot(t, u))) || termsB.every((t) => termsA.some((u) => sameRoot(t, u)))) continue;
    // A partly shared run is a rephrasing around a common word, better read in the word diff.
    if (termsA.some((t) => termsB.includes(t))) continue;
    if ([...termsA, ...termsB].some((t) => t.startsWith('@') || t.startsWith('#'))) continue;
    if (explained.some((words) => words.includes(removed) || words.includes(added))) continue;
    const a = removed.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
    const b = added.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
    out.push({ kind: 'wording', a, b, note: `wording: ${a} ≠ ${b}` });
  }
  return { differences: out, anotherName };
}
