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
  let differences: Difference[] | null = null;
  // An accessor kept for good, so a copy made with the property descriptors (a story's link)
  // shares the one reading.
  Object.defineProperty(match, 'differences', {
    enumerable: true,
    configurable: true,
    get(): Difference[] {
      if (differences === null) {
        const found = read();
        // The relation was given before the differences were read: the reading must agree with it.
        if (found.relation !== link.relation) throw new Error(`engine: link ${link.id} is ${link.relation} but its word-by-word reading makes it ${found.relation}`);
        differences = found.differences;
      }
      return differences;
    },
    set(value: Difference[]) {
      differences = value;
    },
  });
  return match;
}
