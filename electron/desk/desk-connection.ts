import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { streamName, type DeskConfig } from './desk-config';
import { readCredentials } from './nats-credentials';

/** A desk server could not be used; the message is one line an editor can act on. */
export class DeskError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeskError';
  }
}

export interface DeskConnection {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Keep trying after a lost connection (the app) or give up quickly (a CLI command). */
  reconnect?: boolean;
  timeoutMs?: number;
}

/** Events older than this may be published again without being stored twice. */
const DUPLICATE_WINDOW_NS = 48 * 3600 * 1e9;

/** Connects to the desk's server and makes sure the story's stream is there. */
export async function connectDesk(config: DeskConfig, options: ConnectOptions = {}): Promise<DeskConnection> {
  const authenticator = await readCredentials(config.creds).catch((error: Error) => {
    throw new DeskError(error.message);
  });
  let nc: NatsConnection;
  try {
    nc = await connect({
      servers: config.server.split(',').map((url) => url.trim()),
      authenticator,
      name: `isnad ${config.story}`,
      timeout: options.timeoutMs ?? 5000,
      reconnect: options.reconnect ?? true,
      maxReconnectAttempts: options.reconnect === false ? 0 : -1,
      reconnectTimeWait: 500,
    });
  } catch (error) {
    throw new DeskError(describeConnectError(error as Error, config));
  }
  try {
    const jsm = await jetstreamManager(nc, { timeout: options.timeoutMs ?? 5000 });
    await ensureStream(jsm, config);
    return { nc, js: jetstream(nc, { timeout: options.timeoutMs ?? 5000 }), jsm, stream: streamName(config.story), close: () => nc.close() };
  } catch (error) {
    await nc.close().catch(() => undefined);
    if (error instanceof DeskError) throw error;
    throw new DeskError(describeServerError(error as Error, config));
  }
}

async function ensureStream(jsm: JetStreamManager, config: DeskConfig): Promise<void> {
  const name = streamName(config.story);
  try {
    await jsm.streams.info(name);
    return;
  } catch (error) {
    if (!/stream not found/i.test((error as Error).message)) throw error;
  }
  try {
    await jsm.streams.add({ name, subjects: [`isnad.${config.story}.>`], duplicate_window: DUPLICATE_WINDOW_NS, max_msg_size: -1 });
  } catch (error) {
    throw new DeskError(`the story "${config.story}" has no stream on ${config.server} yet, and these credentials cannot create it (${oneLine(error as Error)}): ask whoever runs the desk server to add stream ${name}`);
  }
}

function oneLine(error: Error): string {
  return (error.message || error.name).split('\n')[0]!.slice(0, 300);
}

export function describeConnectError(error: Error, config: DeskConfig): string {
  const text = `${error.message} ${(error.cause as Error | undefined)?.message ?? ''} ${(error as { code?: string }).code ?? ''}`;
  if (/authoriz|authenticat|permission|user.*(invalid|expired)/i.test(text)) return `the desk server at ${config.server} refused the credentials in ${config.creds} (${oneLine(error)})`;
  if (/ECONNREFUSED|refused|CONNECTION_REFUSED/i.test(text)) return `cannot reach the desk server at ${config.server}: nothing answers there (is it running?); your changes stay in this folder and are shared at the next sync`;
  if (/timeout|TIMEOUT/i.test(text)) return `the desk server at ${config.server} did not answer in time; your changes stay in this folder and are shared at the next sync`;
  if (/ENOTFOUND|EAI_AGAIN/i.test(text)) return `the desk server's host in ${config.server} cannot be found (offline, or a typo in the URL); your changes stay in this folder`;
  return `cannot connect to the desk server at ${config.server}: ${oneLine(error)}`;
}

function describeServerError(error: Error, config: DeskConfig): string {
  const text = `${error.message} ${(error as { code?: string }).code ?? ''}`;
  if (/jetstream not enabled|503|no responders/i.test(text)) return `the server at ${config.server} has no JetStream (start nats-server with -js, or enable jetstream in its configuration)`;
  if (/permission/i.test(text)) return `the desk server at ${config.server} does not let these credentials (${config.creds}) read the story's stream: ${oneLine(error)}`;
  return `the desk server at ${config.server} failed: ${oneLine(error)}`;
}
