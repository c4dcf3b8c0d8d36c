import { safeStorage } from 'electron';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyFileName, type KeyVault } from '../store/editor-keys';

/**
 * Editors' private keys in the desktop app: encrypted by the OS keychain (Electron's safeStorage:
 * Keychain on macOS, DPAPI on Windows, the Secret Service on Linux), kept as 0600 files.
 */
export function keychainVault(dir: string): KeyVault {
  const pathOf = (editor: string) => join(dir, `${keyFileName(editor)}.enc`);
  return {
    async read(editor) {
      let sealed: Buffer;
      try {
        sealed = await readFile(pathOf(editor));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      return safeStorage.decryptString(sealed);
    },
    async create(editor, pem) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('the OS keychain is not available to protect the signing key');
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const handle = await open(pathOf(editor), 'wx', 0o600);
      try {
        await handle.writeFile(safeStorage.encryptString(pem));
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
  };
}
