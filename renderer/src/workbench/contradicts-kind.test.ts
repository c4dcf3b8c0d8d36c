import { describe, expect, it } from 'vitest';
import type { ComparisonView } from '../../../shared/contract/channels';
import type { Claim, ClaimMatch, ParsedReport } from '../../../shared/engine/types';
import type { StoryLink } from '../../../shared/story/story-links';
import { filterClaims, indexComparison, NO_FILTER } from './comparison-index';

/** A comparison built by hand, as the engine will give it: one contradiction, one shared fact. */
function claim(reportId: string, start: number, text: string): Claim {
  return { id: `${reportId}:${start}-${start + text.length}`, reportId, text, start, end: start + text.length, section: null, selector: { type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' } };
}
function parsed(id: string, claims: Claim[]): ParsedReport {
  return { report: { id, outlet: id, title: '', text: '', publishedAt: null, language: 'ar' }, title: '', sourceLine: null, blocks: [], claims };
}
const a1 = claim('a', 0, 'سيطرت الفصائل على البلدة');
const b1 = claim('b', 0, 'لم تسيطر الفصائل على البلدة');
const a2 = claim('a', 40, 'دعت الدول إلى خفض التصعيد');
const b2 = claim('b', 40, 'دعت الدول إلى خفض التصعيد');
const match = (a: Claim, b: Claim, relation: ClaimMatch['relation']): StoryLink => ({
  id: `${a.id}~${b.id}`,
  a: a.id,
  b: b.id,
  score: 0.9,
  relation,
  differences: relation === 'contradicts' ? [{ kind: 'polarity', a: 'سيطرت', b: 'لم تسيطر' }] : [],
  origin: 'engine',
  editor: null,
  at: null,
  engineRelation: relation,
});
const summary = (id: string) => ({ id, outlet: id, title: '', publishedAt: null, language: 'ar', url: null, textSha256: '', characters: 0, importedSeq: 1, replaces: null, fetchedAt: null });
const view: ComparisonView = {
  a: parsed('a', [a1, a2]),
  b: parsed('b', [b1, b2]),
  summaries: [summary('a'), summary('b')],
  matches: [match(a1, b1, 'contradicts'), match(a2, b2, 'same')],
  statuses: {},
  evidenceCounts: {},
  recheck: {},
};

describe('a contradiction', () => {
  const index = indexComparison(view);

  it('is its own kind on both sides, with the polarity difference as a discrepancy', () => {
    expect(index.byId.get(a1.id)).toMatchObject({ kind: 'contradicts', partners: [b1.id], hasDiscrepancy: true });
    expect(index.byId.get(b1.id)).toMatchObject({ kind: 'contradicts', partners: [a1.id] });
    expect(index.byId.get(a2.id)).toMatchObject({ kind: 'same' });
  });

  it('is found by the list’s kind filter, and counted among linked claims', () => {
    const ids = (filter: Partial<typeof NO_FILTER>) => filterClaims(index.claims, { ...NO_FILTER, ...filter }, (t) => t).map((c) => c.claim.id);
    expect(ids({ kind: 'contradicts' })).toEqual([a1.id, b1.id]);
    expect(ids({ kind: 'linked' })).toEqual([a1.id, a2.id, b1.id, b2.id]);
  });
});
