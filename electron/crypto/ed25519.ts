import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { LogCrypto } from '../../shared/model/log-check';
import { sha256Hex } from './sha256';

/** The 12-byte DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** An editor's signing key, ready to use. */
export interface EditorKey {
  /** SHA-256 (hex) of the raw public key: how events name the key. */
  id: string;
  /** Base64 of the raw 32-byte public key, as registered in the log. */
  publicKey: string;
  sign(text: string): string;
}

export function generateEditorKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function editorKeyFromPem(pem: string): EditorKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 private key');
  const raw = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).subarray(SPKI_PREFIX.length);
  return {
    id: sha256Hex(raw),
    publicKey: raw.toString('base64'),
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
  };
}

const publicKeys = new Map<string, KeyObject>();
function publicKeyObject(publicKey: string): KeyObject {
  let key = publicKeys.get(publicKey);
  if (!key) {
    const raw = Buffer.from(publicKey, 'base64');
    if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    publicKeys.set(publicKey, key);
  }
  return key;
}

export const nodeLogCrypto: LogCrypto = {
  sha256: (text) => sha256Hex(text),
  keyId: (publicKey) => sha256Hex(Buffer.from(publicKey, 'base64')),
  verify: (publicKey, text, signature) => verify(null, Buffer.from(text, 'utf8'), publicKeyObject(publicKey), Buffer.from(signature, 'base64')),
};
