import { describe, expect, it } from 'vitest';
import { groupStatusRestores } from './use-undo';

describe('undo of a status change', () => {
  it('restores each claim to its own earlier status and note, one call per status', () => {
    expect(
      groupStatusRestores([
        { claimId: 'a:1-2', status: 'unverified', note: null },
        { claimId: 'b:3-4', status: 'false', note: 'the count is wrong' },
        { claimId: 'b:5-6', status: 'unverified', note: null },
      ]),
    ).toEqual([
      { claimIds: ['a:1-2', 'b:5-6'], status: 'unverified', note: null },
      { claimIds: ['b:3-4'], status: 'false', note: 'the count is wrong' },
    ]);
  });
});
