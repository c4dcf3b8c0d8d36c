import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ED25519_SPKI_PREFIX, sha256, testLogCrypto } from './testing/test-log-crypto';
import { eventHashInput, eventSigningText } from './events';
import { checkIncoming } from './incoming-events';
import { checkLog } from './log-check';

const PREFIX = ED25519_SPKI_PREFIX;
const crypto = testLogCrypto;

function editorKey(editor: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(PREFIX.length).toString('base64');
  const id = crypto.keyId(raw);
  const seal = (body: Record<string, unknown>, parents: string[]) => {
    const unsigned = { v: 3, id: `${editor}-${Math.random()}`, at: '2024-12-01T10:00:00.000Z', editor, key: id, ...body, parents: [...parents].sort() };
    const hash = sha256(eventHashInput(unsigned));
    return { ...unsigned, hash, sig: sign(null, Buffer.from(eventSigningText(hash)), privateKey).toString('base64') } as Record<string, unknown> & { hash: string };
  };
  const registration = seal({ type: 'key.registered', payload: { keyId: id, publicKey: raw, editor } }, []);
  return { id, raw, seal, registration };
}
const change = (name: string) => ({ type: 'settings.changed', payload: { changes: { organizationName: name } } });
const nothingHeld = { holds: () => false, keys: new Map() };

describe('checkIncoming', () => {
  const desk = editorKey('Desk editor');
  const first = desk.seal(change('Desk'), [desk.registration.hash]);

  it('takes well formed, signed events whose parents come with them, parents first whatever the order', () => {
    const result = checkIncoming([first, desk.registration], nothingHeld, crypto);
    expect(result.refused).toEqual([]);
    expect(result.accepted.map((event) => event.hash)).toEqual([desk.registration.hash, first.hash]);
  });

  it('refuses what it cannot trust, says why, and refuses what follows it', () => {
    const forged = { ...first, payload: { changes: { organizationName: 'Forged' } } } as Record<string, unknown>;
    forged.hash = sha256(eventHashInput(forged));
    const afterForged = desk.seal(change('After'), [forged.hash as string]);
    const impostor = editorKey('Casualties editor');
    const claimsToBeDesk = impostor.seal({ ...change('Impostor'), editor: 'Desk editor' }, [impostor.registration.hash]);
    const numbered = { ...first, seq: 4 };
    const result = checkIncoming([desk.registration, forged, afterForged, impostor.registration, claimsToBeDesk, numbered, 'text', { ...first, hash: 'f'.repeat(64) }], nothingHeld, crypto);
    const reasons = result.refused.map((refused) => refused.reason);
    expect(reasons).toContain('forged: its signature does not match');
    expect(reasons).toContain(`follows a refused event (${(forged.hash as string).slice(0, 12)}…)`);
    expect(reasons).toContain('signed with the key of Casualties editor, but says it was made by Desk editor');
    expect(reasons).toContain('carries a sequence number: an event shared with colleagues has none (each folder numbers its own)');
    expect(reasons).toContain('not an event (not a JSON object)');
    expect(reasons).toContain('altered: its content does not match its hash');
    expect(result.accepted.map((event) => event.hash)).toEqual([desk.registration.hash, impostor.registration.hash]);
  });

  it('holds back an event whose parents neither this folder nor the batch has', () => {
    const result = checkIncoming([first], nothingHeld, crypto);
    expect(result).toMatchObject({ accepted: [], refused: [], waiting: [{ hash: first.hash }] });
  });
});

describe('checkLog on the DAG', () => {
  const desk = editorKey('Desk editor');
  const a = desk.seal(change('A'), [desk.registration.hash]);
  const b = desk.seal(change('B'), [desk.registration.hash]);
  const merge = desk.seal(change('Merged'), [a.hash, b.hash]);
  const entries = (events: Record<string, unknown>[]) => events.map((event, i) => ({ stored: { ...event, seq: i + 1 } as never, event: { ...event, seq: i + 1 } as never, file: 'log' }));

  it('accepts parents stored before their children, in any interleaving', () => {
    expect(checkLog(entries([desk.registration, b, a, merge]), crypto).problems).toEqual([]);
  });

  it('names an event whose parent the log does not hold, and an event stored twice', () => {
    expect(checkLog(entries([desk.registration, a, merge]), crypto).problems).toMatchObject([{ kind: 'missing', from: 3, message: expect.stringMatching(/follows an event the log does not hold/) }]);
    expect(checkLog(entries([desk.registration, a, a]), crypto).problems).toMatchObject([{ kind: 'altered', from: 3, message: expect.stringMatching(/stored twice/) }]);
  });
});
