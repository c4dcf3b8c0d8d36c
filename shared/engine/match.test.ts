import { describe, expect, it } from 'vitest';
import { readReportFile } from '../../electron/reports/read-report-file';
import { compareReportTexts } from './index';
import { compareReports } from './match';
import { parseReport } from './parse-report';
import type { ClaimMatch, Comparison, ReportText } from './types';

function report(id: string, text: string, extra: Partial<ReportText> = {}): ReportText {
  return { id, outlet: id, title: '', text, publishedAt: '2024-12-02', language: 'ar', ...extra };
}

function link(comparison: Comparison, a: string, b: string): ClaimMatch | undefined {
  const left = comparison.a.claims.filter((c) => c.text.includes(a)).map((c) => c.id);
  const right = comparison.b.claims.filter((c) => c.text.includes(b)).map((c) => c.id);
  expect(left.length, `a claim containing «${a}»`).toBeGreaterThan(0);
  expect(right.length, `a claim containing «${b}»`).toBeGreaterThan(0);
  return comparison.matches.find((m) => left.includes(m.a) && right.includes(m.b));
}

describe('compareReports on the Aleppo fixtures', async () => {
  const a = parseReport(await readReportFile('fixtures/reports/000-alhurra-aleppo.json'));
  const b = parseReport(await readReportFile('fixtures/reports/001-aljazeera-mubasher-aleppo.json'));
  const comparison: Comparison = { a, b, matches: compareReports(a, b) };

  it('finds the joint statement, with the country lists equal up to aliases', () => {
    const match = link(comparison, 'ودعت كل من الولايات المتحدة وفرنسا وألمانيا وبريطانيا', 'ودعت الولايات المتحدة وألمانيا وفرنسا والمملكة المتحدة');
    expect(match?.relation).toBe('same');
    expect(match?.differences.filter((d) => d.kind === 'entity')).toEqual([]);
  });

  it('finds the Syrian-led political solution under resolution 2254', () => {
    expect(link(comparison, 'لحل سياسي بقيادة سورية', 'حل سياسي للصراع بقيادة سورية')?.relation).toBe('same');
  });

  it('finds the control of the neighbourhoods, with كل ≠ معظم as a contradiction', () => {
    const match = link(comparison, 'على كل الأحياء', 'معظم أحياء المدينة');
    expect(match?.relation).toBe('contradicts');
    expect(match?.differences).toContainEqual(expect.objectContaining({ kind: 'quantifier', a: 'كل', b: 'معظم' }));
  });

  it('does not link the palace to the prison: two events', () => {
    expect(link(comparison, 'قصر الضيافة الرئاسي', 'سجن حلب المركزي')).toBeUndefined();
  });

  it('links the central prison claim to nothing in Alhurra', () => {
    const prison = comparison.b.claims.find((c) => c.text.includes('سجن حلب المركزي'))!;
    expect(comparison.matches.filter((m) => m.b === prison.id)).toEqual([]);
  });

  it('gives no claim more than a few matches', () => {
    const perClaim = new Map<string, number>();
    for (const m of comparison.matches) {
      perClaim.set(m.a, (perClaim.get(m.a) ?? 0) + 1);
      perClaim.set(m.b, (perClaim.get(m.b) ?? 0) + 1);
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(m.id).toBe(`${m.a}~${m.b}`);
    }
    expect(Math.max(...perClaim.values())).toBeLessThanOrEqual(3);
  });
});

describe('shared frame, different object', () => {
  it('keeps "seized the palace" and "seized the prison" apart, in English and Arabic', () => {
    const english = compareReportTexts(
      report('a', 'Factions seized the presidential guest palace in Aleppo.', { language: 'en' }),
      report('b', 'Factions seized Aleppo central prison.', { language: 'en' }),
    );
    expect(english.matches.filter((m) => m.relation === 'same')).toEqual([]);
    const arabic = compareReportTexts(report('a', 'سيطرت فصائل مسلحة على قصر الضيافة الرئاسي في حلب.'), report('b', 'سيطرت فصائل المعارضة على سجن حلب المركزي.'));
    expect(arabic.matches.filter((m) => m.relation === 'same')).toEqual([]);
  });

  it('still matches the same object told with other words around it', () => {
    const comparison = compareReportTexts(
      report('a', 'Factions seized the presidential guest palace in Aleppo on Sunday.', { language: 'en', publishedAt: '2024-12-01' }),
      report('b', 'Armed factions took the presidential guest palace in Aleppo on Sunday.', { language: 'en', publishedAt: '2024-12-02' }),
    );
    expect(comparison.matches.map((m) => m.relation)).toEqual(['same']);
  });
});

describe('aliases', () => {
  const a = report('a', 'The foreign ministers of France and Blighty met in Geneva on Monday to discuss the ceasefire.', { language: 'en' });
  const b = report('b', 'The foreign ministers of France and Britain met in Geneva on Monday to discuss the ceasefire.', { language: 'en' });

  it('names an entity one version lacks', () => {
    const [match] = compareReportTexts(a, b).matches;
    expect(match?.differences).toContainEqual(expect.objectContaining({ kind: 'entity', b: 'Britain' }));
  });

  it('takes the editor’s extra aliases: then the names are one entity and not a difference', () => {
    const [match] = compareReportTexts(a, b, { aliases: [['Britain', 'Blighty']] }).matches;
    expect(match?.relation).toBe('same');
    expect(match?.differences.filter((d) => d.kind === 'entity')).toEqual([]);
  });

  it('never matches an acronym against an ordinary word', () => {
    const comparison = compareReportTexts(
      report('a', 'Rebels told us they entered the airport on Sunday morning after heavy fighting.', { language: 'en' }),
      report('b', 'The US said rebels entered the airport on Sunday morning after heavy fighting.', { language: 'en' }),
    );
    const [match] = comparison.matches;
    expect(match?.differences.some((d) => d.kind === 'entity' && d.a.toLowerCase() === 'us')).toBe(false);
  });
});

describe('reports that crossed a process boundary', () => {
  it('compare the same after a JSON round trip', async () => {
    const a = parseReport(await readReportFile('fixtures/reports/000-alhurra-aleppo.json'));
    const b = parseReport(await readReportFile('fixtures/reports/001-aljazeera-mubasher-aleppo.json'));
    const revived = compareReports(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
    expect(revived).toEqual(compareReports(a, b));
  });
});
