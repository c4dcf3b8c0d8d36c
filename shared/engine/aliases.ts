import type { AliasTable } from './types';
import defaultAliasData from './entity-aliases.json';
import { tokenizeForMatch, WordNormalizer, type MatchToken } from './normalize';

/**
 * Entity aliases: names that refer to the same entity («بريطانيا» = «المملكة المتحدة» = "UK").
 * Each name becomes one canonical entity term before matching, so an alias is never a difference.
 * The defaults live in entity-aliases.json; the app merges an editor's own file on top.
 */
export const DEFAULT_ALIASES: AliasTable = defaultAliasData;

interface EntityPhrase {
  stems: string[];
  /** Which words must be written in capitals to match ("US" but not "us"). */
  capitals: boolean[];
  entity: string;
}

export interface AliasIndex {
  /** Phrases by their first word (folded, without particles), longest first. */
  readonly byFirstStem: ReadonlyMap<string, readonly EntityPhrase[]>;
  /** Entity id → the name editors know it by (the first name of its group). */
  readonly displayNames: ReadonlyMap<string, string>;
}

export interface EntityMatch {
  entity: string;
  /** Words consumed. */
  length: number;
}

function isAcronym(word: string): boolean {
  return /^[A-Z](?:[A-Z.]*[A-Z])?\.?$/.test(word) && word.replace(/\./g, '').length <= 5;
}

/**
 * Builds the lookup for one or more alias tables. Groups that share a name are merged, so an
 * editor's file can extend a default group by repeating one of its names.
 */
export function compileAliases(...tables: AliasTable[]): AliasIndex {
  const normalizer = new WordNormalizer();
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  const phrases: Array<{ key: string; stems: string[]; capitals: boolean[]; name: string }> = [];
  for (const table of tables) {
    for (const group of table) {
      let groupRoot: string | null = null;
      for (const name of group) {
        if (typeof name !== 'string' || name.trim() === '') continue;
        const tokens: MatchToken[] = tokenizeForMatch(name, 'und', normalizer);
        if (tokens.length === 0) continue;
        // Names match on their written form without particles, not on stems: stemming «حماية»
        // (protection) and «حماة» (Hama) gives the same stem.
        const stems = tokens.map((t) => t.bare);
        const key = stems.join(' ');
        if (!parent.has(key)) parent.set(key, key);
        phrases.push({ key, stems, capitals: tokens.map((t) => isAcronym(name.slice(t.start, t.end))), name });
        if (groupRoot === null) groupRoot = find(key);
        else {
          const root = find(key);
          const target = find(groupRoot);
          if (root !== target) parent.set(root, target);
        }
      }
    }
  }

  const displayNames = new Map<string, string>();
  const byFirstStem = new Map<string, EntityPhrase[]>();
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const entity = `@${find(phrase.key)}`;
    // Phrases are in table order, so an entity is shown by the first name of its first group.
    if (!displayNames.has(entity)) displayNames.set(entity, phrase.name);
    const dedupe = `${phrase.key}|${phrase.capitals.join()}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const list = byFirstStem.get(phrase.stems[0]!) ?? [];
    list.push({ stems: phrase.stems, capitals: phrase.capitals, entity });
    byFirstStem.set(phrase.stems[0]!, list);
  }
  for (const list of byFirstStem.values()) list.sort((x, y) => y.stems.length - x.stems.length);
  return { byFirstStem, displayNames };
}

/** The longest alias that starts at `tokens[i]`, if any. */
export function matchEntity(tokens: readonly MatchToken[], i: number, index: AliasIndex): EntityMatch | null {
  const first = tokens[i];
  if (first === undefined) return null;
  const candidates = index.byFirstStem.get(first.bare);
  if (candidates === undefined) return null;
  for (const phrase of candidates) {
    if (i + phrase.stems.length > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < phrase.stems.length && ok; k++) {
      const token = tokens[i + k]!;
      ok = token.bare === phrase.stems[k] && (!phrase.capitals[k] || token.upper);
    }
    if (ok) return { entity: phrase.entity, length: phrase.stems.length };
  }
  return null;
}

let defaultIndex: AliasIndex | null = null;
/** Compiled per extra table, so the app comparing again with the same user file compiles it once. */
const withExtra = new WeakMap<AliasTable, AliasIndex>();

/** The compiled defaults, merged with `extra` when given. */
export function aliasIndexFor(extra?: AliasTable): AliasIndex {
  if (extra === undefined || extra.length === 0) {
    defaultIndex ??= compileAliases(DEFAULT_ALIASES);
    return defaultIndex;
  }
  let index = withExtra.get(extra);
  if (index === undefined) {
    index = compileAliases(DEFAULT_ALIASES, extra);
    withExtra.set(extra, index);
  }
  return index;
}
