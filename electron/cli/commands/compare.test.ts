import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, type CliIo } from '../cli-io';
import { compareCommand, type CompareJson } from './compare';

const ALHURRA = 'fixtures/reports/000-alhurra-aleppo.json';
const ALJAZEERA = 'fixtures/reports/001-aljazeera-mubasher-aleppo.json';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}

/** The one line a failing command leaves for the user. */
async function failure(args: string[]): Promise<CliError> {
  const io = capture();
  const error = await compareCommand(args, io).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  expect(io.stdout).toEqual([]);
  return error as CliError;
}

describe('compare --json on the fixtures', () => {
  it('prints both reports with their claims, and the matches with their differences', async () => {
    const io = capture();
    expect(await compareCommand([ALHURRA, ALJAZEERA, '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout.join('\n')) as CompareJson;
    expect(out.reports.map((r) => r.outlet)).toEqual(['الحرة', 'الجزيرة مباشر']);
    expect(Object.keys(out.reports[0]!).sort()).toEqual(['claims', 'id', 'outlet', 'title']);
    for (const claim of out.reports[0]!.claims) expect(Object.keys(claim).filter((k) => k !== 'frame').sort()).toEqual(['end', 'id', 'start', 'text']);
    const claimText = new Map(out.reports.flatMap((r) => r.claims.map((c) => [c.id, c.text] as const)));
    const neighbourhoods = out.matches.find((m) => claimText.get(m.a)?.includes('على كل الأحياء') && claimText.get(m.b)?.includes('معظم أحياء المدينة'));
    expect(neighbourhoods).toMatchObject({ relation: 'contradicts' });
    expect(neighbourhoods?.differences).toContainEqual(expect.objectContaining({ kind: 'quantifier', a: 'كل', b: 'معظم' }));
    for (const m of out.matches) {
      expect(Object.keys(m).sort()).toEqual(['a', 'b', 'differences', 'relation', 'score']);
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });

  it('takes a .txt report, whose outlet is its file name', async () => {
    const io = capture();
    expect(await compareCommand(['fixtures/reports/000-alhurra-aleppo.txt', ALJAZEERA, '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout.join('\n')) as CompareJson;
    expect(out.reports[0]?.outlet).toBe('000-alhurra-aleppo');
    expect(out.matches.some((m) => m.relation === 'same')).toBe(true);
  });
});

describe('compare without --json', () => {
  it('prints a readable table: links with relation, score and differences, then single-source counts', async () => {
    const io = capture();
    expect(await compareCommand([ALHURRA, ALJAZEERA], io)).toBe(0);
    const out = io.stdout.join('\n');
    expect(out).toMatch(/Linked claims: \d+ \(\d+ contradict, \d+ same, \d+ related\)/);
    expect(out).toContain('≠  quantifier: كل ≠ معظم (they cannot both be right)');
    expect(out).toMatch(/Only in A \(الحرة\): \d+ of \d+ claims/);
    expect(out).toMatch(/Only in B \(الجزيرة مباشر\): \d+ of \d+ claims/);
  });
});

describe('compare on bad input', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'isnad-compare-'));
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'blank.txt'), '  \n\n ');
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    await writeFile(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]));
    await writeFile(join(dir, 'not-a-report.json'), JSON.stringify({ hello: 'world' }));
    await writeFile(join(dir, 'broken.json'), '{ "kind": ');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says which file is missing', async () => {
    const error = await failure([join(dir, 'nope.txt'), ALJAZEERA]);
    expect(error.message).toBe(`${join(dir, 'nope.txt')}: no such file`);
    expect(error.exitCode).toBe(1);
  });

  it('refuses empty, binary and non-UTF-8 files, and JSON that is not a report, in one line', async () => {
    const cases: Array<[string, RegExp]> = [
      ['empty.txt', /^empty\.txt is empty$/],
      ['blank.txt', /^blank\.txt is empty$/],
      ['binary.txt', /^binary\.txt looks like a binary file/],
      ['latin1.txt', /^latin1\.txt is not valid UTF-8 text/],
      ['not-a-report.json', /^not-a-report\.json is not an Isnad report: /],
      ['broken.json', /^broken\.json is not valid JSON: /],
    ];
    for (const [name, message] of cases) {
      const error = await failure([ALHURRA, join(dir, name)]);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    }
  });

  it('prints the usage line for a wrong number of files or an unknown option', async () => {
    for (const args of [[], [ALHURRA], [ALHURRA, ALJAZEERA, ALHURRA], [ALHURRA, ALJAZEERA, '--yaml']]) {
      const error = await failure(args);
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain('usage: compare <fileA> <fileB> [<fileC>…] [--json]');
      expect(error.message).not.toContain('\n');
    }
  });

  it('prints the usage for --help', async () => {
    const io = capture();
    expect(await compareCommand(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('usage: compare');
  });
});
