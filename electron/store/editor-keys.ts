import { chmod, mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { editorKeyFromPem, generateEditorKeyPem, type EditorKey } from '../crypto/ed25519';
import { sha256Hex } from '../crypto/sha256';
import { defaultDataDir } from '../default-data-dir';

/**
 * Where an editor's private key is kept. The CLI and the browser mode use a 0600 file; the
 * desktop app passes one backed by the OS keychain (Electron's safeStorage).
 */
export interface KeyVault {
  /** The editor's private key (PKCS#8 PEM), or null if this vault has none yet. */
  read(editor: string): Promise<string | null>;
  /** Stores a new key; never replaces one that exists. */
  create(editor: string, pem: string): Promise<void>;
}

/** Keys live outside any data folder, so a copied folder cannot be re-signed with them. */
export function defaultKeysDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ISNAD_KEYS_DIR) return env.ISNAD_KEYS_DIR;
  const { ISNAD_DATA_DIR: _ignored, ...rest } = env;
  return join(dirname(defaultDataDir(rest, platform)), 'Isnad Keys');
}

export function keyFileName(editor: string): string {
  return `${sha256Hex(editor.normalize('NFC')).slice(0, 32)}.key`;
}

/** One 0600 file per editor in a 0700 folder. */
export function fileKeyVault(dir: string = defaultKeysDir()): KeyVault {
  return {
    async read(editor) {
      try {
        return await readFile(join(dir, keyFileName(editor)), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async create(editor, pem) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await chmod(dir, 0o700).catch(() => undefined);
      // 'wx': a key that exists is never replaced (two processes making one at once keep the first).
      const handle = await open(join(dir, keyFileName(editor)), 'wx', 0o600);
      try {
        await handle.writeFile(pem, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
  };
}

/** Each editor's signing key, made on first use and kept in the vault. */
export class EditorKeys {
  private readonly cache = new Map<string, EditorKey>();

  constructor(private readonly vault: KeyVault) {}

  async forEditor(editor: string): Promise<EditorKey> {
    const cached = this.cache.get(editor);
    if (cached) return cached;
    let pem = await this.vault.read(editor);
    if (pem === null) {
      try {
        await this.vault.create(editor, generateEditorKeyPem());
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot keep a signing key for ${editor}: ${(error as Error).message}`);
      }
      pem = await this.vault.read(editor);
      if (pem === null) throw new Error(`the signing key for ${editor} was not kept`);
    }
    let key: EditorKey;
    try {
      key = editorKeyFromPem(pem);
    } catch (error) {
      throw new Error(`the signing key for ${editor} cannot be used (${(error as Error).message}); nothing was changed`);
    }
    this.cache.set(editor, key);
    return key;
  }
}
