import { describe, expect, it } from 'vitest';
// Fixtures go through the same reader and validators as reports imported in the app (tests only).
import { readReportFile } from '../../electron/reports/read-report-file';
import { parseReport } from './parse-report';
import { seededRandom } from './synthetic-report';
import type { ParsedReport, ReportText } from './types';

const alhurra = () => readReportFile('fixtures/reports/000-alhurra-aleppo.json');
const aljazeera = () => readReportFile('fixtures/reports/001-aljazeera-mubasher-aleppo.json');

function report(text: string, extra: Partial<ReportText> = {}): ReportText {
  return { id: 'r', outlet: 'Test', title: '', text, publishedAt: '2024-12-02', language: 'ar', ...extra };
}

function expectExactClaims(parsed: ParsedReport): void {
  const { text } = parsed.report;
  for (const claim of parsed.claims) {
    expect(claim.text).toBe(text.slice(claim.start, claim.end));
    expect(claim.text).toBe(claim.text.trim());
    expect(claim.id).toBe(`${parsed.report.id}:${claim.start}-${claim.end}`);
    expect(claim.selector.exact).toBe(claim.text);
    expect(text.slice(claim.start - claim.selector.prefix.length, claim.start)).toBe(claim.selector.prefix);
    expect(text.slice(claim.end, claim.end + claim.selector.suffix.length)).toBe(claim.selector.suffix);
  }
}

describe('parseReport on the Alhurra fixture', () => {
  it('keeps the embedded post, the «إقرأ أيضاً» article, related links and the source line out of the claims', async () => {
    const parsed = parseReport(await alhurra());
    const claims = parsed.claims.map((c) => c.text).join('\n');
    for (const outside of ['pic.twitter.com', 'alhurranews', 'بيربوك', 'أحمد الشرع', 'صيدنايا', 'أنفاق ودهاليز', 'المصدر']) {
      expect(claims).not.toContain(outside);
    }
    const reasons = parsed.blocks.flatMap((b) => (b.kind === 'excluded' ? [b.reason] : []));
    expect(reasons).toEqual(expect.arrayContaining(['embedded-post', 'source-line', 'read-also', 'related-links', 'duplicate']));
    expect(parsed.sourceLine).toBe('الحرة');
  });

  it('sets the teaser that repeats the joint statement apart as a duplicate', async () => {
    const parsed = parseReport(await alhurra());
    const duplicate = parsed.blocks.find((b) => b.kind === 'excluded' && b.reason === 'duplicate');
    expect(duplicate && parsed.report.text.slice(duplicate.start, duplicate.end)).toMatch(/^الولايات المتحدة ودول غربية تدعو/);
    expect(parsed.claims.filter((c) => c.text.includes('جميع الأطراف في سوريا'))).toHaveLength(1);
  });

  it('uses the metadata title when the text has no headline', async () => {
    const parsed = parseReport(await alhurra());
    expect(parsed.title).toBe('فصائل مسلحة تسيطر على قصر الضيافة الرئاسي في حلب');
    expect(parsed.blocks[0]?.kind).toBe('paragraph');
  });

  it('splits a sentence that states two facts into two claims', async () => {
    const parsed = parseReport(await alhurra());
    expect(parsed.claims[0]?.text).toBe('سيطرت فصائل مسلحة، الأحد، على قصر الضيافة الرئاسي في مدينة حلب');
    expect(parsed.claims[1]?.text).toBe('ونشرت مواقع معارضة للنظام لقطات توثق تجوّل مقاتلين في القصر.');
  });
});

describe('parseReport on the Al Jazeera fixture', () => {
  it('takes the headline as title, keeps headings as sections, and drops the source line and the ad label', async () => {
    const parsed = parseReport(await aljazeera());
    expect(parsed.blocks[0]?.kind).toBe('headline');
    expect(parsed.title).toMatch(/^المعارضة السورية تسيطر على سجن حلب المركزي/);
    const headings = parsed.blocks.filter((b) => b.kind === 'heading').map((b) => parsed.report.text.slice(b.start, b.end));
    expect(headings).toEqual(['المعارضة تتقدّم', 'استهداف رئيس فرع الأمن العسكري', 'هجوم مضاد ودعوات إلى خفض التصعيد']);
    expect(parsed.sourceLine).toBe('الجزيرة مباشر + وكالات');
    const last = parsed.blocks[parsed.blocks.length - 1];
    expect(last).toMatchObject({ kind: 'excluded', reason: 'advertisement' });
    expect(parsed.claims.some((c) => c.text.includes('المصدر') || c.text === 'إعلان' || headings.includes(c.text))).toBe(false);
    const statement = parsed.claims.find((c) => c.text.startsWith('ودعت الولايات المتحدة'));
    expect(statement?.section).toBe('هجوم مضاد ودعوات إلى خفض التصعيد');
  });

  it('keeps decimals and clauses whole: «16.7 مليون» is not a sentence end', async () => {
    const parsed = parseReport(await aljazeera());
    expect(parsed.claims.some((c) => c.text.includes('أكثر من 16.7 مليون شخص في حاجة إلى المساعدة الإنسانية.'))).toBe(true);
  });
});

describe('claim offsets', () => {
  it('equal the slice of the text for every claim of the fixtures', async () => {
    expectExactClaims(parseReport(await alhurra()));
    expectExactClaims(parseReport(await aljazeera()));
  });

  it('equal the slice for random texts with CRLF, emoji, diacritics and odd spacing', () => {
    const random = seededRandom(42);
    const pieces = ['سيطرت', 'الفصائل،', 'على', 'المدينة.', '😀', 'U.S.', 'said', '16.7', 'million;', 'and', 'the', 'army', 'seized', 'it.', '\r\n', '\n\n', '  ', '؟', '«قالت»', 'نُراقِب', '• item', ', and then'];
    for (let round = 0; round < 200; round++) {
      let text = '';
      const length = 5 + Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)] + (random() < 0.7 ? ' ' : '');
      if (text.trim() === '') continue;
      expectExactClaims(parseReport(report(text)));
    }
  });
});

describe('English reports', () => {
  it('drops "Read also" articles, related stories and ad labels; splits at ", and" clauses', () => {
    const text = [
      'Rebels seize palace',
      'Armed factions seized the palace on Sunday, and opposition websites published footage of the halls.',
      'The U.S. and Britain called for calm.',
      'Read also:',
      'Another article entirely.',
      'Related stories',
      '- Aleppo residents flee',
      'Advertisement',
    ].join('\n\n');
    const parsed = parseReport(report(text, { language: 'en' }));
    expect(parsed.title).toBe('Rebels seize palace');
    expect(parsed.claims.map((c) => c.text)).toEqual([
      'Armed factions seized the palace on Sunday',
      'and opposition websites published footage of the halls.',
      'The U.S. and Britain called for calm.',
    ]);
  });
});

describe('long texts', () => {
  it('parses a 1 MB report without a blank line in it', () => {
    const sentence = 'وسيطرت الفصائل على معظم أحياء المدينة، وأعلنت الأمم المتحدة أن 16.7 مليون شخص بحاجة إلى المساعدة. ';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const parsed = parseReport(report(text));
    expect(parsed.claims.length).toBeGreaterThan(10_000);
    expect(parsed.claims[0]?.text).toBe('وسيطرت الفصائل على معظم أحياء المدينة');
  });
});
