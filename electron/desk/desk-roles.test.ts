import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, usernamePasswordAuthenticator } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, eventHashInput, eventSigningText } from '../../shared/model/events';
import { replicaStateText } from '../../shared/model/replica-state';
import { editorKeyFromPem } from '../crypto/ed25519';
import { sha256Hex } from '../crypto/sha256';
import { fileKeyVault } from '../store/editor-keys';
import { IsnadStore, StoreRoleError } from '../store/store';
import { eventSubject, newDeskConfig, type DeskConfig } from './desk-config';
import { connectDesk } from './desk-connection';
import { syncDesk } from './desk-sync';
import { startNatsServer, type TestNatsServer } from './testing/nats-server';
import { storyPermissions } from './testing/permissions-conf';

const SAMPLES = resolve(__dirname, '../../fixtures/reports');
const STORY = 'roles';
const CLAIM = 'alhurra-2024-12-01-aleppo:0-62';
const selector = { type: 'TextQuoteSelector' as const, exact: 'claim', prefix: '', suffix: '' };

let server: TestNatsServer;
let scratch: string;
let config: DeskConfig;
let lead: IsnadStore;
let reviewer: IsnadStore;

beforeAll(async () => {
  server = await startNatsServer('authorization { users = [ { user: desk, password: "desk-secret" } ] }\n');
  scratch = await mkdtemp(join(tmpdir(), 'isnad-roles-'));
  await writeFile(join(scratch, 'desk.creds'), 'desk:desk-secret');
  config = newDeskConfig({ server: server.url, story: STORY, creds: join(scratch, 'desk.creds') }, new Date());
  lead = await IsnadStore.open({ dataDir: join(scratch, 'lead'), sampleReportsDir: SAMPLES, backgroundCheck: false });
  reviewer = await IsnadStore.open({ dataDir: join(scratch, 'reviewer'), sampleReportsDir: null, backgroundCheck: false });
});
afterAll(async () => {
  await lead?.close();
  await reviewer?.close();
  await server?.dispose();
  await rm(scratch, { recursive: true, force: true });
});

async function sync(store: IsnadStore) {
  const connection = await connectDesk(config);
  try {
    return await syncDesk(store, config, connection);
  } finally {
    await connection.close();
  }
}

