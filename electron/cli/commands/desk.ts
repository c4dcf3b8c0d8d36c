import { replicaStateText } from '../../../shared/model/replica-state';
import type { StoryMember, StoryRole } from '../../../shared/model/story-roles';
import { sha256Hex } from '../../crypto/sha256';
import { emptyProgress, newDeskConfig, readDeskConfig, readDeskProgress, writeDeskConfig, writeDeskProgress, type DeskConfig } from '../../desk/desk-config';
import { connectDesk, DeskError, type DeskConnection } from '../../desk/desk-connection';
import { syncDesk, type SyncReport } from '../../desk/desk-sync';
import type { IsnadStore } from '../../store/store';
import { CliError, type CliIo } from '../cli-io';
import { existingDataDir, withStore } from '../open-data-dir';
import { oneLine, printJson, say } from '../terminal-text';
import { parseCommandArgs, USAGE_EXIT, withSubcommands } from './command-args';

export const deskCommand = withSubcommands('desk', {
  join: {
    usage: `join --server URL --story ID --creds FILE [--editor NAME] [--data-dir DIR]
  Joins this data folder to a story shared through a NATS JetStream server, and syncs it. URL is
  nats://host:port (several joined by commas, for a cluster); FILE is a NATS .creds file, an NKey
  seed or a user:password line. NAME is the editor working in this folder (default: the one in
  settings). The folder keeps working without the server.`,
    run: join,
  },
  status: {
    usage: `status [--data-dir DIR] [--json]
  The folder's desk: server, story, last sync, events not yet shared, refused events, and whether
  the server answers now.`,
    run: status,
  },
  sync: {
    usage: `sync [--data-dir DIR] [--json]
  Exchanges events with the story's stream: fetches colleagues' events (checked before they are
  added) and shares this folder's. Run it again after a failure: it sends only what is missing.`,
    run: sync,
  },
  members: {
    usage: `members [--data-dir DIR] [--json]
members --set WHO=ROLE… --editor NAME [--data-dir DIR]
  Lists everyone who registered a signing key in the story, with their role. With --set, records a
  signed list of the story's members: WHO is an editor's name or the start of a key id, ROLE is
  editor or reviewer (reviewers read and comment, and cannot change statuses). The first list is
  made by whoever starts it; after that only an editor can change it. Share it with "desk sync".`,
    run: members,
  },
});

const DIR_OPTIONS = { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

async function join(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { options: { ...DIR_OPTIONS, server: { type: 'string' }, story: { type: 'string' }, creds: { type: 'string' }, editor: { type: 'string' } } });
  for (const name of ['server', 'story', 'creds'] as const) if (values[name] === undefined) throw new CliError(`--${name} is required (see --help)`, USAGE_EXIT);
  let config: DeskConfig;
  try {
    config = newDeskConfig({ server: values.server!, story: values.story!, creds: values.creds!, editor: values.editor ?? null }, new Date());
  } catch (error) {
    throw new CliError((error as Error).message, USAGE_EXIT);
  }
  return withStore(await existingDataDir(values['data-dir']), async (store) => {
    const old = (await store.storedAfter(0)).filter((event) => (event.v ?? 1) < 3).length;
    if (old > 0) {
      throw new CliError(`this folder holds ${old} events of the single chain from before shared stories; they cannot be shared, so a desk story starts from a new data folder (export or keep this one as it is)`);
    }
    config = { ...config, editor: config.editor ?? store.state.settings.editorName };
    // Progress through another story's stream means nothing on this one.
    const previous = await readDeskConfig(store.dataDir).catch(() => null);
    if (previous && (previous.story !== config.story || previous.server !== config.server)) await writeDeskProgress(store.dataDir, emptyProgress());
    const report = await withConnection(config, (connection) => syncDesk(store, config, connection));
    await writeDeskConfig(store.dataDir, config);
    if (values.json) printJson(io, { joined: config, sync: report });
    else say(io, `joined story ${config.story} on ${config.server}\n${describeSync(report)}`);
    return report.refused.length > 0 ? 1 : 0;
  });
}

async function sync(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { options: DIR_OPTIONS });
  const dataDir = await existingDataDir(values['data-dir']);
  const config = await deskOf(dataDir);
  return withStore(dataDir, async (store) => {
    const report = await withConnection(config, (connection) => syncDesk(store, config, connection));
    if (values.json) printJson(io, report);
    else say(io, describeSync(report));
    return report.refused.length > 0 ? 1 : 0;
  });
}

