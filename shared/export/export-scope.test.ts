import { describe, expect, it } from 'vitest';
import { claimInScope, exportFileName, reportIdOfClaim, reportsInScope } from './export-scope';

const order = ['alhurra', 'jazeera', 'bbc'];

describe('export scope', () => {
  it('reads the report out of a claim id', () => {
    expect(reportIdOfClaim('alhurra-2024:10-42')).toBe('alhurra-2024');
  });

  it('filters claims and reports by scope', () => {
    expect(claimInScope({ kind: 'all' }, 'bbc:1-2')).toBe(true);
    expect(claimInScope({ kind: 'report', reportId: 'bbc' }, 'bbc:1-2')).toBe(true);
    expect(claimInScope({ kind: 'report', reportId: 'bbc' }, 'jazeera:1-2')).toBe(false);
    expect(claimInScope({ kind: 'claims', claimIds: ['bbc:1-2'] }, 'bbc:1-3')).toBe(false);
    expect(reportsInScope({ kind: 'claims', claimIds: ['bbc:1-2', 'alhurra:3-4'] }, order)).toEqual(['alhurra', 'bbc']);
  });

  it('names files by scope and date', () => {
    expect(exportFileName({ kind: 'claims', claimIds: ['a:1-2', 'b:3-4'] }, '2024-12-02T10:00:00.000Z', 'csv')).toBe('isnad-2-claims-2024-12-02.csv');
  });
});
