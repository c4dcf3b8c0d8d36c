import type { AliasIndex } from './aliases';
import { analyzeTokens } from './claim-features';
import { tokenizeForMatch, type WordNormalizer } from './normalize';
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

export function wordingDifferences(
  parts: readonly DiffPart[],
  language: string,
  aliases: AliasIndex,
  normalizer: WordNormalizer,
  typed: readonly Difference[],
): Difference[] {
  const out: Difference[] = [];
  const explained = typed.flatMap((d) => [d.a, d.b]).filter((s) => s !== '');
  for (let i = 0; i + 1 < parts.length && out.length < MAX_WORDING; i++) {
    const first = parts[i]!;
    const second = parts[i + 1]!;
    if (first.op === 'equal' || second.op === 'equal' || first.op === second.op) continue;
    const removed = (first.op === 'removed' ? first : second).value.trim();
    const added = (first.op === 'added' ? first : second).value.trim();
    i++;
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
  return out;
}
