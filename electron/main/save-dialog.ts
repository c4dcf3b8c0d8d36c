import { dialog, type BrowserWindow } from 'electron';
import type { Reply } from '../../shared/contract/channels';
import { saveFileInputSchema } from '../../shared/contract/desktop';
import { formatZodError } from '../../shared/model/format-error';
import { writeFileAtomic } from '../store/atomic-json-file';

/** Saves an export where the editor chooses; the system dialog asks before replacing a file. */
export async function saveWithDialog(window: BrowserWindow, input: unknown): Promise<Reply<{ saved: boolean; path: string | null }>> {
  const parsed = saveFileInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: 'invalid-input', error: formatZodError(parsed.error) };
  const { fileName, content } = parsed.data;
  // Linux dialogs confirm an overwrite only when asked to; macOS and Windows always do.
  const { canceled, filePath } = await dialog.showSaveDialog(window, {
    defaultPath: fileName,
    title: 'Export verification log',
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (canceled || !filePath) return { ok: true, value: { saved: false, path: null } };
  try {
    await writeFileAtomic(filePath, content);
    return { ok: true, value: { saved: true, path: filePath } };
  } catch (error) {
    return { ok: false, code: 'write-failed', error: `could not write ${filePath}: ${(error as Error).message}` };
  }
}
