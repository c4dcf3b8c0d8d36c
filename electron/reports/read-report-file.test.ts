import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportFile } from './read-report-file';

const TEXT = 'Officials said on Sunday that 40 people were killed in Aleppo.';
const SECRET = 'root:x:0:0:secret account line';

let root: string;
let reports: string;

async function reportFile(name: string, textFile: string): Promise<string> {
  const path = join(reports, name);
  await writeFile(path, JSON.stringify({ kind: 'isnad-report', schemaVersion: 1, id: 'wire-story', outlet: 'Wire', title: 'Story', publishedAt: null, language: 'en', url: null, textFile }));
  return path;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'isnad-report-file-'));
  reports = join(root, 'reports');
  await mkdir(join(reports, 'texts'), { recursive: true });
  await writeFile(join(root, 'secret.txt'), SECRET);
  await writeFile(join(reports, 'story.txt'), TEXT);
  await writeFile(join(reports, 'texts', 'story.txt'), TEXT);
  await symlink(join(root, 'secret.txt'), join(reports, 'looks-local.txt'));
  await symlink(join(reports, 'story.txt'), join(reports, 'alias.txt'));
  await symlink(root, join(reports, 'up'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a report file names its text file', () => {
  it.each(['story.txt', 'texts/story.txt', './texts/../story.txt', 'alias.txt'])('reads %s, inside its own folder', async (textFile) => {
    expect((await readReportFile(await reportFile('ok.json', textFile))).text).toBe(TEXT);
  });

  it.each([
    ['a path up and out', '../secret.txt'],
    ['a long climb to a system file', '../../../../../../../../etc/passwd'],
    ['an absolute path', '/etc/passwd'],
    ['a symlink in the folder that points outside it', 'looks-local.txt'],
    ['a path through a symlinked folder', 'up/secret.txt'],
    ['the folder itself', '.'],
  ])('refuses %s with one clear line', async (_what, textFile) => {
    const error = await readReportFile(await reportFile('hostile.json', textFile)).then(
      () => null,
      (caught: Error) => caught,
    );
    expect(error?.message).toMatch(/^hostile\.json: its textFile ".*" is outside the report file's folder; a report file may only name a text file in its own folder$/);
    expect(error?.message).not.toContain(SECRET);
  });

  it('says so when the text file does not exist', async () => {
    await expect(readReportFile(await reportFile('missing.json', 'gone.txt'))).rejects.toThrow('missing.json: its textFile "gone.txt" does not exist');
  });
});
