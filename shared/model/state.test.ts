import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventHashInput, logEventSchema, type LogEvent } from './events';
import { deriveState, statusOf } from './state';
import { replicaStateText } from './replica-state';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const selector = (exact: string) => ({ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' });

function event(editor: string, parents: LogEvent[], body: Pick<LogEvent, 'type' | 'payload'>, seq: number): LogEvent {
  const unsigned = { v: 3, id: `${editor}-${seq}`, seq, at: `2024-12-02T10:00:0${seq}.000Z`, editor, key: 'k'.repeat(64), ...body, parents: parents.map((p) => p.hash).sort() };
  return { ...unsigned, hash: sha256(eventHashInput(unsigned)) } as LogEvent;
}
const groupStatus = (to: 'false' | 'verified', claims: string[], note: string | null = null) =>
  ({
    type: 'group.statusChanged',
    payload: { group: claims[0]!, to, note, claims: claims.map((claimId) => ({ claimId, reportId: claimId.split(':')[0]!, from: 'unverified', selector: selector(claimId) })) },
  }) as Pick<LogEvent, 'type' | 'payload'>;

describe('group.statusChanged', () => {
  const claims = ['alhurra:0-40', 'aljazeera:10-60', 'levant:5-50'];

  it('sets every member’s verdict in one event, in each claim’s history, and clears their re-check flags', () => {
    const versioned = event('Desk editor', [], { type: 'report.versioned', payload: { reportId: 'levant', replaces: 'levant-old', changes: [{ change: 'edited', claimId: 'levant:5-50', previousClaimId: 'levant-old:5-48', recheck: true }] } }, 1);
    const applied = event('Desk editor', [versioned], groupStatus('false', claims, 'The prison fell on Sunday'), 2);
    const state = deriveState([versioned, applied]);
    for (const claimId of claims) {
      expect(state.statuses.get(claimId)).toMatchObject({ status: 'false', note: 'The prison fell on Sunday', editor: 'Desk editor', seq: 2 });
      expect(state.claimEvents.get(claimId)?.at(-1)).toBe(2);
    }
    expect(state.recheck.size).toBe(0);
    expect(state.eventCount).toBe(2);
  });

  it('stands beside a colleague’s concurrent verdict on one member as a conflict, and nowhere else', () => {
    const root = event('Desk editor', [], { type: 'settings.changed', payload: { changes: { organizationName: 'Desk' } } }, 1);
    const applied = event('Desk editor', [root], groupStatus('false', claims, 'Denied'), 2);
    const single = event('Statements editor', [root], { type: 'claim.statusChanged', payload: { claimId: claims[1]!, reportId: 'aljazeera', from: 'unverified', to: 'verified', note: null, selector: selector('x') } }, 3);
    const state = deriveState([root, applied, single]);
    expect(state.statuses.get(claims[1]!)?.conflict?.map((v) => v.status).sort()).toEqual(['false', 'verified']);
    expect(state.statuses.get(claims[0]!)?.conflict).toBeUndefined();
    expect(statusOf(state, claims[2]!)).toBe('false');
    // Every replica agrees, whatever order the events came in.
    expect(replicaStateText(deriveState([single, applied, root]))).toBe(replicaStateText(state));
  });

  it('is refused with no claims or a claim named twice', () => {
    const check = (payload: unknown) => logEventSchema.safeParse({ id: 'e', seq: 1, at: '2024-12-02T10:00:00Z', editor: 'Desk editor', type: 'group.statusChanged', payload, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) }).success;
    const good = groupStatus('verified', claims).payload;
    expect(check(good)).toBe(true);
    expect(check({ ...good, claims: [] })).toBe(false);
    expect(check({ ...good, claims: [...(good as { claims: unknown[] }).claims, (good as { claims: unknown[] }).claims[0]] })).toBe(false);
  });
});
