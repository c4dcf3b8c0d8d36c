import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { checkChain, eventHashInput, GENESIS_HASH, type LogEvent } from './events';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function chain(count: number): LogEvent[] {
  const events: LogEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const unsigned = { id: `e${seq}`, seq, at: '2024-12-01T10:00:00.000Z', editor: 'Desk editor', type: 'settings.changed' as const, payload: { changes: { organizationName: `Desk ${seq}` } }, prevHash };
    const event = { ...unsigned, hash: sha256(eventHashInput(unsigned)) };
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

describe('canonicalJson', () => {
  it('does not depend on key order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'د', c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":"د"}],"b":1}');
  });
});

describe('checkChain', () => {
  it('accepts an intact chain', () => {
    expect(checkChain(chain(5), sha256)).toMatchObject({ ok: true, count: 5 });
  });

  it('names the first altered event', () => {
    const events = chain(5);
    (events[2]!.payload as { changes: { organizationName: string } }).changes.organizationName = 'Someone else';
    expect(checkChain(events, sha256)).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/altered/) });
  });

  it('notices a removed event and a re-hashed forgery', () => {
    const events = chain(5);
    expect(checkChain([...events.slice(0, 2), ...events.slice(3)], sha256)).toMatchObject({ ok: false, reason: expect.stringMatching(/#3 is missing/) });
    const forged = chain(5);
    const { hash: _hash, ...unsigned } = forged[1]!;
    forged[1] = { ...forged[1]!, editor: 'Forger', hash: sha256(eventHashInput({ ...unsigned, editor: 'Forger' })) };
    expect(checkChain(forged, sha256)).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/does not follow/) });
  });
});
