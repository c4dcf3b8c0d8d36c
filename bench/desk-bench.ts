import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DraftEvent } from '../shared/model/events';
import { replicaStateText } from '../shared/model/replica-state';
import { VERDICTS } from '../shared/model/verdict';
import { newDeskConfig, type DeskConfig } from '../electron/desk/desk-config';
import { connectDesk } from '../electron/desk/desk-connection';
import { DeskLink } from '../electron/desk/desk-link';
import { syncDesk } from '../electron/desk/desk-sync';
import { startNatsServer } from '../electron/desk/testing/nats-server';
import { fileKeyVault } from '../electron/store/editor-keys';
import { IsnadStore } from '../electron/store/store';
import { benchTable } from './bench-table';

/**
 * A desk at newsroom scale through one local nats-server (JetStream, file storage): five editors
 * each make 2,000 changes offline (10,000 in all, a third of them on claims others decide too),
 * then all five sync at once: that is the throughput through the server. Then all five sync
 * again, at once, until every folder holds everything: that is the time to converge, and the
 * five derived states must be identical.
 * Then a sixth editor joins with an empty folder and takes the whole story: what one desk sees.
 * Targets: ≥ 1,000 events/s through one server; the five converged in ≤ 30 s (five replicas on
 * one 2-core machine, each checking some 8,000 colleagues' signatures); a joining editor has the
 * whole story in ≤ 10 s; a colleague's event reaches a running app's store in ≤ 0.5 s.
 */
const EDITORS = ['Desk editor', 'Casualties editor', 'Statements editor', 'Maps editor', 'Standards editor'];
const CHANGES_PER_EDITOR = 2000;
const TARGET_EVENTS_PER_S = 1000;
const TARGET_CONVERGE_S = 30;
const TARGET_JOIN_S = 10;
const TARGET_LIVE_MS = 500;

function drafts(editor: number): DraftEvent[] {
  const out: DraftEvent[] = [];
  let s = editor + 7;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s / 2 ** 31);
  const selector = { type: 'TextQuoteSelector' as const, exact: 'claim', prefix: '', suffix: '' };
  for (let i = 0; i < CHANGES_PER_EDITOR; i++) {
    const claimId = next() < 0.33 ? `report-a:${Math.floor(next() * 200)}-9` : `report-b:${editor}-${i}`;
    if (next() < 0.7) out.push({ type: 'claim.statusChanged', payload: { claimId, reportId: claimId.split(':')[0]!, from: 'unverified', to: VERDICTS[1 + Math.floor(next() * 5)]!, note: `checked by ${EDITORS[editor]} (${i})`, selector } });
    else out.push({ type: 'evidence.added', payload: { claimId, evidenceId: `${editor}-${i}`, evidence: { kind: 'link', stance: 'supports', url: `https://example.org/${editor}/${i}`, quote: null, note: null } } });
  }
  return out;
}

