import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect, usernamePasswordAuthenticator } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHashInput, type DraftEvent, type LogEvent } from '../../shared/model/events';
import { replicaStateText } from '../../shared/model/replica-state';
import type { Verdict } from '../../shared/model/verdict';
import { sha256Hex } from '../crypto/sha256';
import { IsnadStore } from '../store/store';
import { verifyDataDir } from '../store/verify-log';
import { eventSubject, newDeskConfig, readDeskProgress, writeDeskConfig, type DeskConfig } from './desk-config';
import { connectDesk, DeskError } from './desk-connection';
import { syncDesk, type SyncReport } from './desk-sync';
import { startNatsServer, type TestNatsServer } from './testing/nats-server';

const SAMPLES = resolve(__dirname, '../../fixtures/reports');
const STORY = 'aleppo-2024-12';
const EDITORS = ['Desk editor', 'Casualties editor', 'Statements editor'] as const;
const selector = { type: 'TextQuoteSelector' as const, exact: 'claim', prefix: '', suffix: '' };
const VERDICTS: Verdict[] = ['verified', 'false', 'misleading', 'unverifiable', 'in-progress'];

let server: TestNatsServer;
let scratch: string;
let creds: string;
const desks: { editor: string; dataDir: string; store: IsnadStore; config: DeskConfig }[] = [];

beforeAll(async () => {
  server = await startNatsServer('authorization { users = [ { user: desk, password: "desk-secret" } ] }\n');
  scratch = await mkdtemp(join(tmpdir(), 'isnad-desk-'));
  creds = join(scratch, 'desk.creds');
  await writeFile(creds, 'desk:desk-secret\n');
  for (const [i, editor] of EDITORS.entries()) {
    const dataDir = join(scratch, `editor-${i}`);
    // The desk editor's folder brings the reports; the others start empty and get them from the stream.
    const store = await IsnadStore.open({ dataDir, sampleReportsDir: i === 0 ? SAMPLES : null, backgroundCheck: false });
    const config = newDeskConfig({ server: server.url, story: STORY, creds }, new Date());
    await writeDeskConfig(dataDir, config);
    desks.push({ editor, dataDir, store, config });
  }
});

afterAll(async () => {
  for (const desk of desks) await desk.store.close();
  await server?.dispose();
  await rm(scratch, { recursive: true, force: true });
});

