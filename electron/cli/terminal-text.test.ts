import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo, eventCount } from './commands/cli-test-kit';
import { runCli } from './run-cli';
import { inert } from './terminal-text';

const ESC = '\u001b';
/** A fake green verification line, a window title and a hidden OSC 8 hyperlink, as an attacker would plant them. */
const FAKE_OK = `${ESC}[2K\r${ESC}[32mOK: 999 events, chain intact${ESC}[0m`;
const TITLE = `${ESC}]0;pwned${'\u0007'}`;
const HIDDEN_LINK = `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`;
const RLO = '\u202e';
const CSI_C1 = '\u009b31m';
/** Anything a terminal would act on: C0 but the line break, DEL, C1, the separators, and an override outside an isolate. */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

function hasLooseOverride(text: string): boolean {
  return text.split('\n').some((line) => /\u202e/.test(line.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, '')));
}

describe('inert', () => {
  it('shows control characters as escapes and keeps the line breaks', () => {
    expect(inert(`a${ESC}[31mb\u0007c\rd\u007fe${CSI_C1}\u2028f\ng\th`)).toBe('a\\x1b[31mb\\x07c\\x0dd\\x7fe\\x9b31m\\u2028f\ng\\x09h');
  });

  it('escapes a bidi override outside an isolate and keeps one inside', () => {
    expect(inert(`Gazette ${RLO}exe.tnemyap`)).toBe('Gazette \\u202eexe.tnemyap');
    expect(inert(`Gazette \u2068${RLO}exe.tnemyap\u2069 rest`)).toBe(`Gazette \u2068${RLO}exe.tnemyap\u2069 rest`);
    // An isolate that is never closed would swallow the rest of the line: escaped too.
    expect(inert(`Gazette \u2067${RLO}x`)).toBe('Gazette \\u2067\\u202ex');
  });

  it('leaves ordinary text alone, Arabic included', () => {
    const text = 'قال المرصد إن 40 شخصاً قتلوا في حلب — “all” neighbourhoods, 16.7 million';
    expect(inert(text)).toBe(text);
  });
});

describe('every human-readable print path goes through say()', () => {
  it('no command writes to io.out or io.err directly', () => {
    const folder = join(import.meta.dirname, 'commands');
    const sources = [
      ...readdirSync(folder)
        .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'cli-test-kit.ts')
        .map((name) => join(folder, name)),
      join(import.meta.dirname, 'run-cli.ts'),
    ];
    expect(sources.length).toBeGreaterThan(5);
    for (const path of sources) expect(readFileSync(path, 'utf8'), path).not.toMatch(/\bio\.(out|err)\(/);
  });
});

