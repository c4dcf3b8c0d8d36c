import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIncoming } from '../../shared/model/incoming-events';
import { nodeLogCrypto } from '../crypto/ed25519';
import { ALHURRA, ALJAZEERA, startStorySession, type StorySession } from './story-test-kit';

let session: StorySession;
beforeEach(async () => {
  session = await startStorySession('Desk editor');
});
afterEach(() => session.remove());

/** The joint statement's group: the Al Jazeera claim and the Alhurra claim that says the same. */
async function jointStatement() {
  const { groups } = await session.call('story:groups', {});
  const group = groups.find((g) => g.claims.some((id) => id.startsWith(ALHURRA)) && g.claims.some((id) => id.startsWith(ALJAZEERA)))!;
  return group;
}

describe('apply to the group', () => {
  it('sets every member’s verdict in one signed event that a reopen replays', async () => {
    const group = await jointStatement();
    const before = (await session.context.store.allEvents()).length;
    const statuses = await session.call('claims:setGroupStatus', { claimId: group.claims[1]!, status: 'false', note: 'Denied by both ministries', only: 'all' });
    expect(statuses.map((s) => [s.claimId, s.status, s.note])).toEqual(group.claims.map((id) => [id, 'false', 'Denied by both ministries']));
    const events = await session.context.store.allEvents();
    // One event (after the editor's key, registered with their first change).
    expect(events.slice(before).map((e) => e.type)).toEqual(['key.registered', 'group.statusChanged']);
    expect(events.at(-1)).toMatchObject({ type: 'group.statusChanged', editor: 'Desk editor', v: 3, sig: expect.any(String), payload: { group: group.id, to: 'false', claims: group.claims.map((claimId) => ({ claimId, from: 'unverified' })) } });
    await session.reopen();
    for (const claimId of group.claims) {
      const detail = await session.call('claims:get', { claimId });
      expect(detail.status).toMatchObject({ status: 'false', editor: 'Desk editor' });
      expect(detail.history.map((e) => e.type)).toEqual(['group.statusChanged']);
    }
    // Applied again, nothing changes and nothing is written.
    await session.call('claims:setGroupStatus', { claimId: group.claims[0]!, status: 'false', note: 'Denied by both ministries' });
    expect((await session.context.store.allEvents()).length).toBe(events.length);
  });

  it('sets only the undecided members when asked, and names only them in the event', async () => {
    const group = await jointStatement();
    await session.call('claims:setStatus', { claimIds: [group.claims[0]!], status: 'misleading', note: 'Half of it' });
    await session.call('claims:setGroupStatus', { claimId: group.claims[0]!, status: 'verified', note: null, only: 'undecided' });
    const event = (await session.context.store.allEvents()).at(-1)!;
    expect(event.type === 'group.statusChanged' && event.payload.claims.map((c) => c.claimId)).toEqual(group.claims.slice(1));
    expect(session.context.store.state.statuses.get(group.claims[0]!)?.status).toBe('misleading');
  });

  it('refuses a verdict without its note, and an unknown claim, writing nothing', async () => {
    const group = await jointStatement();
    const before = (await session.context.store.allEvents()).length;
    expect(await session.reply('claims:setGroupStatus', { claimId: group.claims[0], status: 'false', note: null })).toMatchObject({ ok: false, code: 'note-required' });
    expect(await session.reply('claims:setGroupStatus', { claimId: `${ALHURRA}:1-2`, status: 'verified', note: null })).toMatchObject({ ok: false, code: 'unknown-claim' });
    expect((await session.context.store.allEvents()).length).toBe(before);
  });

  it('is an event a colleague’s folder takes from the desk: well formed, hashed and signed', async () => {
    const group = await jointStatement();
    await session.call('claims:setGroupStatus', { claimId: group.claims[0]!, status: 'verified', note: null });
    const events = await session.context.store.allEvents();
    const shared = events.map(({ seq: _seq, ...event }) => event);
    const check = checkIncoming(shared, { holds: () => false, keys: new Map() }, nodeLogCrypto);
    expect(check.refused).toEqual([]);
    expect(check.accepted.at(-1)).toMatchObject({ type: 'group.statusChanged' });
  });
});