async function sync(desk: (typeof desks)[number], hooks: Parameters<typeof syncDesk>[3] = {}): Promise<SyncReport> {
  const connection = await connectDesk(desk.config);
  try {
    return await syncDesk(desk.store, desk.config, connection, hooks);
  } finally {
    await connection.close();
  }
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function changesOf(editor: string, count: number, seed: number): DraftEvent[] {
  const next = random(seed);
  const drafts: DraftEvent[] = [];
  for (let i = 0; i < count; i++) {
    // Claims 0–9 are shared by everyone (conflicts); each editor also has claims of its own.
    const shared = next() < 0.3;
    const claimId = shared ? `alhurra-2024-12-01-aleppo:${Math.floor(next() * 10)}-99` : `aljazeera-mubasher-2024-12-02-aleppo:${editor.length}-${i}`;
    if (next() < 0.7) {
      const to = VERDICTS[Math.floor(next() * VERDICTS.length)]!;
      drafts.push({ type: 'claim.statusChanged', payload: { claimId, reportId: claimId.split(':')[0]!, from: 'unverified', to, note: `${editor}: ${to} #${i}`, selector } });
    } else {
      drafts.push({ type: 'evidence.added', payload: { claimId, evidenceId: `${editor}-${i}`, evidence: { kind: 'note', stance: 'supports', url: null, quote: null, note: `${editor} checked #${i}` } } });
    }
  }
  return drafts;
}

async function commitAll(desk: (typeof desks)[number], drafts: DraftEvent[]): Promise<void> {
  // In small batches, as an editor works.
  for (let i = 0; i < drafts.length; i += 7) await desk.store.commit(drafts.slice(i, i + 7), desk.editor);
}

describe('a desk of three editors on one story, through NATS JetStream', () => {
  it('starts: the desk editor shares the reports, the others receive them', async () => {
    const first = await sync(desks[0]!);
    expect(first.published).toBe(desks[0]!.store.eventCount);
    for (const desk of desks.slice(1)) {
      const report = await sync(desk);
      expect(report.refused).toEqual([]);
      expect(desk.store.state.reportOrder).toEqual(desks[0]!.store.state.reportOrder);
    }
  });

  it('each editor offline for a while, about 1,000 changes in all with conflicts: after sync all three are identical, verified, nothing lost', async () => {
    const drafts = EDITORS.map((editor, i) => changesOf(editor, 333, i + 1));
    // Everyone works offline: nothing is exchanged while the changes are made.
    await Promise.all(desks.map((desk, i) => commitAll(desk, drafts[i]!)));
    // The casualties editor comes back first, then the others; a second round brings everyone level.
    for (const desk of [desks[1]!, desks[0]!, desks[2]!, desks[1]!, desks[0]!]) expect((await sync(desk)).refused).toEqual([]);

    const texts = desks.map((desk) => replicaStateText(desk.store.state));
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
    const total = desks[0]!.store.eventCount;
    for (const desk of desks) {
      expect(desk.store.eventCount).toBe(total);
      const verified = await verifyDataDir(desk.dataDir);
      expect(verified.problems).toEqual([]);
      expect(verified.count).toBe(total);
    }
    // Nothing lost: every change of every editor is in every folder.
    const evidence = desks[0]!.store.state.evidence;
    for (const [i, editor] of EDITORS.entries()) {
      const expected = drafts[i]!.filter((draft) => draft.type === 'evidence.added').length;
      const held = [...evidence.values()].flat().filter((item) => item.editor === editor).length;
      expect(held).toBe(expected);
    }
    // Conflicts are shown: concurrent verdicts of two editors on one claim, both kept.
    const conflicts = [...desks[2]!.store.state.statuses.values()].filter((status) => status.conflict);
    expect(conflicts.length).toBeGreaterThan(0);
    expect(new Set(conflicts[0]!.conflict!.map((verdict) => verdict.editor)).size).toBeGreaterThan(1);
  });

  it('a decision made having seen the conflict resolves it on every desk', async () => {
    const conflicted = [...desks[0]!.store.state.statuses.values()].find((status) => status.conflict)!;
    await desks[0]!.store.commit([{ type: 'claim.statusChanged', payload: { claimId: conflicted.claimId, reportId: conflicted.reportId, from: conflicted.status, to: 'false', note: 'Resolved at the desk', selector } }], 'Desk editor');
    await sync(desks[0]!);
    for (const desk of desks.slice(1)) {
      await sync(desk);
      expect(desk.store.state.statuses.get(conflicted.claimId)).toMatchObject({ status: 'false', editor: 'Desk editor' });
      expect(desk.store.state.statuses.get(conflicted.claimId)?.conflict).toBeUndefined();
    }
  });

  it('a verdict applied to a claim group, one event, reaches every desk and sets every member there', async () => {
    const claims = ['alhurra-2024-12-01-aleppo:0-77', 'aljazeera-mubasher-2024-12-02-aleppo:0-77'];
    await desks[1]!.store.commit([{ type: 'group.statusChanged', payload: { group: claims[0]!, to: 'misleading', note: 'Both overstate it', claims: claims.map((claimId) => ({ claimId, reportId: claimId.split(':')[0]!, from: 'unverified', selector })) } }], 'Casualties editor');
    expect((await sync(desks[1]!)).refused).toEqual([]);
    for (const desk of [desks[0]!, desks[2]!]) {
      const report = await sync(desk);
      expect(report.refused).toEqual([]);
      for (const claimId of claims) expect(desk.store.state.statuses.get(claimId)).toMatchObject({ status: 'misleading', editor: 'Casualties editor', note: 'Both overstate it' });
    }
    expect(new Set(desks.map((d) => replicaStateText(d.store.state))).size).toBe(1);
  });

  it('a server restarted in the middle of a sync loses nothing: the next sync sends exactly what is missing', async () => {
    const desk = desks[2]!;
    await commitAll(desk, changesOf(desk.editor, 120, 99));
    let restarting: Promise<void> | null = null;
    const interrupted = await sync(desk, {
      progress: () => {
        restarting ??= server.restart();
      },
    }).catch((error: Error) => error);
    await restarting;
    if (interrupted instanceof Error) expect(interrupted).toBeInstanceOf(DeskError);
    const again = await sync(desk);
    expect(again.refused).toEqual([]);
    expect((await readDeskProgress(desk.dataDir)).publishedUpTo).toBe(desk.store.state.headSeq);
    for (const other of desks.slice(0, 2)) await sync(other);
    const texts = desks.map((d) => replicaStateText(d.store.state));
    expect(new Set(texts).size).toBe(1);
    // A sync with nothing new exchanges nothing.
    expect(await sync(desks[0]!)).toMatchObject({ read: 0, added: 0, published: 0 });
  });

  it('a forged, an unsigned and a malformed event put on the stream are refused and reported on every desk, never applied', async () => {
    const nc = await connect({ servers: server.url, authenticator: usernamePasswordAuthenticator('desk', 'desk-secret') });
    const js = jetstream(nc);
    const genuine = (await desks[1]!.store.storedAfter(0)).find((event) => event.type === 'claim.statusChanged')! as unknown as LogEvent;
    const { seq: _seq, ...shared } = genuine;
    // Forged: another verdict under the casualties editor's name, rehashed, with the old signature.
    const forged = { ...shared, id: 'forged-1', payload: { ...(shared.payload as object), to: 'verified', note: 'Forged' } } as Record<string, unknown>;
    forged.hash = sha256Hex(eventHashInput(forged));
    const unsigned = { ...forged, id: 'unsigned-1', v: 2 } as Record<string, unknown>;
    delete unsigned.sig;
    delete unsigned.key;
    unsigned.hash = sha256Hex(eventHashInput(unsigned));
    for (const body of [JSON.stringify(forged), JSON.stringify(unsigned), '{"not": "an event"', JSON.stringify({ ...shared, hash: 'f'.repeat(64), id: 'x' })]) {
      await js.publish(eventSubject(STORY, 'claim.statusChanged'), new TextEncoder().encode(body));
    }
    await nc.close();
    const before = desks.map((desk) => replicaStateText(desk.store.state));
    for (const [i, desk] of desks.entries()) {
      const report = await sync(desk);
      expect(report.added).toBe(0);
      expect(report.refused.map((refused) => refused.reason)).toEqual([
        'forged: its signature does not match',
        expect.stringMatching(/^unsigned/),
        'not an event (not valid JSON)',
        'altered: its content does not match its hash',
      ]);
      expect(replicaStateText(desk.store.state)).toBe(before[i]);
      expect((await readDeskProgress(desk.dataDir)).refused.length).toBeGreaterThanOrEqual(4);
      expect((await verifyDataDir(desk.dataDir)).ok).toBe(true);
    }
  });

  it('says in one line when the server is down or the credentials are wrong', async () => {
    const bad = join(scratch, 'bad.creds');
    await writeFile(bad, 'desk:wrong\n');
    await expect(connectDesk({ ...desks[0]!.config, creds: bad }, { reconnect: false })).rejects.toThrow(/refused the credentials in .*bad\.creds/);
    await expect(connectDesk({ ...desks[0]!.config, creds: join(scratch, 'missing.creds') }, { reconnect: false })).rejects.toThrow(/credentials file .* does not exist/);
    await expect(connectDesk({ ...desks[0]!.config, server: 'nats://127.0.0.1:1' }, { reconnect: false })).rejects.toThrow(/cannot reach the desk server at nats:\/\/127\.0\.0\.1:1/);
  });
});
