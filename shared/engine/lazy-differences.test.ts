import { describe, expect, it } from 'vitest';
import { linkWithLazyDifferences } from './lazy-differences';

const link = { id: 'r:0-5~s:0-5', a: 'r:0-5', b: 's:0-5', score: 0.8, relation: 'related' as const };

describe('linkWithLazyDifferences', () => {
  it('reads the differences once, on first use, and serializes like an eager link', () => {
    let reads = 0;
    const match = linkWithLazyDifferences(link, () => {
      reads++;
      return { relation: 'related', differences: [{ kind: 'number', a: '5', b: '6' }] };
    });
    expect(reads).toBe(0);
    expect(JSON.stringify(match)).toBe(JSON.stringify({ ...link, differences: [{ kind: 'number', a: '5', b: '6' }] }));
    expect(match.differences).toBe(match.differences);
    expect(reads).toBe(1);
    expect(Object.keys(match)).toEqual(['id', 'a', 'b', 'score', 'relation', 'differences']);
  });

  it('fails loudly when the reading would change the relation it was given', () => {
    const match = linkWithLazyDifferences(link, () => ({ relation: 'contradicts', differences: [] }));
    expect(() => match.differences).toThrow(/related but its word-by-word reading makes it contradicts/);
  });

  it('takes differences assigned before they were read', () => {
    const match = linkWithLazyDifferences(link, () => {
      throw new Error('not read');
    });
    match.differences = [];
    expect(match.differences).toEqual([]);
  });
});
