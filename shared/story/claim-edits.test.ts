import { describe, expect, it } from 'vitest';
import { compareReports, parseReport } from '../engine';
import type { ClaimEdit } from '../model/state';
import { applyClaimEdits, claimSpan, replacedClaims, trimSpan } from './claim-edits';

const TEXT = 'The ministry said 25 people died in Aleppo on Monday after the shelling of the central market.\n\nSchools stayed closed across the city.\n';
const report = (id: string, text = TEXT) => parseReport({ id, outlet: 'Wire', title: '', text, publishedAt: '2024-12-02', language: 'en' });
const edit = (kind: ClaimEdit['kind'], removed: string[], claims: { start: number; end: number }[], seq: number): ClaimEdit => ({ kind, reportId: 'r', removed, claims, carried: [], editor: 'Desk editor', at: `2024-12-02T10:00:0${seq}Z`, seq });

describe('applyClaimEdits', () => {
  it('lays split, merge, drawn and moved claims over the engine’s, in order, and says who made each', () => {
    const parsed = report('r');
    const first = parsed.claims[0]!;
    const at = TEXT.indexOf(' after');
    const split = edit('split', [first.id], [trimSpan(TEXT, { start: first.start, end: at }), trimSpan(TEXT, { start: at, end: first.end })], 1);
    const { parsed: edited, origins } = applyClaimEdits(parsed, [split]);
    expect(edited.claims.map((c) => c.text)).toEqual(['The ministry said 25 people died in Aleppo on Monday', 'after the shelling of the central market.', 'Schools stayed closed across the city.']);
    expect(edited.claims.every((c) => c.text === TEXT.slice(c.start, c.end) && c.selector.exact === c.text)).toBe(true);
    expect(origins.get(edited.claims[1]!.id)).toEqual({ kind: 'split', editor: 'Desk editor', at: '2024-12-02T10:00:01Z', from: [first.id] });
    expect(origins.has(edited.claims[2]!.id)).toBe(false);

    // Merged back, then moved: the later correction replaces the earlier one's claims.
    const merged = edit('merged', [edited.claims[0]!.id, edited.claims[1]!.id], [{ start: edited.claims[0]!.start, end: edited.claims[1]!.end }], 2);
    const resized = edit('resized', [first.id], [{ start: first.start, end: TEXT.indexOf(' on Monday') }], 3);
    const again = applyClaimEdits(parsed, [split, merged, resized]);
    expect(again.parsed.claims.map((c) => c.text)).toEqual(['The ministry said 25 people died in Aleppo', 'Schools stayed closed across the city.']);
    expect([...again.origins.values()].map((o) => o.kind)).toEqual(['resized']);
    expect(replacedClaims([split, merged, resized]).get(first.id)?.kind).toBe('resized');
  });

  it('gives the engine a drawn claim to compare like its own', () => {
    const a = report('a', 'Power returned to the eastern districts on Wednesday.\n');
    const b = report('r', 'Residents said that power returned to the eastern districts on Wednesday (Photo: Wire)\n');
    const drawn = edit('drawn', [], [{ start: 19, end: 73 }], 1);
    const { parsed } = applyClaimEdits(b, [drawn]);
    expect(parsed.claims.map((c) => c.text)).toContain(b.report.text.slice(19, 73));
    expect(compareReports(a, parsed).some((m) => m.b === 'r:19-73')).toBe(true);
  });

  it('reads a claim id’s span', () => {
    expect(claimSpan('alhurra-2024:10-42')).toEqual({ start: 10, end: 42 });
    expect(claimSpan('nonsense')).toBeNull();
  });
});
