import { describe, expect, it } from 'vitest';
import type { ComparisonView } from '../../../shared/contract/channels';
import type { Claim, ParsedReport } from '../../../shared/engine/types';
import { filterClaims, indexComparison, NO_FILTER } from './comparison-index';

function claim(reportId: string, start: number, text: string): Claim {
  return { id: `${reportId}:${start}-${start + text.length}`, reportId, text, start, end: start + text.length, section: null, selector: { type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' } };
}
function parsed(id: string, claims: Claim[]): ParsedReport {
  return { report: { id, outlet: id, title: '', text: '', publishedAt: null, language: 'ar' }, title: '', sourceLine: null, blocks: [], claims };
}
const a1 = claim('a', 0, 'سيطرت الفصائل على كل الأحياء');
const a2 = claim('a', 40, 'قصر الضيافة');
const b1 = claim('b', 0, 'سيطرت على معظم أحياء المدينة');
const b2 = claim('b', 50, 'سجن حلب المركزي');
const b3 = claim('b', 80, 'غارات روسية على إدلب');

/** A link found by the engine alone. */
const ENGINE = { origin: 'engine', editor: null, at: null, engineRelation: 'same' } as const;

const view: ComparisonView = {
  a: parsed('a', [a1, a2]),
  b: parsed('b', [b1, b2, b3]),
  summaries: [
    { id: 'a', outlet: 'الحرة', title: '', publishedAt: null, language: 'ar', url: null, textSha256: '', characters: 0, importedSeq: 1, replaces: null, fetchedAt: null },
    { id: 'b', outlet: 'الجزيرة', title: '', publishedAt: null, language: 'ar', url: null, textSha256: '', characters: 0, importedSeq: 2, replaces: null, fetchedAt: null },
  ],
  matches: [
    { id: `${a1.id}~${b1.id}`, a: a1.id, b: b1.id, score: 0.8, relation: 'same', differences: [{ kind: 'quantifier', a: 'كل', b: 'معظم' }], ...ENGINE },
    { id: `${a2.id}~${b2.id}`, a: a2.id, b: b2.id, score: 0.4, relation: 'related', differences: [{ kind: 'wording', a: 'x', b: 'y' }], ...ENGINE, engineRelation: 'related' },
  ],
  statuses: { [b3.id]: { claimId: b3.id, reportId: 'b', status: 'verified', note: null, editor: 'e', at: '2024-12-02T00:00:00Z', seq: 3 } },
  evidenceCounts: { [a1.id]: 2 },
  recheck: {},
};

describe('indexComparison', () => {
  const index = indexComparison(view);

  it('classifies each claim against the other report', () => {
    expect(index.byId.get(a1.id)).toMatchObject({ kind: 'same', partners: [b1.id], hasDiscrepancy: true, evidenceCount: 2 });
    expect(index.byId.get(a2.id)).toMatchObject({ kind: 'related', hasDiscrepancy: false });
    expect(index.byId.get(b3.id)).toMatchObject({ kind: 'single', partners: [], status: 'verified' });
  });

  it('numbers linked pairs in A’s reading order, the same number on both sides', () => {
    expect(index.pairNumber.get(a1.id)).toBe(1);
    expect(index.pairNumber.get(b1.id)).toBe(1);
    expect(index.pairNumber.get(b2.id)).toBe(2);
    expect(index.pairNumber.has(b3.id)).toBe(false);
  });

  it('filters by status, kind, discrepancy, outlet and search', () => {
    const ids = (filter: Partial<typeof NO_FILTER>) => filterClaims(index.claims, { ...NO_FILTER, ...filter }, (t) => t).map((c) => c.claim.id);
    expect(ids({ status: 'verified' })).toEqual([b3.id]);
    expect(ids({ kind: 'single' })).toEqual([b3.id]);
    expect(ids({ kind: 'linked', side: 'b' })).toEqual([b1.id, b2.id]);
    expect(ids({ discrepancy: true })).toEqual([a1.id, b1.id]);
    expect(ids({ query: 'سجن' })).toEqual([b2.id]);
  });
});
