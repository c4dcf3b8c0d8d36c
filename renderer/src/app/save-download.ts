import { desktop } from '../api/client';

/**
 * Hands an export to the editor: the system save dialog in the desktop app (which asks before
 * replacing a file), a download in the browser (which never replaces one).
 */
export async function saveExport(file: { fileName: string; mimeType: string; content: string }): Promise<string | null> {
  if (desktop) {
    const reply = await desktop.saveFile(file);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value.saved ? reply.value.path : null;
  }
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file.fileName;
}
