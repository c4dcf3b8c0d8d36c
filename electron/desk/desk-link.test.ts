import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IsnadStore } from '../store/store';
import { newDeskConfig, readDeskProgress } from './desk-config';
import { DeskLink } from './desk-link';
import { freePort, startNatsServer, type TestNatsServer } from './testing/nats-server';

const SAMPLES = resolve(__dirname, '../../fixtures/reports');
let server: TestNatsServer | null = null;
let scratch: string | null = null;
afterAll(async () => {
  await server?.dispose();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Waits for a condition (the link works in the background); the test's own timeout bounds it. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('the live desk link of the app', () => {
  it('works offline, connects when the server comes, and after the server was away shares what was made meanwhile', async () => {
    scratch = await mkdtemp(join(tmpdir(), 'isnad-link-'));
    await writeFile(join(scratch, 'desk.creds'), 'desk:desk-secret');
    const port = await freePort();
    server = await startNatsServer('authorization { users = [ { user: desk, password: "desk-secret" } ] }\n', port, false);
    const config = newDeskConfig({ server: server.url, story: 'live', creds: join(scratch, 'desk.creds') }, new Date());
    const store = await IsnadStore.open({ dataDir: join(scratch, 'desk'), sampleReportsDir: SAMPLES, backgroundCheck: false });
    const link = new DeskLink(store, config);
    try {
      await link.start();
      await until(() => link.status.problem !== null);
      expect(link.status).toMatchObject({ state: 'offline', problem: expect.stringMatching(/cannot reach the desk server/) });

      await server.start();
      await until(() => link.status.state === 'up-to-date');
      expect((await readDeskProgress(store.dataDir)).publishedUpTo).toBe(store.state.headSeq);

      await server.stop();
      await until(() => link.status.state === 'offline');
      // Work goes on with no server.
      await store.commit([{ type: 'settings.changed', payload: { changes: { organizationName: 'The desk' } } }], 'Desk editor');
      expect(store.state.settings.organizationName).toBe('The desk');
      await server.start();
      // Reconnected, it sends exactly the change made offline.
      await until(async () => (await readDeskProgress(store.dataDir)).publishedUpTo === store.state.headSeq);
      await until(() => link.status.state === 'up-to-date');
    } finally {
      await link.stop();
      await store.close();
    }
  });
});
