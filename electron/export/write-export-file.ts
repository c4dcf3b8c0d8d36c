import { randomBytes } from 'node:crypto';
import { access, constants, link, lstat, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The output path cannot be used; the message says why in the editor's words. */
export class OutputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFileError';
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOENT':
      return 'the folder does not exist';
    default:
      return code ?? (error as Error).message;
  }
}

/**
 * Checks that `path` can be written before any work is done, so a typo costs nothing: the folder
 * must exist and be writable, and an existing file is only replaced when the caller says so.
 */
export async function checkOutputPath(path: string, overwrite: boolean): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new OutputFileError(`${path} is a folder; give a file name to write`);
  if (existing && !overwrite) throw new OutputFileError(`${path} already exists; pass --force to replace it`);
  const folder = dirname(path);
  const info = await stat(folder).catch(() => null);
  if (!info) throw new OutputFileError(`cannot write ${path}: the folder ${folder} does not exist`);
  if (!info.isDirectory()) throw new OutputFileError(`cannot write ${path}: ${folder} is not a folder`);
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw new OutputFileError(`cannot write ${path}: ${reason(error)}`);
  }
}

/**
 * Writes a whole file or nothing: the content goes to a temp file beside the target, is flushed,
 * then takes the target's name. Without `overwrite` the name is taken with link(), which fails if
 * the target appeared meanwhile, so an existing file is never replaced by surprise; file systems
 * without hard links fall back to a check then a rename.
 */
export async function writeExportFile(path: string, content: string, overwrite: boolean): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  let handle;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle?.close();
    await rm(temp, { force: true });
    throw new OutputFileError(`cannot write ${path}: ${reason(error)}`);
  }
  await handle.close();
  try {
    if (overwrite) await rename(temp, path);
    else await linkNoClobber(temp, path);
  } catch (error) {
    if (error instanceof OutputFileError) throw error;
    throw new OutputFileError(`cannot write ${path}: ${reason(error)}`);
  } finally {
    await rm(temp, { force: true });
  }
}

async function linkNoClobber(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new OutputFileError(`${path} already exists; pass --force to replace it`);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
  }
  if (await lstat(path).catch(() => null)) throw new OutputFileError(`${path} already exists; pass --force to replace it`);
  await rename(temp, path);
}
