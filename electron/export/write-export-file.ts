import { randomBytes } from 'node:crypto';
import { access, constants, link, lstat, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, sep } from 'node:path';

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
  const existing = await lstat(path).catch(() => null);
  if (existing?.isDirectory()) throw new OutputFileError(`${path} is a folder; give a file name to write`);
  if (existing && !overwrite) throw new OutputFileError(`${path} already exists; pass --force to replace it`);
  if (existing) await replaceableTarget(path);
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
  // Checked again right before writing: the path may have changed since checkOutputPath.
  const target = overwrite ? await replaceableTarget(path) : path;
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
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
    if (overwrite) await rename(temp, target);
    else await linkNoClobber(temp, path);
  } catch (error) {
    if (error instanceof OutputFileError) throw error;
    throw new OutputFileError(`cannot write ${path}: ${reason(error)}`);
  } finally {
    await rm(temp, { force: true });
  }
}

function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

/**
 * What --force may replace: a regular file, or a symbolic link to a regular file inside the same
 * folder (the file it points to is replaced, not the link). A device (`/dev/full`), a pipe, a
 * folder, or a link leading out of the folder is refused: replacing it would break the system or
 * write somewhere the editor did not name. Returns the path to write to.
 */
async function replaceableTarget(path: string): Promise<string> {
  const info = await lstat(path).catch(() => null);
  if (!info) return path;
  if (info.isDirectory()) throw new OutputFileError(`${path} is a folder; give a file name to write`);
  if (info.isSymbolicLink()) {
    const real = await realpath(path).catch(() => null);
    if (real === null) throw new OutputFileError(`${path} is a symbolic link to nothing; --force replaces only regular files`);
    const folder = await realpath(dirname(path));
    if (!isInside(folder, real)) throw new OutputFileError(`${path} is a symbolic link to ${real}, outside ${folder}; --force replaces only regular files in the folder you name`);
    if (!(await stat(real)).isFile()) throw new OutputFileError(`${path} is a symbolic link to ${real}, which is not a regular file; --force replaces only regular files`);
    return real;
  }
  if (!info.isFile()) throw new OutputFileError(`${path} is not a regular file (a device, pipe or socket); --force replaces only regular files`);
  return path;
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
