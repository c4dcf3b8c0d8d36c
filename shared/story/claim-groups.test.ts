import { describe, expect, it } from 'vitest';
import { groupClaims, type GroupableLink } from './claim-groups';

const link = (a: string, b: string, relation: GroupableLink['relation'], score = 0.8): GroupableLink => ({ a, b, relation, score });

describe('groupClaims', () => {
  it('joins the claims of every report that state the same fact, and leaves the rest alone', () => {
    const groups = groupClaims(['a:1', 'a:2', 'b:1', 'c:1', 'c:2'], [link('a:1', 'b:1', 'same'), link('b:1', 'c:1', 'same'), link('a:2', 'c:2', 'related')]);
    expect(groups).toEqual([
      { id: 'a:1', claims: ['a:1', 'b:1', 'c:1'], links: [] },
      { id: 'a:2', claims: ['a:2'], links: [{ group: 'c:2', relation: 'related' }] },
      { id: 'c:2', claims: ['c:2'], links: [{ group: 'a:2', relation: 'related' }] },
    ]);
  });

  it('never puts two claims that contradict each other in one group: the weaker same link gives way', () => {
    const groups = groupClaims(['a:1', 'b:1', 'c:1'], [link('a:1', 'b:1', 'same', 0.9), link('b:1', 'c:1', 'same', 0.5), link('a:1', 'c:1', 'contradicts')]);
    expect(groups.map((g) => g.claims)).toEqual([['a:1', 'b:1'], ['c:1']]);
    expect(groups[0]!.links).toEqual([{ group: 'c:1', relation: 'contradicts' }]);
    // Every claim is in exactly one group.
    expect(groups.flatMap((g) => g.claims).sort()).toEqual(['a:1', 'b:1', 'c:1']);
  });

  it('says two groups contradict when any of their links does', () => {
    const groups = groupClaims(['a:1', 'a:2', 'b:1'], [link('a:1', 'a:2', 'same'), link('a:1', 'b:1', 'related'), link('a:2', 'b:1', 'contradicts')]);
    expect(groups[0]).toEqual({ id: 'a:1', claims: ['a:1', 'a:2'], links: [{ group: 'b:1', relation: 'contradicts' }] });
  });
});
