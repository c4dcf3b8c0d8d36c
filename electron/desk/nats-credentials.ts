import { readFile } from 'node:fs/promises';
import { credsAuthenticator, nkeyAuthenticator, usernamePasswordAuthenticator, type Authenticator } from '@nats-io/transport-node';

/**
 * The credentials file named by the desk: a NATS `.creds` file (a user JWT and its NKey seed, for
 * servers with operator/account JWTs), a bare NKey user seed (`SU…`, for `authorization` or
 * `accounts` blocks with `nkey` users), or one `user:password` line (the one-machine quick start).
 */
export async function readCredentials(path: string): Promise<Authenticator> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `the credentials file ${path} does not exist` : `cannot read the credentials file ${path} (${code ?? (error as Error).message})`);
  }
  const trimmed = text.trim();
  if (trimmed.includes('-----BEGIN NATS USER JWT-----')) return credsAuthenticator(new TextEncoder().encode(text));
  if (/^SU[A-Z2-7]{56}$/.test(trimmed)) return nkeyAuthenticator(new TextEncoder().encode(trimmed));
  const colon = trimmed.indexOf(':');
  if (colon > 0 && !trimmed.includes('\n')) return usernamePasswordAuthenticator(trimmed.slice(0, colon), trimmed.slice(colon + 1));
  throw new Error(`${path} is not a NATS credentials file (.creds), an NKey user seed (SU…) or a user:password line`);
}
