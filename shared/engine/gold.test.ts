import { describe, expect, it } from 'vitest';
import { loadGoldFiles, runGoldFiles } from '../../electron/reports/gold-files';
import { readReportFile } from '../../electron/reports/read-report-file';
import { parseGoldCase } from './gold';
import { scoreGoldCase, summarizeGold } from './gold-score';
import { compareReports } from './match';
import { parseReport } from './parse-report';

const GOLD_DIR = 'fixtures/gold';

describe('the gold set', () => {
  it('has the seeds case, cases of our own in Arabic and English, and a dev and a test split', async () => {
    const files = await loadGoldFiles(GOLD_DIR);
    const names = files.map((f) => f.gold.name);
    expect(names).toEqual(expect.arrayContaining(['aleppo-2024-12', 'en-aleppo-2024-12', 'ar-idlib-traps-2024-12']));
    expect(new Set(files.map((f) => f.gold.split))).toEqual(new Set(['dev', 'test']));
  });

  it('passes the seeds and the first hand-written cases in full', async () => {
    const files = (await loadGoldFiles(GOLD_DIR)).filter((f) => ['aleppo-2024-12', 'en-aleppo-2024-12', 'ar-idlib-traps-2024-12'].includes(f.gold.name));
    const results = await runGoldFiles(files);
    const summary = summarizeGold(results, files.reduce((n, f) => n + f.gold.pairs.length, 0));
    expect(summary.failures).toEqual([]);
    expect(summary.hiddenContradictions).toBe(0);
    expect(summary.samePrecision.value).toBe(1);
    expect(summary.sameRecall.value).toBe(1);
    expect(summary.requiredDifferencesFound.value).toBe(1);
  });
});

describe('scoreGoldCase', () => {
  it('counts a wrong `same` as a false positive, a missed one as a false negative, and a contradiction called `same` without its difference as hidden', async () => {
    const a = parseReport(await readReportFile('fixtures/reports/000-alhurra-aleppo.json'));
    const b = parseReport(await readReportFile('fixtures/reports/001-aljazeera-mubasher-aleppo.json'));
    const palace = a.claims.find((c) => c.text.includes('قصر الضيافة'))!;
    const prison = b.claims.find((c) => c.text.includes('سجن حلب المركزي'))!;
    const gold = parseGoldCase({
      kind: 'isnad-gold',
      schemaVersion: 2,
      name: 'wrong',
      a: 'a.json',
      b: 'b.json',
      exhaustive: false,
      pairs: [
        { a: 'قصر الضيافة', b: 'سجن حلب المركزي', expect: 'not-same', phenomena: ['different-event'] },
        { a: 'ودعت كل من', b: 'ودعت الولايات المتحدة', expect: 'same', phenomena: ['plain'] },
        { a: 'قصر الضيافة', b: 'سجن حلب المركزي', expect: 'contradicts', phenomena: ['actor'], require: [{ kind: 'entity' }] },
      ],
    });
    const result = scoreGoldCase(gold, { a, b, matches: [{ id: `${palace.id}~${prison.id}`, a: palace.id, b: prison.id, score: 0.9, relation: 'same', differences: [] }] });
    expect(result.same).toEqual({ truePositives: 0, falsePositives: 2, falseNegatives: 1 });
    expect(result.contradictions).toEqual({ expected: 1, surfaced: 0, hidden: 1, called: 0, wronglyCalled: 0 });
    // The same link called a contradiction: right for the pair that is one, wrong for the others.
    const contradiction = { a, b, matches: [{ id: `${palace.id}~${prison.id}`, a: palace.id, b: prison.id, score: 0.9, relation: 'contradicts' as const, differences: [] }] };
    expect(scoreGoldCase(gold, contradiction).contradictions).toMatchObject({ called: 2, wronglyCalled: 0 });
    const unrelated = { ...gold, pairs: [{ ...gold.pairs[0]!, expect: 'none' as const }] };
    expect(scoreGoldCase(unrelated, contradiction).contradictions).toMatchObject({ called: 1, wronglyCalled: 1 });
    expect(result.phenomena['different-event']).toEqual({ pairs: 1, right: 0, asserted: 1, assertedRight: 0 });
    expect(result.phenomena.plain).toEqual({ pairs: 1, right: 0, asserted: 1, assertedRight: 0 });
    expect(compareReports(a, b).length).toBeGreaterThan(0);
  });

  it('rejects a file that is not a gold case with one readable line', () => {
    expect(() => parseGoldCase({ kind: 'isnad-gold', schemaVersion: 2, name: 'x', a: 'a', b: 'b', pairs: [{ a: 'x', b: 'y', expect: 'maybe' }] }, 'x.json')).toThrow(
      'gold x.json: pair 0: "expect" must be one of same, related, contradicts, linked, not-same, none',
    );
    expect(() => parseGoldCase({ kind: 'isnad-gold', schemaVersion: 2, name: 'x', a: 'a', b: 'b', pairs: [{ a: 'x', b: 'y', expect: 'same', phenomena: ['luck'] }] }, 'x.json')).toThrow(
      'gold x.json: pair 0: unknown phenomenon "luck"',
    );
  });
});
