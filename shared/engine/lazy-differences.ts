import type { ClaimMatch, Difference, MatchRelation } from './types';

/** What reading a link's two versions word by word gives: its differences, and its final relation. */
export interface LinkDetails {
  relation: MatchRelation;
  differences: Difference[];
}

/**
 * A link whose relation is already final (`related`, `contradicts`: the word-by-word reading only
 * ever turns `same` into `contradicts`), with its differences read when first asked for. Grouping
 * a story needs every link's relation but only some links' differences; whatever reads them (the
 * inspector, an export, JSON) gets what an eager reading would have given, in the same key order.
 */
export function linkWithLazyDifferences(link: Omit<ClaimMatch, 'differences'>, read: () => LinkDetails): ClaimMatch {
  const match = { ...link, differences: [] as Difference[] };
  let details: (() => LinkDetails) | null = read;
  const settle = (differences: Difference[]): void => {
    details = null;
    Object.defineProperty(match, 'differences', { value: differences, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(match, 'differences', {
    enumerable: true,
    configurable: true,
    get(): Difference[] {
      const found = details!();
      // The relation was given before the differences were read: the reading must agree with it.
      if (found.relation !== link.relation) throw new Error(`engine: link ${link.id} is ${link.relation} but its word-by-word reading makes it ${found.relation}`);
      settle(found.differences);
      return found.differences;
    },
    set(differences: Difference[]) {
      settle(differences);
    },
  });
  return match;
}
