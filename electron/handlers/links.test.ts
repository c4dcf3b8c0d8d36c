import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALHURRA, ALJAZEERA, startStorySession, type StorySession } from './story-test-kit';

let session: StorySession;
beforeEach(async () => {
  session = await startStorySession('Reviewer');
});
afterEach(() => session.remove());

/** A claim of each report the engine did not link, and one link the engine made. */
async function claims() {
  const view = await session.call('compare:run', { a: ALHURRA, b: ALJAZEERA });
  const linked = new Set(view.matches.flatMap((m) => [m.a, m.b]));
  const loneA = view.a.claims.find((c) => !linked.has(c.id) && c.text.startsWith('ولم يتسن'))!.id;
  const loneB = view.b.claims.find((c) => !linked.has(c.id) && c.text.includes('غصة'))!.id;
  const engine = view.matches.find((m) => m.origin === 'engine' && m.relation === 'same')!;
  return { loneA, loneB, engine };
}

describe('the editor corrects the engine', () => {
  it('links two claims the engine missed; the link survives a recompute and a reopen', async () => {
    const { loneA, loneB } = await claims();
    // Named either way round, the link reads from the first report to the second.
    await session.call('claims:link', { a: loneB, b: loneA, relation: 'related', note: 'Both on what could not be verified' });
    const expectLink = async () => {
      const view = await session.call('compare:run', { a: ALHURRA, b: ALJAZEERA });
      expect(view.matches.find((m) => m.a === loneA && m.b === loneB)).toMatchObject({ relation: 'related', origin: 'editor-made', editor: 'Reviewer', engineRelation: null, differences: [] });
    };
    await expectLink();
    await session.reopen();
    await expectLink();
    const event = (await session.context.store.allEvents()).at(-1)!;
    expect(event).toMatchObject({ type: 'claim.linked', editor: 'Reviewer', v: 3, sig: expect.any(String), payload: { a: loneB, b: loneA, relation: 'related' } });
    expect((await session.call('claims:get', { claimId: loneA })).history.map((e) => e.type)).toEqual(['claim.linked']);
  });

  it('confirms or changes the engine’s relation, and unlinks', async () => {
    const { engine } = await claims();
    await session.call('claims:link', { a: engine.a, b: engine.b, relation: 'same', note: null });
    let view = await session.call('compare:run', { a: ALHURRA, b: ALJAZEERA });
    expect(view.matches.find((m) => m.id === engine.id)).toMatchObject({ origin: 'editor-confirmed', relation: 'same', engineRelation: 'same', differences: engine.differences });

    await session.call('claims:link', { a: engine.a, b: engine.b, relation: 'contradicts', note: null });
    view = await session.call('compare:run', { a: ALHURRA, b: ALJAZEERA });
    expect(view.matches.find((m) => m.id === engine.id)).toMatchObject({ origin: 'editor-made', relation: 'contradicts', engineRelation: 'same' });

    await session.call('claims:unlink', { a: engine.b, b: engine.a, note: 'Different statements' });
    await session.reopen();
    view = await session.call('compare:run', { a: ALHURRA, b: ALJAZEERA });
    expect(view.matches.some((m) => m.id === engine.id)).toBe(false);
    expect(await session.reply('claims:unlink', { a: engine.a, b: engine.b, note: null })).toMatchObject({ ok: false, code: 'not-linked' });
    // Linked again by hand, it is back.
    await session.call('claims:link', { a: engine.a, b: engine.b, relation: 'same', note: null });
    view = await session.call('compare:run', { a: ALHURRA, b: ALJAZEERA });
    expect(view.matches.find((m) => m.id === engine.id)).toMatchObject({ origin: 'editor-confirmed' });
  });

  it('refuses links that make no sense, and records nothing', async () => {
    const { loneA, engine } = await claims();
    const count = async () => (await session.context.store.allEvents()).length;
    const before = await count();
    expect(await session.reply('claims:link', { a: loneA, b: loneA, relation: 'same', note: null })).toMatchObject({ ok: false, code: 'same-claim' });
    expect(await session.reply('claims:link', { a: loneA, b: engine.a, relation: 'same', note: null })).toMatchObject({ ok: false, code: 'same-report' });
    expect(await session.reply('claims:link', { a: loneA, b: 'nope:1-2', relation: 'same', note: null })).toMatchObject({ ok: false, code: 'unknown-claim' });
    expect(await session.reply('claims:link', { a: loneA, b: engine.b, relation: 'maybe', note: null })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await count()).toBe(before);
    // The same link twice is one event.
    await session.call('claims:link', { a: loneA, b: engine.b, relation: 'related', note: null });
    const once = await count();
    await session.call('claims:link', { a: loneA, b: engine.b, relation: 'related', note: null });
    expect(await count()).toBe(once);
  });
});
