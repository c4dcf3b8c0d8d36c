import { createHash, createPublicKey, verify } from 'node:crypto';
import type { LogCrypto } from '../log-check';

/** The log's crypto for tests of the pure checks in shared/: SHA-256 and Ed25519 from Node. */
export const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');
/** DER prefix of a raw Ed25519 public key in SPKI form. */
export const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const testLogCrypto: LogCrypto = {
  sha256,
  keyId: (publicKey) => sha256(Buffer.from(publicKey, 'base64')),
  verify: (publicKey, text, signature) =>
    verify(null, Buffer.from(text), createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKey, 'base64')]), format: 'der', type: 'spki' }), Buffer.from(signature, 'base64')),
};