describe('the reviewer role, from the story\'s signed member list', () => {
  it('a reviewer comments; once the list names them reviewer, their status changes are refused here and not counted anywhere', async () => {
    await lead.commit([{ type: 'claim.statusChanged', payload: { claimId: CLAIM, reportId: 'alhurra-2024-12-01-aleppo', from: 'unverified', to: 'verified', note: null, selector } }], 'Desk editor');
    await sync(lead);
    await sync(reviewer);
    await reviewer.commit([{ type: 'claim.commented', payload: { claimId: CLAIM, reportId: 'alhurra-2024-12-01-aleppo', text: 'Which ministry?' } }], 'Reviewer');
    await sync(reviewer);
    await sync(lead);
    expect(lead.state.comments.get(CLAIM)).toMatchObject([{ text: 'Which ministry?', editor: 'Reviewer' }]);

    await lead.commit([{ type: 'story.members', payload: { members: [
      { keyId: await lead.keyIdOf('Desk editor'), editor: 'Desk editor', role: 'editor' },
      { keyId: await reviewer.keyIdOf('Reviewer'), editor: 'Reviewer', role: 'reviewer' },
    ] } }], 'Desk editor');
    await sync(lead);
    await sync(reviewer);

    // The reviewer's own Isnad refuses the change before it is made.
    await expect(reviewer.commit([{ type: 'claim.statusChanged', payload: { claimId: CLAIM, reportId: 'alhurra-2024-12-01-aleppo', from: 'verified', to: 'false', note: 'No', selector } }], 'Reviewer')).rejects.toThrow(StoreRoleError);
    await expect(reviewer.commit([{ type: 'claim.commented', payload: { claimId: CLAIM, reportId: 'alhurra-2024-12-01-aleppo', text: 'Still unsure' } }], 'Reviewer')).resolves.toHaveLength(1);
    await sync(reviewer);

    // A modified client signs one anyway with the reviewer's own key and puts it on the stream.
    const key = editorKeyFromPem((await fileKeyVault().read('Reviewer'))!);
    const unsigned = { v: EVENT_SCHEMA_VERSION, id: randomUUID(), at: new Date().toISOString(), editor: 'Reviewer', key: key.id, type: 'claim.statusChanged', payload: { claimId: CLAIM, reportId: 'alhurra-2024-12-01-aleppo', from: 'verified', to: 'false', note: 'Overruled', selector }, parents: [...reviewer.state.heads].sort() };
    const hash = sha256Hex(eventHashInput(unsigned));
    const nc = await connect({ servers: server.url, authenticator: usernamePasswordAuthenticator('desk', 'desk-secret') });
    await jetstream(nc).publish(eventSubject(STORY, 'claim.statusChanged'), new TextEncoder().encode(JSON.stringify({ ...unsigned, hash, sig: key.sign(eventSigningText(hash)) })), { msgID: hash });
    await nc.close();

    // The lead also receives the reviewer's second comment.
    for (const [store, added] of [[lead, 2], [reviewer, 1]] as const) {
      const report = await sync(store);
      expect(report).toMatchObject({ added, ignored: 1, refused: [] });
      expect(store.state.statuses.get(CLAIM)).toMatchObject({ status: 'verified', editor: 'Desk editor' });
      expect(store.state.ignored.at(-1)).toMatchObject({ editor: 'Reviewer', reason: expect.stringMatching(/Reviewer is a reviewer on this story/) });
    }
    expect(replicaStateText(reviewer.state)).toBe(replicaStateText(lead.state));
  });

  it('the server enforces it too: with the story\'s stream permissions a reviewer reads and comments, and cannot put a status change on the stream', async () => {
    const { editor, reviewer: reviewerPermissions } = storyPermissions('perm');
    const guarded = await startNatsServer(
      `accounts: { DESK: { jetstream: enabled, users: [ { user: admin, password: a1 }, { user: editor, password: e1, permissions: ${editor} }, { user: reviewer, password: r1, permissions: ${reviewerPermissions} } ] } }\n`,
    );
    const editorStore = await IsnadStore.open({ dataDir: join(scratch, 'perm-editor'), sampleReportsDir: SAMPLES, backgroundCheck: false });
    const reviewerStore = await IsnadStore.open({ dataDir: join(scratch, 'perm-reviewer'), sampleReportsDir: null, backgroundCheck: false });
    try {
      await writeFile(join(scratch, 'editor.creds'), 'editor:e1');
      await writeFile(join(scratch, 'reviewer.creds'), 'reviewer:r1');
      const asEditor = newDeskConfig({ server: guarded.url, story: 'perm', creds: join(scratch, 'editor.creds') }, new Date());
      const asReviewer = newDeskConfig({ server: guarded.url, story: 'perm', creds: join(scratch, 'reviewer.creds') }, new Date());
      // Neither may make the story's stream: the administrator does.
      await expect(connectDesk(asEditor, { reconnect: false })).rejects.toThrow(/has no stream .* these credentials cannot create it/);
      const admin = await connect({ servers: guarded.url, authenticator: usernamePasswordAuthenticator('admin', 'a1') });
      await (await jetstreamManager(admin)).streams.add({ name: 'ISNAD_perm', subjects: ['isnad.perm.>'], duplicate_window: 48 * 3600 * 1e9 });

      const sync = async (store: IsnadStore, config: DeskConfig) => {
        const connection = await connectDesk(config, { reconnect: false });
        try {
          return await syncDesk(store, config, connection);
        } finally {
          await connection.close();
        }
      };
      expect((await sync(editorStore, asEditor)).published).toBe(3);
      expect((await sync(reviewerStore, asReviewer)).added).toBe(3);
      await reviewerStore.commit([{ type: 'claim.commented', payload: { claimId: CLAIM, reportId: 'alhurra-2024-12-01-aleppo', text: 'Source?' } }], 'Reviewer');
      expect((await sync(reviewerStore, asReviewer)).published).toBe(2);

      // A status change sent with the reviewer's credentials is not stored.
      const reviewerConnection = await connect({ servers: guarded.url, authenticator: usernamePasswordAuthenticator('reviewer', 'r1') });
      await expect(jetstream(reviewerConnection, { timeout: 1000 }).publish('isnad.perm.claim.statusChanged', new TextEncoder().encode('{}'))).rejects.toThrow();
      await reviewerConnection.close();
      expect((await (await jetstreamManager(admin)).streams.info('ISNAD_perm')).state.messages).toBe(5);
      await admin.close();
    } finally {
      await editorStore.close();
      await reviewerStore.close();
      await guarded.dispose();
    }
  });
});
