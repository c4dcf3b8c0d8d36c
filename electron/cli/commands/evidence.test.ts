import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimDetail } from '../../../shared/contract/channels';
import { claimsCommand, type ClaimListing } from './claims';
import { expectRefusal as expectRefusalIn, runCommand, type CommandRun } from './cli-test-kit';
import { evidenceCommand } from './evidence';

let dataDir: string;
let claimId: string;
const evidence = (...args: string[]) => runCommand(evidenceCommand, [...args, '--data-dir', dataDir, '--editor', 'Evidence tester']);
const expectRefusal = (run: () => Promise<CommandRun>, code: number, message: RegExp) => expectRefusalIn(dataDir, run, code, message);

async function detail(): Promise<ClaimDetail> {
  const run = await runCommand(claimsCommand, ['show', claimId, '--json', '--data-dir', dataDir]);
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as ClaimDetail;
}

async function addLink(): Promise<string> {
  const run = await evidence('add', claimId, '--kind', 'link', '--stance', 'supports', '--url', 'https://example.org/statement', '--quote', 'We confirm the figure');
  expect(run).toMatchObject({ code: 0, err: '' });
  return run.out;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'isnad-cli-evidence-'));
  const list = await runCommand(claimsCommand, ['list', '--json', '--data-dir', dataDir]);
  claimId = (JSON.parse(list.out) as ClaimListing[])[0]!.claimId;
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('evidence add', () => {
  it('attaches evidence and prints only its id', async () => {
    const id = await addLink();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const { evidence: items } = await detail();
    expect(items).toEqual([
      expect.objectContaining({ id, kind: 'link', stance: 'supports', url: 'https://example.org/statement', quote: 'We confirm the figure', note: null, editor: 'Evidence tester' }),
    ]);
    const list = JSON.parse((await runCommand(claimsCommand, ['list', '--json', '--data-dir', dataDir])).out) as ClaimListing[];
    expect(list.find((row) => row.claimId === claimId)!.evidenceCount).toBe(1);
  });

  it('refuses a javascript: URL and other bad input, changing nothing', async () => {
    await expectRefusal(() => evidence('add', claimId, '--kind', 'link', '--stance', 'supports', '--url', 'javascript:alert(1)'), 1, /http or https/);
    await expectRefusal(() => evidence('add', claimId, '--kind', 'link', '--stance', 'supports'), 1, /needs a URL, a quoted passage or a note/);
    await expectRefusal(() => evidence('add', claimId, '--stance', 'supports', '--note', 'x'), 2, /--kind is required/);
    await expectRefusal(() => evidence('add', claimId, '--kind', 'tweet', '--stance', 'supports', '--note', 'x'), 2, /--kind must be one of link, document, quote, note, contact/);
    await expectRefusal(() => evidence('add', claimId, '--kind', 'note', '--stance', 'agrees', '--note', 'x'), 2, /--stance must be one of/);
    await expectRefusal(() => evidence('add', 'nowhere:0-1', '--kind', 'note', '--stance', 'context', '--note', 'x'), 1, /nowhere:0-1/);
    await expectRefusal(() => evidence('add', '--kind', 'note', '--stance', 'context', '--note', 'x'), 2, /expected <claim-id>/);
    expect((await detail()).evidence).toEqual([]);
  });
});

describe('evidence edit and remove', () => {
  it('changes only the given fields, and the log keeps every version', async () => {
    const id = await addLink();
    const run = await evidence('edit', claimId, id, '--stance', 'refutes', '--quote', '', '--note', 'The statement was retracted');
    expect(run).toMatchObject({ code: 0, out: `edited evidence ${id} on ${claimId}` });
    const after = await detail();
    expect(after.evidence[0]).toMatchObject({ id, kind: 'link', stance: 'refutes', url: 'https://example.org/statement', quote: null, note: 'The statement was retracted' });
    expect(after.evidence[0]!.editedAt).not.toBeNull();

    const removed = await evidence('remove', claimId, id, '--reason', 'belongs to another claim');
    expect(removed.code).toBe(0);
    const final = await detail();
    expect(final.evidence).toEqual([]);
    expect(final.history.map((e) => e.type)).toEqual(['evidence.added', 'evidence.edited', 'evidence.removed']);
    expect(final.history[0]!.payload).toMatchObject({ evidence: { stance: 'supports', quote: 'We confirm the figure' } });
    expect(final.history[2]!.payload).toMatchObject({ evidenceId: id, reason: 'belongs to another claim' });
  });

  it('refuses to edit or remove what is not there, or an edit that changes nothing', async () => {
    const id = await addLink();
    await expectRefusal(() => evidence('edit', claimId, id), 2, /nothing to change/);
    await expectRefusal(() => evidence('edit', claimId, 'no-such-id', '--stance', 'context'), 1, /has no evidence no-such-id/);
    await expectRefusal(() => evidence('edit', claimId, id, '--url', 'javascript:void(0)'), 1, /http or https/);
    await evidence('remove', claimId, id);
    await expectRefusal(() => evidence('remove', claimId, id), 1, /may have been removed/);
    await expectRefusal(() => evidence('remove', claimId), 2, /expected <claim-id> <evidence-id>/);
  });

  it('prints help for each subcommand', async () => {
    for (const sub of ['add', 'edit', 'remove']) {
      const run = await runCommand(evidenceCommand, [sub, '--help']);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(new RegExp(`^usage: isnad evidence ${sub} <claim-id>`));
    }
  });
});
