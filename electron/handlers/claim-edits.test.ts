import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonExport } from '../../shared/export/json-export';
import { ALHURRA, ALJAZEERA, PRISON, startStorySession, type StorySession } from './story-test-kit';

let session: StorySession;
beforeEach(async () => {
  session = await startStorySession('Desk editor');
});
afterEach(() => session.remove());

const compare = () => session.call('compare:run', { a: ALHURRA, b: ALJAZEERA });
const claimsOf = async (reportId: string) => (await session.call('reports:claims', { id: reportId })).claims;

/** The prison claim, marked False with a piece of evidence. */
async function decidedPrison() {
  const prison = session.claimOf(await compare(), ALJAZEERA, PRISON);
  await session.call('claims:setStatus', { claimIds: [prison], status: 'false', note: 'Taken on Sunday' });
  await session.call('evidence:add', { claimId: prison, evidence: { kind: 'note', url: null, quote: null, note: 'Two residents', stance: 'refutes' } });
  const claim = (await claimsOf(ALJAZEERA)).find((c) => c.id === prison)!;
  return { prison, claim };
}

describe('the editor corrects claim boundaries', () => {
  it('splits a claim at a point: both halves carry its decision, flagged re-check, and the split survives a recompute and a reopen', async () => {
    const { prison, claim } = await decidedPrison();
    const at = claim.start + claim.text.indexOf('،') + 1;
    const result = await session.call('claims:split', { claimId: prison, at });
    expect(result.claimIds).toHaveLength(2);
    expect(result.carried.map((c) => [c.from, c.recheck])).toEqual([
      [prison, true],
      [prison, true],
    ]);
    const check = async () => {
      const claims = await claimsOf(ALJAZEERA);
      expect(claims.some((c) => c.id === prison)).toBe(false);
      for (const id of result.claimIds) {
        expect(claims.find((c) => c.id === id)).toBeDefined();
        const detail = await session.call('claims:get', { claimId: id });
        expect(detail.status).toMatchObject({ status: 'false' });
        expect(detail.evidence).toHaveLength(1);
        expect(detail.needsRecheck).toMatchObject({ previousClaimId: prison, previousText: claim.text });
        expect(detail.origin).toMatchObject({ kind: 'split', editor: 'Desk editor', from: [{ claimId: prison, text: claim.text, status: { status: 'false' }, evidence: 1 }] });
      }
      const view = await compare();
      expect(Object.keys(view.origins ?? {}).sort()).toEqual([...result.claimIds].sort());
    };
    await check();
    await session.reopen();
    await check();
    // The replaced claim keeps its own decision in the record.
    expect(session.context.store.state.statuses.get(prison)?.status).toBe('false');
    const events = (await session.context.store.allEvents()).slice(-1);
    expect(events[0]).toMatchObject({ type: 'claim.split', editor: 'Desk editor', v: 3, sig: expect.any(String), payload: { claimId: prison, at, removed: [prison] } });
  });

  it('merges two adjacent claims: their common status follows, their evidence once, a disagreement is flagged re-check with what each had', async () => {
    const { prison, claim } = await decidedPrison();
    const halves = await session.call('claims:split', { claimId: prison, at: claim.start + claim.text.indexOf('،') + 1 });
    // Merged back at once: both halves say False, so the merged claim does too, with both halves' evidence.
    const merged = await session.call('claims:merge', { a: halves.claimIds[1]!, b: halves.claimIds[0]! });
    expect(merged.claimIds).toEqual([prison]);
    let detail = await session.call('claims:get', { claimId: prison });
    expect(detail.status?.status).toBe('false');
    // The evidence both halves carried is the claim's own, once.
    expect(detail.evidence).toHaveLength(1);
    // Split again, one half decided otherwise: the merge carries no status, and says what each had.
    const again = await session.call('claims:split', { claimId: prison, at: claim.start + claim.text.indexOf('،') + 1 });
    await session.call('claims:setStatus', { claimIds: [again.claimIds[1]!], status: 'misleading', note: 'Overstated' });
    await session.call('claims:merge', { a: again.claimIds[0]!, b: again.claimIds[1]! });
    detail = await session.call('claims:get', { claimId: prison });
    expect(detail.needsRecheck).not.toBeNull();
    expect(detail.history.at(-1)?.type).toBe('claim.merged');
    expect(detail.origin?.from.map((f) => f.status?.status)).toEqual(['false', 'misleading']);
    const claims = await claimsOf(ALHURRA);
    expect(await session.reply('claims:merge', { a: claims[4]!.id, b: claims[6]!.id })).toMatchObject({ ok: false, code: 'not-adjacent' });
    expect(await session.reply('claims:merge', { a: claims[4]!.id, b: (await claimsOf(ALJAZEERA))[0]!.id })).toMatchObject({ ok: false, code: 'other-report' });
  });

  it('moves a claim’s boundaries, and draws a new claim in the text it gave up', async () => {
    const { prison, claim } = await decidedPrison();
    const cut = claim.start + claim.text.indexOf('،');
    const moved = await session.call('claims:resize', { claimId: prison, start: claim.start, end: cut });
    expect((await session.call('claims:get', { claimId: moved.claimIds[0]! })).status?.status).toBe('false');
    expect(await session.reply('claims:draw', { reportId: ALJAZEERA, start: claim.start + 2, end: claim.end })).toMatchObject({ ok: false, code: 'overlaps-claim' });
    const drawn = await session.call('claims:draw', { reportId: ALJAZEERA, start: cut + 1, end: claim.end });
    const detail = await session.call('claims:get', { claimId: drawn.claimIds[0]! });
    expect(detail).toMatchObject({ status: null, needsRecheck: null, origin: { kind: 'drawn', editor: 'Desk editor', from: [] } });
    // Trimmed to its words.
    expect((await claimsOf(ALJAZEERA)).find((c) => c.id === drawn.claimIds[0])!.text).toBe(claim.text.slice(claim.text.indexOf('،') + 1).trim());
  });

  it('refuses a split outside the claim, a span across paragraphs, and an unknown claim, writing nothing', async () => {
    const { prison, claim } = await decidedPrison();
    const before = (await session.context.store.allEvents()).length;
    expect(await session.reply('claims:split', { claimId: prison, at: claim.end })).toMatchObject({ ok: false, code: 'bad-span' });
    const { text } = await session.call('reports:get', { id: ALJAZEERA });
    const gap = text.indexOf('\n\n', claim.end);
    expect(await session.reply('claims:draw', { reportId: ALJAZEERA, start: gap, end: gap + 2 })).toMatchObject({ ok: false, code: 'bad-span', error: expect.stringMatching(/needs words/) });
    expect(await session.reply('claims:resize', { claimId: prison, start: 0, end: claim.end })).toMatchObject({ ok: false, code: 'bad-span', error: expect.stringMatching(/one paragraph/) });
    expect(await session.reply('claims:split', { claimId: `${ALJAZEERA}:1-3`, at: 2 })).toMatchObject({ ok: false, code: 'unknown-claim' });
    expect((await session.context.store.allEvents()).length).toBe(before);
  });

  it('exports say which claims an editor made and where the replaced claims’ decisions went', async () => {
    const { prison, claim } = await decidedPrison();
    const { claimIds } = await session.call('claims:split', { claimId: prison, at: claim.start + claim.text.indexOf('،') + 1 });
    const exported = async (format: 'json' | 'csv' | 'md') => (await session.call('export:build', { format, scope: { kind: 'all' }, timeZone: 'UTC' })).content;
    const json = JSON.parse(await exported('json')) as JsonExport;
    expect(json.claims.find((c) => c.id === claimIds[0])).toMatchObject({ origin: { kind: 'split', editor: 'Desk editor', from: [prison] }, needsRecheck: true });
    expect(json.claims.some((c) => c.id === prison)).toBe(false);
    expect(json.claimEdits).toEqual([{ kind: 'split', reportId: ALJAZEERA, editor: 'Desk editor', at: expect.any(String), replaced: [{ claimId: prison, text: claim.text, status: expect.objectContaining({ status: 'false' }), evidence: 1 }], made: claimIds, carried: claimIds.map((to) => ({ from: prison, to, recheck: true })) }]);
    // The replaced claim's own decision is still among the statuses.
    expect(json.statuses.some((s) => s.claimId === prison && s.status === 'false')).toBe(true);
    const rows = parse((await exported('csv')).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r['Claim ID'] === claimIds[1])!['Claim made by']).toMatch(new RegExp(`^split by Desk editor at .* from ${prison}$`));
    expect(rows.find((r) => r['Claim ID'] !== claimIds[0] && r['Claim ID'] !== claimIds[1])!['Claim made by']).toBe('engine');
    expect(await exported('md')).toMatch(/## Claims corrected by editors \(1\)\n\n- Split by Desk editor, .*\(False, 1 evidence\) → /);
  });
});
