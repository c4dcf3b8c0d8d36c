import { describe, expect, it } from 'vitest';
import { readReportFile } from '../../electron/reports/read-report-file';
import { compareReports } from './match';
import { parseReport } from './parse-report';
import { syntheticReportPair, utf8Length } from './synthetic-report';

/**
 * Two 1 MB reports compare at all (no timing asserted: timings on a shared machine are not test
 * results; `npm run bench` measures them). A quadratic step would time this test out.
 */
describe('scale', () => {
  it('compares two ~1 MB reports', async () => {
    const seeds = [
      parseReport(await readReportFile('fixtures/reports/000-alhurra-aleppo.json')),
      parseReport(await readReportFile('fixtures/reports/001-aljazeera-mubasher-aleppo.json')),
    ].flatMap((p) => p.claims.map((c) => c.text));
    const pair = syntheticReportPair(seeds, 1_048_576, 3);
    expect(utf8Length(pair.a)).toBeGreaterThanOrEqual(1_048_576);
    const report = (id: string, text: string) => ({ id, outlet: id, title: '', text, publishedAt: '2024-12-02', language: 'ar' });
    const a = parseReport(report('a', pair.a));
    const b = parseReport(report('b', pair.b));
    const matches = compareReports(a, b);
    expect(a.claims.length).toBeGreaterThan(1000);
    expect(matches.length).toBeGreaterThan(100);
    const perClaim = new Map<string, number>();
    for (const m of matches) perClaim.set(m.a, (perClaim.get(m.a) ?? 0) + 1);
    expect(Math.max(...perClaim.values())).toBeLessThanOrEqual(3);
  });
});