describe('hostile text through the CLI', () => {
  let root: string;
  let dataDir: string;
  let reportId: string;
  let claimId: string;
  const cli = async (...args: string[]) => {
    const io = captureIo();
    const code = await runCli(args, io);
    return { code, out: io.outLines.join('\n'), err: io.errLines.join('\n') };
  };
  const data = (...args: string[]) => cli(...args, '--data-dir', dataDir);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'isnad-cli-inert-'));
    dataDir = join(root, 'data');
    await mkdir(dataDir);
    const story = join(root, 'story.txt');
    await writeFile(story, `Officials said on Sunday that 40 people were killed in Aleppo. ${FAKE_OK}\n\nThe ministry said 12 hospitals closed on Monday. ${HIDDEN_LINK}\n`);
    const imported = await data('reports', 'import', story, '--outlet', `Gazette ${RLO}exe.tnemyap ${TITLE}`, '--title', `Toll ${FAKE_OK}`, '--editor', `Night editor ${TITLE}`);
    expect(imported.code, imported.err).toBe(0);
    reportId = imported.out;
    const listed = JSON.parse((await data('claims', 'list', '--json', '--report', reportId)).out) as Array<{ claimId: string }>;
    claimId = listed[0]!.claimId;
    const set = await data('claims', 'set-status', claimId, '--status', 'false', '--note', `checked ${HIDDEN_LINK}\n${FAKE_OK}`, '--editor', `Desk editor ${CSI_C1}`);
    expect(set.code, set.err).toBe(0);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.each([
    ['reports list', ['reports', 'list']],
    ['claims list', ['claims', 'list']],
    ['claims show', ['claims', 'show', '<claim>']],
    ['log show', ['log', 'show']],
    ['claims set-status', ['claims', 'set-status', '<claim>', '--status', 'misleading', '--note', 'partly', '--editor', `Desk editor ${CSI_C1}`]],
  ])('%s shows every control character escaped', async (_name, args) => {
    const before = await eventCount(dataDir);
    const run = await data(...args.map((arg) => (arg === '<claim>' ? claimId : arg)));
    expect(run.code, run.err).toBe(0);
    expect(ACTIVE.test(run.out), JSON.stringify(run.out)).toBe(false);
    expect(hasLooseOverride(run.out)).toBe(false);
    // What was planted is still visible, as text.
    if (args[0] !== 'claims' || args[1] !== 'set-status') expect(run.out).toMatch(/\\x1b\[32mOK: 999 events|\\x1b\]0;pwned|\\u202e|\\x9b31m/);
    // A status set again to the same value records a new event; nothing else does.
    expect(await eventCount(dataDir)).toBe(before + (args[1] === 'set-status' ? 1 : 0));
  });

  it('compare shows outlet and title escaped', async () => {
    const hostile = join(root, 'hostile.json');
    await writeFile(hostile, JSON.stringify({ kind: 'isnad-report', schemaVersion: 1, id: 'gazette', outlet: `Gazette ${TITLE}`, title: `Toll ${FAKE_OK}`, publishedAt: null, language: 'en', url: null, text: `Officials said on Sunday that 40 people were killed in Aleppo. ${FAKE_OK}` }));
    const fixture = join(import.meta.dirname, '../../fixtures/reports/000-alhurra-aleppo.json');
    const run = await cli('compare', fixture, hostile);
    expect(run.code, run.err).toBe(0);
    expect(ACTIVE.test(run.out)).toBe(false);
    expect(run.out).toContain('Gazette \\x1b]0;pwned\\x07');
  });

  it('an error naming hostile input is escaped too, on one line', async () => {
    const run = await data('reports', 'remove', `nope${FAKE_OK}`, '--editor', 'Desk editor');
    expect(run.code).toBe(1);
    expect(run.err.split('\n')).toHaveLength(1);
    expect(ACTIVE.test(run.err)).toBe(false);
    expect(run.err).toContain('nope\\x1b[2K\\x0d\\x1b[32mOK');
  });

  it('--json stays exact: the planted characters come back as stored', async () => {
    const reports = JSON.parse((await data('reports', 'list', '--json')).out) as Array<{ id: string; outlet: string; title: string }>;
    expect(reports.find((r) => r.id === reportId)).toMatchObject({ outlet: `Gazette ${RLO}exe.tnemyap ${TITLE}`, title: `Toll ${FAKE_OK}` });
    const events = JSON.parse((await data('log', 'show', '--json')).out) as Array<{ editor: string; payload: { note?: string } }>;
    expect(events.some((event) => event.editor === `Night editor ${TITLE}`)).toBe(true);
    expect(events.some((event) => event.editor === `Desk editor ${CSI_C1}` && event.payload.note === `checked ${HIDDEN_LINK}\n${FAKE_OK}`)).toBe(true);
  });

  it('a --note that starts with "-" is one clear line on stderr, and changes nothing', async () => {
    const before = await eventCount(dataDir);
    const run = await data('claims', 'set-status', claimId, '--status', 'verified', '--note', '-5 dead, not 40', '--editor', 'Desk editor');
    expect(run.code).toBe(2);
    expect(run.err).toBe('isnad claims: the value of --note starts with "-"; write it as --note="-…" (see --help)');
    expect(await eventCount(dataDir)).toBe(before);
  });
});
