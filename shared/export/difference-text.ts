import type { DifferenceKind, Difference, MatchRelation } from '../engine/types';

export const DIFFERENCE_LABELS: Record<DifferenceKind, string> = {
  polarity: 'Polarity',
  quantifier: 'Quantifier',
  number: 'Number',
  date: 'Date',
  entity: 'Name',
  attribution: 'Attribution',
  wording: 'Wording',
};

export const RELATION_LABELS: Record<MatchRelation, string> = {
  same: 'Same fact',
  related: 'Same event',
  contradicts: 'Contradiction',
};

/** One line per difference, this claim's wording first: `Number: 30 ≠ 25 (counts differ)`. */
export function describeDifference(difference: Difference): string {
  const note = difference.note ? ` (${difference.note})` : '';
  return `${DIFFERENCE_LABELS[difference.kind]}: ${difference.a} ≠ ${difference.b}${note}`;
}
