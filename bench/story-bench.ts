import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareReports, parseReport, type ClaimMatch, type ParsedReport } from '../shared/engine';
import { syntheticReportPair } from '../shared/engine/synthetic-report';
import { groupClaims } from '../shared/story/claim-groups';
import { benchTable, type BenchRow } from './bench-table';
import { fixtureSentences } from './engine-floor';

/**
 * A story of 20 reports of about 10,000 words each: every report parsed, the links between every
 * two of them (what the exports and the matrix use), and the claim groups over all of them.
 */
const REPORTS = 20;
/** About 10,000 Arabic words of the synthetic text. */
const BYTES_PER_REPORT = 110_000;
const GROUPING_TARGET_MS = 2000;

export async function runStoryBench(): Promise<string> {
  const sentences = await fixtureSentences();
  const texts: string[] = [];
  for (let seed = 1; texts.length < REPORTS; seed++) {
    const pair = syntheticReportPair(sentences, BYTES_PER_REPORT, seed);
    texts.push(pair.a, pair.b);
  }
  let started = performance.now();
  const reports: ParsedReport[] = texts.map((text, i) => parseReport({ id: `r${i}`, outlet: `Outlet ${i}`, title: '', text, publishedAt: '2024-12-02', language: 'ar' }));
  const parseMs = performance.now() - started;
  const words = Math.round(texts.reduce((n, t) => n + t.split(/\s+/u).length, 0) / texts.length);

  started = performance.now();
  const links: ClaimMatch[] = [];
  for (let i = 0; i < reports.length; i++) for (let j = i + 1; j < reports.length; j++) links.push(...compareReports(reports[i]!, reports[j]!));
  const linkMs = performance.now() - started;

  started = performance.now();
  const groups = groupClaims(
    reports.flatMap((r) => r.claims.map((c) => c.id)),
    links,
  );
  const groupMs = performance.now() - started;
  const claims = reports.reduce((n, r) => n + r.claims.length, 0);

  const rows: BenchRow[] = [
    { what: `${REPORTS} reports, words each (mean), claims in all`, value: `${words.toLocaleString('en')}, ${claims.toLocaleString('en')}` },
    { what: 'parse every report', value: parseMs, unit: 'ms' },
    { what: `links between every two reports (${(REPORTS * (REPORTS - 1)) / 2} comparisons)`, value: linkMs, unit: 'ms' },
    { what: 'claim groups from those links', value: groupMs, unit: 'ms', target: `< ${GROUPING_TARGET_MS.toLocaleString('en')} ms`, met: groupMs < GROUPING_TARGET_MS },
    {
      what: 'grouping from the texts: links + groups (reports parsed)',
      value: linkMs + groupMs,
      unit: 'ms',
      target: `< ${GROUPING_TARGET_MS.toLocaleString('en')} ms`,
      met: linkMs + groupMs < GROUPING_TARGET_MS,
    },
    { what: 'groups, of them in more than one report', value: `${groups.length.toLocaleString('en')}, ${groups.filter((g) => g.claims.length > 1).length.toLocaleString('en')}` },
  ];
  return benchTable('A story of 20 reports', rows, [
    'One run; synthetic Arabic from the fixtures’ sentences. The links are the engine’s, pair by pair (shared/engine is not changed here), which is what the grouping waits for.',
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(await runStoryBench());
}
