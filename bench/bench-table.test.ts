import { describe, expect, it } from 'vitest';
import { benchTable, formatNumber, targetSummary } from './bench-table';

describe('benchTable', () => {
  it('prints figures, and each target with met or MISSED', () => {
    const text = benchTable('CLI', [
      { what: 'node -e 0', value: 48.2, unit: 'ms' },
      { what: 'help', value: 61, unit: 'ms', target: '≤ 144 ms', met: true },
      { what: 'ratio', value: 3.4, unit: '×', target: '≤ 3×', met: false },
      { what: 'claims', value: '2,236 | 2,232' },
    ], ['A note.']);
    expect(text.split('\n')).toEqual([
      '### CLI',
      '',
      '| measure | value | target | |',
      '| --- | --- | --- | --- |',
      '| node -e 0 | 48.2 ms |  |  |',
      '| help | 61.0 ms | ≤ 144 ms | met |',
      '| ratio | 3.40× | ≤ 3× | **MISSED** |',
      '| claims | 2,236 \\| 2,232 |  |  |',
      '',
      'A note.',
    ]);
  });

  it('counts a target without a verdict as missed, and sums up every target of the run once', () => {
    targetSummary();
    benchTable('A', [{ what: 'x', value: 'not measured', target: '< 1 s' }, { what: 'y', value: 1, target: '≤ 2', met: true }, { what: 'z', value: 2 }]);
    const summary = targetSummary();
    expect(summary).toMatch(/^### All targets: 1 met, 1 missed/);
    expect(summary).toContain('| A: x | not measured | < 1 s | **MISSED** |');
    expect(summary).toContain('| A: y | 1.00 | ≤ 2 | met |');
    expect(summary).not.toContain('A: z');
    expect(targetSummary()).toBe('');
  });

  it('rounds to about three significant figures', () => {
    expect([formatNumber(1234.5), formatNumber(12.34), formatNumber(1.234), formatNumber(Infinity)]).toEqual(['1,235', '12.3', '1.23', 'Infinity']);
  });
});
