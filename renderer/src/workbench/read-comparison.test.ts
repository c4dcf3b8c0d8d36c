import { describe, expect, it } from 'vitest';
import type { ComparisonView } from '../../../shared/contract/channels';
import type { Claim, ParsedReport } from '../../../shared/engine/types';
import { indexComparison, rememberIndex } from './comparison-index';
import { readComparison } from './read-comparison';

function claim(reportId: string, start: number, text: string): Claim {
  return { id: `${reportId}:${start}-${start + text.length}`, reportId, text, start, end: start + text.length, section: null, selector: { type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' } };
}
function parsed(id: string, claims: Claim[]): ParsedReport {
  return { report: { id, outlet: id, title: '', text: '', publishedAt: null, language: 'ar' }, title: '', sourceLine: null, blocks: [], claims };
}
const a1 = claim('a', 0, 'سيطرت الفصائل على كل الأحياء');
const b1 = claim('b', 0, 'سيطرت على معظم أحياء المدينة');
const b2 = claim('b', 50, 'سجن حلب المركزي');
const view: ComparisonView = {
  a: parsed('a', [a1]),
  b: parsed('b', [b1, b2]),
  summaries: [
    { id: 'a', outlet: 'الحرة', title: '', publishedAt: null, language: 'ar', url: null, textSha256: '', characters: 0, importedSeq: 1, replaces: null, fetchedAt: null },
    { id: 'b', outlet: 'الجزيرة', title: '', publishedAt: null, language: 'ar', url: null, textSha256: '', characters: 0, importedSeq: 2, replaces: null, fetchedAt: null },
  ],
  matches: [{ id: `${a1.id}~${b1.id}`, a: a1.id, b: b1.id, score: 0.8, relation: 'same', differences: [{ kind: 'quantifier', a: 'كل', b: 'معظم' }], origin: 'engine', editor: null, at: null, engineRelation: 'same' }],
  statuses: {},
  evidenceCounts: {},
  recheck: {},
};
const bytes = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('readComparison', () => {
  it('reads a reply and indexes it; after the hop from the worker, the index still points into the view', () => {
    // structuredClone is what postMessage does between the worker and the page.
    const { reply, index } = structuredClone(readComparison(bytes(JSON.stringify({ ok: true, value: view })), 200));
    if (!reply.ok || !index) throw new Error('expected a comparison');
    expect(reply.value).toEqual(view);
    expect(index.byId.get(b1.id)!.claim).toBe(reply.value.b.claims[0]);
    expect(index.byId.get(a1.id)!.matches[0]).toBe(index.byId.get(b1.id)!.matches[0]);
    expect(index.byId.get(a1.id)).toMatchObject({ kind: 'same', partners: [b1.id] });

    rememberIndex(reply.value, index);
    expect(indexComparison(reply.value)).toBe(index);
    // A changed view (a status set) is indexed afresh.
    expect(indexComparison({ ...reply.value, statuses: {} })).not.toBe(index);
  });

  it('passes a refusal on, with no index', () => {
    const refusal = { ok: false, code: 'not-found', error: 'no report with id "x"' };
    expect(readComparison(bytes(JSON.stringify(refusal)), 404)).toEqual({ reply: refusal, index: null });
  });

  it('names the HTTP status when the body is not a reply', () => {
    expect(readComparison(bytes('<html>Bad gateway</html>'), 502)).toEqual({ reply: { ok: false, code: 'http-502', error: 'http 502' }, index: null });
    expect(readComparison(new ArrayBuffer(0), 413).reply).toMatchObject({ ok: false, code: 'http-413' });
  });
});
