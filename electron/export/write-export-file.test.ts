import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutputPath, writeExportFile } from './write-export-file';

let root: string;
let folder: string;
const OUTSIDE = 'a file outside the export folder';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'isnad-force-'));
  folder = join(root, 'exports');
  await mkdir(join(folder, 'sub'), { recursive: true });
  await writeFile(join(root, 'outside.txt'), OUTSIDE);
  execFileSync('mkfifo', [join(folder, 'pipe')]);
  await symlink(join(root, 'outside.txt'), join(folder, 'to-outside.csv'));
  await symlink('/dev/null', join(folder, 'to-device.csv'));
  await symlink(join(folder, 'missing.csv'), join(folder, 'dangling.csv'));
  await writeFile(join(folder, 'sub', 'real.csv'), 'old');
  await symlink(join(folder, 'sub', 'real.csv'), join(folder, 'to-inside.csv'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Both the early check and the write itself refuse, and leave the path as it was. */
async function expectRefused(name: string, message: RegExp): Promise<void> {
  const path = join(folder, name);
  const before = await lstat(path);
  await expect(checkOutputPath(path, true)).rejects.toThrow(message);
  await expect(writeExportFile(path, 'export', true)).rejects.toThrow(message);
  const after = await lstat(path);
  expect(after.ino).toBe(before.ino);
  expect(after.mode).toBe(before.mode);
  expect((await readdir(folder)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
}

describe('--force replaces only regular files', () => {
  it('replaces a regular file', async () => {
    const path = join(folder, 'plain.csv');
    await writeFile(path, 'old');
    await checkOutputPath(path, true);
    await writeExportFile(path, 'new', true);
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('refuses a device node without writing to it (the /dev/full attack)', async () => {
    await expect(checkOutputPath('/dev/full', true)).rejects.toThrow('/dev/full is not a regular file (a device, pipe or socket); --force replaces only regular files');
    expect((await lstat('/dev/full')).isCharacterDevice()).toBe(true);
  });

  it('refuses a named pipe', async () => {
    await expectRefused('pipe', /is not a regular file \(a device, pipe or socket\)/);
  });

  it('refuses a folder', async () => {
    await expectRefused('sub', /is a folder; give a file name to write/);
  });

  it('refuses a symbolic link leading out of the folder, and the file it points to is untouched', async () => {
    await expectRefused('to-outside.csv', /is a symbolic link to .*outside\.txt, outside .*exports; --force replaces only regular files in the folder you name/);
    await expectRefused('to-device.csv', /is a symbolic link to \/dev\/null, outside/);
    expect(await readFile(join(root, 'outside.txt'), 'utf8')).toBe(OUTSIDE);
    expect(await readlink(join(folder, 'to-outside.csv'))).toBe(join(root, 'outside.txt'));
  });

  it('refuses a link to nothing', async () => {
    await expectRefused('dangling.csv', /is a symbolic link to nothing/);
  });

  it('writes through a link to a regular file inside the folder, keeping the link', async () => {
    const path = join(folder, 'to-inside.csv');
    await writeExportFile(path, 'new', true);
    expect((await lstat(path)).isSymbolicLink()).toBe(true);
    expect(await readFile(join(folder, 'sub', 'real.csv'), 'utf8')).toBe('new');
  });
});