export async function runDeskBench(): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), 'isnad-desk-bench-'));
  const server = await startNatsServer();
  const stores: IsnadStore[] = [];
  try {
    const creds = join(scratch, 'none.creds');
    await writeFile(creds, 'bench:bench');
    // The server runs without authorization here; the credentials file is sent and ignored.
    const config: DeskConfig = newDeskConfig({ server: server.url, story: 'bench', creds }, new Date());
    const keys = fileKeyVault(join(scratch, 'keys'));
    for (const [i] of EDITORS.entries()) stores.push(await IsnadStore.open({ dataDir: join(scratch, `editor-${i}`), sampleReportsDir: null, keys, backgroundCheck: false }));
    await Promise.all(stores.map(async (store, i) => {
      const all = drafts(i);
      for (let at = 0; at < all.length; at += 20) await store.commit(all.slice(at, at + 20), EDITORS[i]!);
    }));
    const total = stores.reduce((sum, store) => sum + store.eventCount, 0);
    const connections = await Promise.all(stores.map(() => connectDesk(config)));
    const round = async () => {
      const started = performance.now();
      const reports = await Promise.all(stores.map((store, i) => syncDesk(store, config, connections[i]!)));
      return { ms: performance.now() - started, reports };
    };
    const first = await round();
    const published = first.reports.reduce((sum, report) => sum + report.published, 0);
    const eventsPerSecond = published / (first.ms / 1000);
    // Converge: sync every folder until none of them receives anything new.
    const convergeStart = performance.now();
    let rounds = 0;
    for (;;) {
      rounds++;
      const { reports } = await round();
      if (reports.every((report) => report.added === 0)) break;
      if (rounds > 5) break;
    }
    const convergeS = (performance.now() - convergeStart) / 1000;
    const joiner = await IsnadStore.open({ dataDir: join(scratch, 'joiner'), sampleReportsDir: null, keys, backgroundCheck: false });
    stores.push(joiner);
    const joinStart = performance.now();
    await syncDesk(joiner, config, connections[0]!);
    const joinS = (performance.now() - joinStart) / 1000;
    // A colleague's decision reaching a running app: from the commit in one folder (which then
    // syncs, as the app does after each change) to the other folder's live link having added it.
    const link = new DeskLink(stores[1]!, config);
    await link.start();
    while (link.status.state !== 'up-to-date') await new Promise((resolve) => setTimeout(resolve, 5));
    const latencies: number[] = [];
    for (let i = 0; i < 7; i++) {
      const before = link.status.received;
      const started = performance.now();
      await stores[0]!.commit([{ type: 'claim.commented', payload: { claimId: 'report-a:1-9', reportId: 'report-a', text: `note ${i}` } }], EDITORS[0]!);
      await syncDesk(stores[0]!, config, connections[0]!);
      while (link.status.received === before) await new Promise((resolve) => setTimeout(resolve, 2));
      latencies.push(performance.now() - started);
    }
    await link.stop();
    await syncDesk(stores[5]!, config, connections[0]!);
    for (const store of stores.slice(2, 5)) await syncDesk(store, config, connections[0]!);
    latencies.sort((a, b) => a - b);
    const latencyMs = latencies[Math.floor(latencies.length / 2)]!;
    for (const connection of connections) await connection.close();
    const texts = new Set(stores.map((store) => replicaStateText(store.state)));
    const held = stores.map((store) => store.eventCount);
    // The 10,000 changes, the key registrations and the comments of the live measurement.
    const expected = total + latencies.length;
    const conflicts = [...stores[0]!.state.statuses.values()].filter((status) => status.conflict).length;
    return benchTable(
      'Desk: five editors, 10,000 changes, one nats-server',
      [
        { what: 'events made offline (5 editors, with their key registrations)', value: total.toLocaleString('en') },
        { what: 'through one server: 5 folders publishing at once', value: eventsPerSecond, unit: 'events/s', target: `≥ ${TARGET_EVENTS_PER_S.toLocaleString('en')} events/s`, met: eventsPerSecond >= TARGET_EVENTS_PER_S },
        { what: `time to converge (every folder holds all ${total.toLocaleString('en')}; ${rounds} rounds of 5 syncs at once)`, value: convergeS, unit: 's', target: `≤ ${TARGET_CONVERGE_S} s`, met: convergeS <= TARGET_CONVERGE_S },
        { what: `a sixth editor joins: fetch, check and apply all ${total.toLocaleString('en')} events`, value: joinS, unit: 's', target: `≤ ${TARGET_JOIN_S} s`, met: joinS <= TARGET_JOIN_S },
        { what: 'a colleague\'s event in a running app\'s store (median of 7; the page asks every 0.4 s)', value: latencyMs, unit: 'ms', target: `≤ ${TARGET_LIVE_MS} ms (with the page's poll: under 1 s)`, met: latencyMs <= TARGET_LIVE_MS },
        { what: 'six states identical, nothing lost', value: `${texts.size === 1 && held.every((count) => count === expected) ? 'yes' : 'no'} (${held.join(', ')} events held of ${expected})`, target: 'yes', met: texts.size === 1 && held.every((count) => count === expected) },
        { what: 'claims in conflict after converging', value: conflicts.toLocaleString('en') },
        { what: 'states derived again from the whole log (events arrived before ones applied)', value: stores.map((store) => store.replays).join(', ') },
      ],
      ['Five stores in one process on this machine, with the server beside them; the first round also reads whatever was already on the stream.'],
    );
  } finally {
    for (const store of stores) await store.close().catch(() => undefined);
    await server.dispose();
    await rm(scratch, { recursive: true, force: true });
  }
}
