import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ED25519_SPKI_PREFIX, sha256, testLogCrypto } from './testing/test-log-crypto';
import { canonicalJson } from './canonical-json';
import { eventHashInput, eventSigningText, GENESIS_HASH, type LogEvent } from './events';
import { checkLog, type LogEntry } from './log-check';

const PREFIX = ED25519_SPKI_PREFIX;
const crypto = testLogCrypto;
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const rawPublic = publicKey.export({ type: 'spki', format: 'der' }).subarray(PREFIX.length).toString('base64');
const keyId = crypto.keyId(rawPublic);

function seal(unsigned: Record<string, unknown>, signed: boolean): LogEvent {
  const hash = sha256(eventHashInput(unsigned));
  return { ...unsigned, hash, ...(signed ? { sig: sign(null, Buffer.from(eventSigningText(hash)), privateKey).toString('base64') } : {}) } as LogEvent;
}

/** `count` events; signed ones start with the key registration. */
function chain(count: number, signed = false): LogEvent[] {
  const events: LogEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const envelope = signed ? { v: 2, key: keyId } : {};
    const body =
      signed && seq === 1
        ? { type: 'key.registered', payload: { keyId, publicKey: rawPublic, editor: 'Desk editor' } }
        : { type: 'settings.changed', payload: { changes: { organizationName: `Desk ${seq}` } } };
    const event = seal({ ...envelope, id: `e${seq}`, seq, at: '2024-12-01T10:00:00.000Z', editor: 'Desk editor', ...body, prevHash }, signed);
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}
const entries = (events: LogEvent[]): LogEntry[] => events.map((event) => ({ stored: event, event, file: 'log' }));

describe('canonicalJson', () => {
  it('does not depend on key order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'د', c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":"د"}],"b":1}');
  });
});

describe('checkLog', () => {
  it('accepts an intact chain, signed or from before signatures', () => {
    expect(checkLog(entries(chain(5)), crypto)).toMatchObject({ problems: [], count: 5, unsigned: 5 });
    expect(checkLog(entries(chain(5, true)), crypto)).toMatchObject({ problems: [], count: 5, unsigned: 0, signers: [{ keyId, editor: 'Desk editor', events: 5 }] });
  });

  it('names the altered event', () => {
    const events = chain(5);
    (events[2]!.payload as { changes: { organizationName: string } }).changes.organizationName = 'Someone else';
    expect(checkLog(entries(events), crypto).problems).toMatchObject([{ kind: 'altered', from: 3, message: expect.stringMatching(/altered/) }]);
  });

  it('names a removed event, and a re-hashed forgery', () => {
    const events = chain(5);
    expect(checkLog(entries([...events.slice(0, 2), ...events.slice(3)]), crypto).problems).toMatchObject([{ kind: 'missing', from: 3, to: 3 }]);
    const forged = chain(5);
    const { hash: _hash, ...unsigned } = forged[1]!;
    forged[1] = { ...forged[1]!, editor: 'Forger', hash: sha256(eventHashInput({ ...unsigned, editor: 'Forger' })) };
    expect(checkLog(entries(forged), crypto).problems).toMatchObject([{ kind: 'altered', from: 3, message: expect.stringMatching(/does not follow/) }]);
  });

  it('catches a signed log rewritten with every hash recomputed: the signatures no longer match', () => {
    const events = chain(6, true);
    let prevHash = events[2]!.hash;
    for (let i = 3; i < events.length; i++) {
      const { hash: _h, sig, ...rest } = events[i]!;
      const body = i === 3 ? { ...rest, editor: 'Forger', prevHash } : { ...rest, prevHash };
      events[i] = { ...body, hash: sha256(eventHashInput(body)), sig } as LogEvent;
      prevHash = events[i]!.hash;
    }
    const problems = checkLog(entries(events), crypto).problems;
    expect(problems.map((p) => [p.kind, p.from, p.to])).toEqual([['bad-signature', 4, 6]]);
    expect(problems[0]!.message).toBe('events #4–#6 in log have signatures that do not match (they were forged or altered)');
  });

  it('refuses an unsigned event after signed ones, and a key the log never registered', () => {
    const events = chain(3, true);
    const unsigned = seal({ id: 'x', seq: 4, at: '2024-12-01T10:00:00.000Z', editor: 'Forger', type: 'settings.changed', payload: { changes: {} }, prevHash: events[2]!.hash }, false);
    expect(checkLog(entries([...events, unsigned]), crypto).problems).toMatchObject([{ kind: 'unsigned', from: 4 }]);
    const stranger = seal({ v: 2, key: 'f'.repeat(64), id: 'y', seq: 4, at: '2024-12-01T10:00:00.000Z', editor: 'Forger', type: 'settings.changed', payload: { changes: {} }, prevHash: events[2]!.hash }, true);
    expect(checkLog(entries([...events, stranger]), crypto).problems).toMatchObject([{ kind: 'unknown-key', from: 4 }]);
  });

  it('names the missing range when the log ends before its head checkpoint', () => {
    const events = chain(8, true);
    const head = { seq: 8, hash: events[7]!.hash, file: 'head.json' };
    expect(checkLog(entries(events.slice(0, 5)), crypto, { head }).problems).toMatchObject([{ kind: 'truncated', from: 6, to: 8 }]);
    expect(checkLog(entries(events), crypto, { head }).problems).toEqual([]);
  });

  it('reports a recorded gap instead of damage', () => {
    const events = chain(8, true);
    const kept = [...events.slice(0, 3), ...events.slice(6)];
    expect(checkLog(entries(kept), crypto).problems).toMatchObject([{ kind: 'missing', from: 4, to: 6 }]);
    const gaps = [{ from: 4, to: 6, seq: 9, editor: 'Desk editor', reason: 'disk damage' }];
    expect(checkLog(entries(kept), crypto, { gaps })).toMatchObject({ problems: [], gaps });
  });
});
