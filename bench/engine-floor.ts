import { readReportFile } from '../electron/reports/read-report-file';
import { parseReport, tokenizeForMatch, WordNormalizer } from '../shared/engine';
import { paragraphRanges } from '../shared/engine/ingest';

/**
 * The floor every comparison is measured against: segmenting and folding (normalizing) the words
 * of both inputs, which any comparison of two texts must do. The engine and CLI sections both
 * use this one definition.
 */
export function engineFloor(texts: readonly string[], language: string): void {
  for (const text of texts) {
    const normalizer = new WordNormalizer();
    for (const paragraph of paragraphRanges(text)) tokenizeForMatch(text, language, normalizer, paragraph.start, paragraph.end);
  }
}

export const SEED_REPORTS = ['fixtures/reports/000-alhurra-aleppo.json', 'fixtures/reports/001-aljazeera-mubasher-aleppo.json'] as const;

/** The sentences of the two sample reports, from which the synthetic long reports are made. */
export async function fixtureSentences(): Promise<string[]> {
  const reports = await Promise.all(SEED_REPORTS.map((f) => readReportFile(f)));
  return reports.flatMap((r) => parseReport(r).claims.map((c) => c.text));
}

/** Milliseconds `work` takes. */
export function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * Best of `runs` for each piece of work, taken in turns so all meet the same load on a shared
 * machine; one run first, unmeasured, so the JIT has compiled them.
 */
export function bestInTurns(runs: number, works: ReadonlyArray<() => void>): number[] {
  for (const work of works) work();
  const fastest = works.map(() => Infinity);
  for (let i = 0; i < runs; i++) works.forEach((work, k) => (fastest[k] = Math.min(fastest[k]!, time(work))));
  return fastest;
}
