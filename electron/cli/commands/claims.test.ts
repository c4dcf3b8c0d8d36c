import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRefusal as expectRefusalIn, runCommand, type CommandRun } from './cli-test-kit';
import { claimsCommand, type ClaimListing } from './claims';

let dataDir: string;
const claims = (...args: string[]) => runCommand(claimsCommand, [...args, '--data-dir', dataDir]);
const asEditor = (...args: string[]) => claims(...args, '--editor', 'Desk tester');

async function listing(...args: string[]): Promise<ClaimListing[]> {
  const run = await claims('list', '--json', ...args);
  expect(run).toMatchObject({ code: 0, err: '' });
  return JSON.parse(run.out) as ClaimListing[];
}

const expectRefusal = (run: () => Promise<CommandRun>, code: number, message: RegExp) => expectRefusalIn(dataDir, run, code, message);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'isnad-cli-claims-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('claims list', () => {
  it('lists every claim of the stored reports, unverified at first', async () => {
    const rows = await listing();
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.reportId))).toEqual(new Set(['alhurra-2024-12-01-aleppo', 'aljazeera-mubasher-2024-12-02-aleppo']));
    expect(rows.every((r) => r.status === 'unverified' && r.editor === null && r.evidenceCount === 0)).toBe(true);
    expect(rows.every((r) => r.claimId.startsWith(`${r.reportId}:`) && r.text.length > 0)).toBe(true);

    const table = await claims('list');
    expect(table.code).toBe(0);
    expect(table.out.split('\n')[0]).toMatch(/^CLAIM\s+STATUS\s+EDITOR\s+AT\s+EVIDENCE\s+TEXT$/);
    expect(table.out).toContain(rows[0]!.claimId);
    expect(table.out).toMatch(new RegExp(`${rows.length} claims of ${rows.length}$`));
  });

  it('filters by report and by status', async () => {
    const all = await listing();
    const one = await listing('--report', 'alhurra-2024-12-01-aleppo');
    expect(one.length).toBe(all.filter((r) => r.reportId === 'alhurra-2024-12-01-aleppo').length);
    expect(await listing('--status', 'verified')).toEqual([]);
    await expectRefusal(() => claims('list', '--report', 'nope'), 1, /no report with id nope/);
    await expectRefusal(() => claims('list', '--status', 'true-ish'), 2, /--status must be one of/);
  });
});

describe('claims set-status', () => {
  it('sets one status on several claims and records who did it', async () => {
    const [a, b, c] = await listing();
    const run = await asEditor('set-status', a!.claimId, b!.claimId, '--status', 'verified', '--note', 'Confirmed by the ministry');
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out.split('\n')).toHaveLength(2);
    expect(run.out).toContain(`${a!.claimId}: verified (Desk tester,`);

    const verified = await listing('--status', 'verified');
    expect(verified.map((r) => r.claimId)).toEqual([a!.claimId, b!.claimId]);
    expect(verified[0]).toMatchObject({ editor: 'Desk tester', note: 'Confirmed by the ministry' });
    expect((await listing()).find((r) => r.claimId === c!.claimId)!.status).toBe('unverified');
  });

  it('refuses false or misleading without a note, an unknown claim, and a bad status, changing nothing', async () => {
    const [a] = await listing();
    await expectRefusal(() => asEditor('set-status', a!.claimId, '--status', 'false'), 1, /note is required/);
    await expectRefusal(() => asEditor('set-status', a!.claimId, 'elsewhere:1-2', '--status', 'verified'), 1, /elsewhere:1-2/);
    await expectRefusal(() => asEditor('set-status', a!.claimId, '--status', 'maybe'), 2, /--status must be one of/);
    await expectRefusal(() => asEditor('set-status', a!.claimId), 2, /--status is required/);
    await expectRefusal(() => asEditor('set-status', '--status', 'verified'), 2, /at least one claim id/);
    await expectRefusal(() => asEditor('set-status', a!.claimId, '--status', 'verified', '--colour', 'red'), 2, /Unknown option '--colour'/);
  });

  it('refuses a change when nobody is named', async () => {
    const [a] = await listing();
    await expectRefusal(() => claims('set-status', a!.claimId, '--status', 'verified'), 1, /no editor name: pass --editor NAME/);
  });

  it('says clearly when the data folder does not exist', async () => {
    const run = await runCommand(claimsCommand, ['list', '--data-dir', join(dataDir, 'missing')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/does not exist/);
    expect(run.err.split('\n')).toHaveLength(1);
  });
});

describe('claims show', () => {
  it('shows the status, evidence and history of a claim', async () => {
    const [a] = await listing();
    await asEditor('set-status', a!.claimId, '--status', 'in-progress');
    await asEditor('set-status', a!.claimId, '--status', 'misleading', '--note', 'The figure is from 2019');

    const run = await claims('show', a!.claimId);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`claim:    ${a!.claimId}`);
    expect(run.out).toContain(`text:     ${a!.text}`);
    expect(run.out).toMatch(/status:\s+misleading, set by Desk tester at /);
    expect(run.out).toContain('note:     The figure is from 2019');
    expect(run.out).toContain('history (2 events):');
    expect(run.out).toContain(`${a!.claimId}: in-progress → misleading (note: The figure is from 2019)`);

    const json = JSON.parse((await claims('show', a!.claimId, '--json')).out);
    expect(json.claim).toMatchObject({ id: a!.claimId, text: a!.text });
    expect(json.history.map((e: { payload: { to: string } }) => e.payload.to)).toEqual(['in-progress', 'misleading']);
  });

  it('refuses an unknown claim', async () => {
    await listing();
    await expectRefusal(() => claims('show', 'alhurra-2024-12-01-aleppo:1-2'), 1, /no claim alhurra-2024-12-01-aleppo:1-2/);
    await expectRefusal(() => claims('show'), 2, /exactly one claim id/);
  });

  it('prints help for each subcommand', async () => {
    for (const sub of ['list', 'set-status', 'show']) {
      const run = await runCommand(claimsCommand, [sub, '--help']);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(new RegExp(`^usage: isnad claims ${sub}`));
    }
    const unknown = await runCommand(claimsCommand, ['delete']);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toMatch(/unknown subcommand "delete"/);
  });
});
