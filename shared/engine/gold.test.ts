import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportFile } from '../../electron/reports/read-report-file';
import { evaluateGold, evaluateGoldCase, parseGoldCase, runGoldCase, type GoldCase, type GoldResult } from './gold';
import { compareReports } from './match';
import { parseReport } from './parse-report';

const GOLD_DIR = 'fixtures/gold';

async function goldCases(): Promise<Array<{ path: string; gold: GoldCase }>> {
  const names = (await readdir(GOLD_DIR)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = resolve(GOLD_DIR, name);
      return { path, gold: parseGoldCase(JSON.parse(await readFile(path, 'utf8')), name) };
    }),
  );
}

async function runAll(): Promise<GoldResult[]> {
  const results: GoldResult[] = [];
  for (const { path, gold } of await goldCases()) {
    const [a, b] = await Promise.all([readReportFile(join(dirname(path), gold.a)), readReportFile(join(dirname(path), gold.b))]);
    results.push(runGoldCase(gold, a, b));
  }
  return results;
}

describe('the gold set', () => {
  it('has the required Aleppo case and cases of our own in Arabic and English', async () => {
    const names = (await goldCases()).map((c) => c.gold.name);
    expect(names).toEqual(expect.arrayContaining(['aleppo-2024-12', 'en-aleppo-2024-12', 'ar-idlib-traps-2024-12']));
  });

  it('passes in full: every expectation, every required difference, no forbidden one', async () => {
    const summary = evaluateGold(await runAll());
    expect(summary.failures).toEqual([]);
    expect(summary.same.precision).toBe(1);
    expect(summary.same.recall).toBe(1);
    expect(summary.differences.recall).toBe(1);
    expect(summary.differences.forbidden).toBe(0);
  });
});

describe('evaluateGoldCase', () => {
  it('counts a wrong `same` as a false positive and a missed one as a false negative', async () => {
    const a = parseReport(await readReportFile('fixtures/reports/000-alhurra-aleppo.json'));
    const b = parseReport(await readReportFile('fixtures/reports/001-aljazeera-mubasher-aleppo.json'));
    const palace = a.claims.find((c) => c.text.includes('قصر الضيافة'))!;
    const prison = b.claims.find((c) => c.text.includes('سجن حلب المركزي'))!;
    const gold = parseGoldCase({
      kind: 'isnad-gold',
      schemaVersion: 1,
      name: 'wrong',
      a: 'a.json',
      b: 'b.json',
      exhaustive: false,
      pairs: [
        { a: 'قصر الضيافة', b: 'سجن حلب المركزي', expect: 'not-same' },
        { a: 'ودعت كل من', b: 'ودعت الولايات المتحدة', expect: 'same' },
      ],
    });
    const result = evaluateGoldCase(gold, a, b, [
      { id: `${palace.id}~${prison.id}`, a: palace.id, b: prison.id, score: 0.9, relation: 'same', differences: [] },
    ]);
    expect(result.same).toEqual({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
    expect(compareReports(a, b).length).toBeGreaterThan(0);
  });

  it('rejects a file that is not a gold case with one readable line', () => {
    expect(() => parseGoldCase({ kind: 'isnad-gold', schemaVersion: 1, name: 'x', a: 'a', b: 'b', pairs: [{ a: 'x', b: 'y', expect: 'maybe' }] }, 'x.json')).toThrow(
      'gold x.json: pair 0: "expect" must be one of same, related, linked, not-same, none',
    );
  });
});
