import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNatsServer, type TestNatsServer } from '../../desk/testing/nats-server';
import { claimsCommand, type ClaimListing } from './claims';
import { runCommand } from './cli-test-kit';
import { deskCommand } from './desk';

let server: TestNatsServer;
let scratch: string;
let creds: string;
const folder = (name: string) => join(scratch, name);
const desk = (...args: string[]) => runCommand(deskCommand, args);

beforeAll(async () => {
  server = await startNatsServer('authorization { users = [ { user: desk, password: "desk-secret" } ] }\n');
  scratch = await mkdtemp(join(tmpdir(), 'isnad-cli-desk-'));
  creds = join(scratch, 'desk.creds');
  await writeFile(creds, 'desk:desk-secret\n');
  for (const name of ['desk-editor', 'casualties-editor', 'elsewhere']) await mkdir(folder(name));
});
afterAll(async () => {
  await server?.dispose();
  await rm(scratch, { recursive: true, force: true });
});

describe('isnad desk', () => {
  it('join, sync and status: a status set in one folder reaches the other', async () => {
    // The desk editor's folder has the sample reports and a verdict before joining.
    const listed = await runCommand(claimsCommand, ['list', '--json', '--data-dir', folder('desk-editor')]);
    const claim = (JSON.parse(listed.out) as ClaimListing[])[0]!;
    expect((await runCommand(claimsCommand, ['set-status', claim.claimId, '--status', 'verified', '--data-dir', folder('desk-editor'), '--editor', 'Desk editor'])).code).toBe(0);

    const joined = await desk('join', '--server', server.url, '--story', 'aleppo', '--creds', creds, '--data-dir', folder('desk-editor'));
    expect(joined).toMatchObject({ code: 0, err: '' });
    expect(joined.out).toMatch(/^joined story aleppo on nats:\/\/127\.0\.0\.1:\d+\nsynced: 0 colleague events added, 5 shared/);
    expect(JSON.parse(await readFile(join(folder('desk-editor'), 'desk.json'), 'utf8'))).toMatchObject({ kind: 'isnad-desk', story: 'aleppo', creds });

    const other = await desk('join', '--server', server.url, '--story', 'aleppo', '--creds', creds, '--data-dir', folder('casualties-editor'));
    expect(other.out).toMatch(/synced: 5 colleague events added, 0 shared/);
    const there = await runCommand(claimsCommand, ['list', '--json', '--data-dir', folder('casualties-editor')]);
    expect((JSON.parse(there.out) as ClaimListing[]).find((row) => row.claimId === claim.claimId)).toMatchObject({ status: 'verified', editor: 'Desk editor' });

    await runCommand(claimsCommand, ['set-status', claim.claimId, '--status', 'false', '--note', 'The ministry denied it', '--data-dir', folder('casualties-editor'), '--editor', 'Casualties editor']);
    const status = await desk('status', '--data-dir', folder('casualties-editor'));
    expect(status.out).toMatch(/this folder: +7 events, 2 not yet shared, 0 claims in conflict/);
    expect(status.out).toMatch(/server: +up, 5 messages on the stream, 0 not yet read here/);
    expect((await desk('sync', '--data-dir', folder('casualties-editor'))).out).toBe('synced: 0 colleague events added, 2 shared, stream read to message 5');
    expect((await desk('sync', '--data-dir', folder('desk-editor'))).out).toBe('synced: 2 colleague events added, 0 shared, stream read to message 7');
    const digests = await Promise.all(['desk-editor', 'casualties-editor'].map(async (name) => /state ([0-9a-f]{16})/.exec((await desk('status', '--data-dir', folder(name))).out)![1]));
    expect(digests[0]).toBe(digests[1]);
  });

  it('members: lists the keys of the story, and a signed list makes an editor a reviewer who cannot change statuses', async () => {
    const listed = await desk('members', '--data-dir', folder('desk-editor'));
    expect(listed.out).toMatch(/editor \(no member list yet\)\s+Casualties editor/);
    const set = await desk('members', '--set', 'Casualties editor=reviewer', '--editor', 'Desk editor', '--data-dir', folder('desk-editor'));
    expect(set).toMatchObject({ code: 0 });
    expect(set.out).toMatch(/reviewer\s+Casualties editor/);
    expect(set.out).toMatch(/editor\s+Desk editor/);
    expect((await desk('members', '--set', 'Nobody=reviewer', '--editor', 'Desk editor', '--data-dir', folder('desk-editor'))).err).toMatch(/no registered key of an editor named "Nobody"/);
    await desk('sync', '--data-dir', folder('desk-editor'));
    await desk('sync', '--data-dir', folder('casualties-editor'));
    const claims = JSON.parse((await runCommand(claimsCommand, ['list', '--json', '--data-dir', folder('casualties-editor')])).out) as ClaimListing[];
    const refused = await runCommand(claimsCommand, ['set-status', claims[1]!.claimId, '--status', 'verified', '--data-dir', folder('casualties-editor'), '--editor', 'Casualties editor']);
    expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/Casualties editor is a reviewer on this story: reviewers can read and comment, not change statuses/) });
  });

  it('says in one line what is wrong: no desk, a missing option, a server that is down, bad credentials', async () => {
    expect(await desk('status', '--data-dir', folder('elsewhere'))).toMatchObject({ code: 1, err: expect.stringMatching(/has no desk: join one with "desk join/) });
    expect(await desk('join', '--server', server.url, '--creds', creds, '--data-dir', folder('elsewhere'))).toMatchObject({ code: 2, err: '--story is required (see --help)' });
    expect(await desk('join', '--server', 'http://x', '--story', 'a', '--creds', creds, '--data-dir', folder('elsewhere'))).toMatchObject({ code: 2, err: expect.stringMatching(/nats:\/\/host:port/) });
    const down = await desk('join', '--server', 'nats://127.0.0.1:1', '--story', 'aleppo', '--creds', creds, '--data-dir', folder('elsewhere'));
    expect(down).toMatchObject({ code: 1, err: expect.stringMatching(/^cannot reach the desk server at nats:\/\/127\.0\.0\.1:1: nothing answers there/) });
    expect(down.err.split('\n')).toHaveLength(1);
    const wrong = join(scratch, 'wrong.creds');
    await writeFile(wrong, 'desk:not-the-password\n');
    expect(await desk('join', '--server', server.url, '--story', 'aleppo', '--creds', wrong, '--data-dir', folder('elsewhere'))).toMatchObject({ code: 1, err: expect.stringMatching(/refused the credentials in .*wrong\.creds/) });
    // A failed join leaves no desk behind.
    expect((await desk('status', '--data-dir', folder('elsewhere'))).code).toBe(1);
  });
});
