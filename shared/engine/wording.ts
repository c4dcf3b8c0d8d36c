import type { AliasIndex } from './aliases';
import { analyzeTokens } from './claim-features';
import { actorHeadAt } from './frame-lexicon';
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
function namesAnother(removed: string, added: string, before: string, language: string, aliases: AliasIndex, normalizer: WordNormalizer): boolean {
  const tokensA = tokenizeForMatch(removed, language, normalizer);
  const tokensB = tokenizeForMatch(added, language, normalizer);
  const a = nameSignature(tokensA, removed, aliases);
  const b = nameSignature(tokensB, added, aliases);
  const disjoint = (x: ReadonlySet<string>, y: ReadonlySet<string>): boolean => x.size > 0 && y.size > 0 && ![...x].some((v) => y.has(v));
  if (disjoint(a.entities, b.entities) || disjoint(a.sides, b.sides) || disjoint(a.names, b.names)) return true;
  const previous = tokenizeForMatch(before, language, normalizer).pop();
  const single = (tokens: MatchToken[]): boolean => tokens.length === 1 && !isStopword(tokens[0]!.folded, tokens[0]!.bare) && !/^[0-9]/.test(tokens[0]!.bare);
  return single(tokensA) && single(tokensB) && previous !== undefined && PLACE_CONTEXT.test(previous.bare) && a.entities.size + b.entities.size !== 1;
}

interface NameSignature {
  /** Known names, as entity ids. */
  entities: Set<string>;
  /** Sides of armed actors named. */
  sides: Set<string>;
  /** Stems of names: words in capitals, and what follows a group word («كتائب القسام»). */
  names: Set<string>;
}

function nameSignature(tokens: readonly MatchToken[], fragment: string, aliases: AliasIndex): NameSignature {
  const features = analyzeTokens(tokens, fragment, { aliases, published: null });
  const sides = new Set<string>();
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    const head = actorHeadAt(t);
    if (head?.side) sides.add(head.side);
    const inEntity = features.entities.some((e) => t.start >= e.start && t.end <= e.end);
    if (inEntity) return;
    if (/^[A-Z]/.test(fragment.slice(t.start, t.end)) && !isStopword(t.folded, t.bare)) names.add(t.stem);
    if (GROUP_WORDS.test(t.bare) && tokens[i + 1] !== undefined) names.add(`${t.stem} ${tokens[i + 1]!.stem}`);
  });
  return { entities: new Set(features.entities.map((e) => e.entity)), sides, names };
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
    if (!explainedHere && namesAnother(removed, added, before, language, aliases, normalizer)) {
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
