import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALHURRA, ALJAZEERA, PRISON, startStorySession, type StorySession } from './story-test-kit';

let session: StorySession;
beforeEach(async () => {
  session = await startStorySession();
});
afterEach(() => session.remove());

const UPDATED = 'aljazeera-mubasher-aleppo-updated.txt';
const REMOVED = 'وحذرت من أن هذا العنف الأخير';
const UNCHANGED = 'ودعت الولايات المتحدة وألمانيا';

/** Marks the prison claim False with two pieces of evidence, and the joint statement Verified. */
async function decide() {
  const view = await session.call('compare:run', { a: ALHURRA, b: ALJAZEERA });
  const prison = session.claimOf(view, ALJAZEERA, PRISON);
  const statement = session.claimOf(view, ALJAZEERA, UNCHANGED);
  const removed = session.claimOf(view, ALJAZEERA, REMOVED);
  await session.call('claims:setStatus', { claimIds: [prison], status: 'false', note: 'The prison was taken on Sunday, not Monday' });
  await session.call('evidence:add', { claimId: prison, evidence: { kind: 'link', url: 'https://example.org/prison', quote: 'taken on Sunday', note: null, stance: 'refutes' } });
  await session.call('evidence:add', { claimId: prison, evidence: { kind: 'note', url: null, quote: null, note: 'Two residents confirm Sunday', stance: 'refutes' } });
  await session.call('claims:setStatus', { claimIds: [statement, removed], status: 'verified', note: null });
  return { prison, statement, removed };
}

describe('an updated version', () => {
  it('starts from the original: outlet, title, URL and language, the date as given', async () => {
    const imported = await session.importStory(UPDATED, { outlet: null, replaces: ALJAZEERA, publishedAt: '2024-12-03' });
    expect(imported).toMatchObject({ outlet: 'الجزيرة مباشر', language: 'ar', publishedAt: '2024-12-03', replaces: ALJAZEERA });
    expect(imported.title).toMatch(/^المعارضة السورية تسيطر على سجن حلب المركزي/);
    expect(await session.reply('reports:import', { content: 'A text.', format: 'text', fileName: null, outlet: null, title: null, publishedAt: null, url: null, language: null, replaces: null })).toMatchObject({
      ok: false,
      code: 'outlet-required',
    });
  });

  it('keeps every decision: unchanged claims as they were, an edited one flagged re-check, removed ones listed', async () => {
    const decided = await decide();
    const imported = await session.importStory(UPDATED, { outlet: null, replaces: ALJAZEERA });
    expect(imported.carriedOver).toMatchObject({ from: ALJAZEERA, edited: 1, added: 1, removed: 1, recheck: 1, lost: 1 });
    expect(imported.carriedOver!.unchanged).toBeGreaterThan(10);

    const view = await session.call('compare:run', { a: ALJAZEERA, b: imported.id });
    const prison = session.claimOf(view, imported.id, PRISON);
    const statement = session.claimOf(view, imported.id, UNCHANGED);
    expect(view.statuses[prison]).toMatchObject({ status: 'false', note: expect.stringContaining('The prison was taken on Sunday, not Monday') });
    expect(view.evidenceCounts[prison]).toBe(2);
    expect(view.recheck).toEqual({ [prison]: { previousClaimId: decided.prison } });
    expect(view.statuses[statement]).toMatchObject({ status: 'verified' });

    const detail = await session.call('claims:get', { claimId: prison });
    expect(detail.needsRecheck).toMatchObject({ previousClaimId: decided.prison, previousText: expect.stringContaining('العديد من المعتقلين') });
    expect(detail.evidence.map((e) => e.stance)).toEqual(['refutes', 'refutes']);

    const timeline = await session.call('reports:versions', { id: imported.id });
    expect(timeline.versions.map((v) => v.summary.id)).toEqual([ALJAZEERA, imported.id]);
    const latest = timeline.versions[1]!;
    expect(latest).toMatchObject({ replaces: ALJAZEERA, editor: 'Casualties editor', recheck: 1, counts: { edited: 1, added: 1, removed: 1 } });
    const edited = latest.entries.find((e) => e.change === 'edited')!;
    expect(edited).toMatchObject({ claimId: prison, previousClaimId: decided.prison, needsRecheck: true, status: { status: 'false' } });
    expect(edited.diff.filter((p) => p.op === 'added').map((p) => p.value.trim())).toEqual([expect.stringContaining('3000')]);
    expect(edited.diff.filter((p) => p.op === 'removed').map((p) => p.value)).toEqual([expect.stringContaining('العديد')]);
    const removed = latest.entries.find((e) => e.change === 'removed')!;
    expect(removed).toMatchObject({ claimId: null, previousClaimId: decided.removed, status: { status: 'verified' }, previousText: expect.stringContaining(REMOVED) });
    expect(latest.entries.find((e) => e.change === 'added')).toMatchObject({ text: expect.stringContaining('500 شخص'), status: null });
    // The same timeline from either end.
    expect((await session.call('reports:versions', { id: ALJAZEERA })).versions.map((v) => v.summary.id)).toEqual([ALJAZEERA, imported.id]);
  });

  it('keeps the re-check flag until an editor acts, and through a reopen', async () => {
    await decide();
    const imported = await session.importStory(UPDATED, { outlet: null, replaces: ALJAZEERA });
    const view = await session.call('compare:run', { a: ALJAZEERA, b: imported.id });
    const prison = session.claimOf(view, imported.id, PRISON);
    await session.reopen();
    expect((await session.call('claims:get', { claimId: prison })).needsRecheck).not.toBeNull();

    // Confirming the same status is an act: it is recorded and the flag goes.
    const before = (await session.context.store.allEvents()).length;
    const note = (await session.call('claims:get', { claimId: prison })).status!.note;
    await session.call('claims:setStatus', { claimIds: [prison], status: 'false', note });
    const events = await session.context.store.allEvents();
    expect(events.slice(before).map((e) => e.type)).toEqual(['claim.statusChanged']);
    expect((await session.call('claims:get', { claimId: prison })).needsRecheck).toBeNull();
    expect((await session.call('reports:versions', { id: imported.id })).versions[1]!.recheck).toBe(0);
    await session.reopen();
    expect((await session.call('claims:get', { claimId: prison })).needsRecheck).toBeNull();
    expect(await session.call('log:verify', {})).toMatchObject({ ok: true, problems: [] });
  });

  it('records the version as one signed event after the decisions it carried', async () => {
    await decide();
    const imported = await session.importStory(UPDATED, { outlet: null, replaces: ALJAZEERA });
    const events = await session.context.store.allEvents();
    const at = events.findIndex((e) => e.type === 'report.imported' && e.payload.report.id === imported.id);
    const types = events.slice(at).map((e) => e.type);
    expect(types[0]).toBe('report.imported');
    expect(types.at(-1)).toBe('report.versioned');
    expect(events.at(-1)).toMatchObject({ editor: 'Casualties editor', v: 3, sig: expect.any(String), payload: { reportId: imported.id, replaces: ALJAZEERA } });
  });
});