async function status(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { options: DIR_OPTIONS });
  const dataDir = await existingDataDir(values['data-dir']);
  const config = await deskOf(dataDir);
  const progress = await readDeskProgress(dataDir);
  const local = await withStore(dataDir, async (store: IsnadStore) => ({
    unshared: (await store.storedAfter(progress.publishedUpTo)).length,
    events: store.eventCount,
    digest: sha256Hex(replicaStateText(store.state)).slice(0, 16),
    conflicts: [...store.state.statuses.values()].filter((claim) => claim.conflict).length,
  }));
  let server: { reachable: true; streamEvents: number; notHere: number } | { reachable: false; reason: string };
  try {
    server = await withConnection(config, async (connection) => {
      const last = (await connection.jsm.streams.info(connection.stream)).state.last_seq;
      return { reachable: true as const, streamEvents: last, notHere: Math.max(0, last - progress.streamSeq) };
    }, 3000);
  } catch (error) {
    server = { reachable: false, reason: (error as Error).message };
  }
  if (values.json) {
    printJson(io, { ...config, lastSync: progress.lastSync, ...local, refused: progress.refused, server });
    return 0;
  }
  const lines = [
    `story:        ${config.story} on ${config.server}`,
    `credentials:  ${config.creds}`,
    `last sync:    ${progress.lastSync ?? 'never'}`,
    `this folder:  ${local.events} events, ${local.unshared} not yet shared, ${local.conflicts} claim${local.conflicts === 1 ? '' : 's'} in conflict (state ${local.digest}: the same on every desk that holds the same events)`,
    server.reachable ? `server:       up, ${server.streamEvents} messages on the stream, ${server.notHere} not yet read here` : `server:       offline (${server.reason})`,
    `refused:      ${progress.refused.length === 0 ? 'none' : `${progress.refused.length} event${progress.refused.length === 1 ? '' : 's'}; latest: ${describeRefused(progress.refused.at(-1)!)}`}`,
  ];
  say(io, lines.join('\n'));
  return 0;
}

async function members(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { options: { ...DIR_OPTIONS, set: { type: 'string', multiple: true }, editor: { type: 'string' } } });
  const dataDir = await existingDataDir(values['data-dir']);
  return withStore(dataDir, async (store) => {
    const changes = values.set ?? [];
    if (changes.length > 0) {
      if (!values.editor) throw new CliError('--editor NAME is required with --set: the list is signed by its editor', USAGE_EXIT);
      const list = new Map<string, StoryMember>(store.state.members ?? [...store.state.keys].map(([keyId, key]) => [keyId, { editor: key.editor, role: 'editor' as StoryRole }]));
      // Whoever makes the first list is on it as an editor.
      const own = await store.keyIdOf(values.editor);
      if (!store.state.members) list.set(own, { editor: values.editor, role: 'editor' });
      for (const change of changes) {
        const match = /^(.+)=(editor|reviewer)$/.exec(change);
        if (!match) throw new CliError(`--set ${change}: expected WHO=editor or WHO=reviewer`, USAGE_EXIT);
        const [, who, role] = match as unknown as [string, string, StoryRole];
        const keys = [...store.state.keys].filter(([keyId, key]) => key.editor === who || (who.length >= 8 && keyId.startsWith(who)));
        if (keys.length === 0) throw new CliError(`--set ${change}: no registered key of an editor named "${who}" or with an id starting so (see "desk members")`);
        for (const [keyId, key] of keys) list.set(keyId, { editor: key.editor, role });
      }
      try {
        await store.commit([{ type: 'story.members', payload: { members: [...list].map(([keyId, member]) => ({ keyId, ...member })) } }], values.editor);
      } catch (error) {
        throw new CliError((error as Error).message);
      }
    }
    const rows = [...store.state.keys].map(([keyId, key]) => ({ keyId, editor: key.editor, role: store.state.members ? (store.state.members.get(keyId)?.role ?? 'not a member') : 'editor (no member list yet)' }));
    if (values.json) printJson(io, rows);
    else say(io, rows.map((row) => `${row.keyId.slice(0, 16)}  ${row.role.padEnd(12)}  ${oneLine(row.editor)}`).join('\n'));
    return 0;
  });
}

async function deskOf(dataDir: string): Promise<DeskConfig> {
  let config: DeskConfig | null;
  try {
    config = await readDeskConfig(dataDir);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (!config) throw new CliError(`${dataDir} has no desk: join one with "desk join --server URL --story ID --creds FILE"`);
  return config;
}

async function withConnection<T>(config: DeskConfig, work: (connection: DeskConnection) => Promise<T>, timeoutMs = 5000): Promise<T> {
  let connection: DeskConnection;
  try {
    connection = await connectDesk(config, { reconnect: false, timeoutMs });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  try {
    return await work(connection);
  } catch (error) {
    throw new CliError(error instanceof DeskError ? error.message : `the desk server at ${config.server} failed: ${oneLine((error as Error).message)}`);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

function describeRefused(refused: { hash: string | null; editor: string | null; reason: string; streamSeq: number | null }): string {
  const what = `${refused.streamSeq !== null ? `stream message ${refused.streamSeq}` : 'an event'}${refused.editor ? ` (says ${oneLine(refused.editor)})` : ''}`;
  return `${what}: ${oneLine(refused.reason)}`;
}

function describeSync(report: SyncReport): string {
  const lines = [`synced: ${report.added} colleague event${report.added === 1 ? '' : 's'} added, ${report.published} shared, stream read to message ${report.streamSeq}`];
  if (report.ignored > 0) lines.push(`${report.ignored} event${report.ignored === 1 ? '' : 's'} kept but not counted: their signer may not make such changes on this story (see "desk members")`);
  for (const refused of report.refused) lines.push(`refused ${describeRefused(refused)}`);
  return lines.join('\n');
}
