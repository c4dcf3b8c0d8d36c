import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real nats-server with JetStream for tests, on 127.0.0.1 and a free port, storing in a
 * temporary folder; restartable on the same port and folder (what a restart of the desk server
 * does), and stopped by the test.
 */
export interface TestNatsServer {
  url: string;
  port: number;
  storeDir: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

export const NATS_SERVER = process.env.NATS_SERVER ?? 'nats-server';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `config` is extra nats-server configuration (authorization, accounts), written to a file;
 * `port` a port chosen beforehand (for a client that was pointed at it before it started).
 */
export async function startNatsServer(config: string | null = null, port?: number, startNow = true): Promise<TestNatsServer> {
  const dir = await mkdtemp(join(tmpdir(), 'isnad-nats-'));
  const storeDir = join(dir, 'jetstream');
  port ??= await freePort();
  const args = ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir];
  if (config !== null) {
    const path = join(dir, 'server.conf');
    await writeFile(path, config);
    args.push('-c', path);
  }
  let child: ChildProcess | null = null;
  const start = async () => {
    const proc = spawn(NATS_SERVER, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Server is ready')) {
          proc.stderr!.off('data', onData);
          proc.stderr!.resume();
          resolve();
        }
      };
      proc.stderr!.on('data', onData);
      proc.once('error', (error) => reject(new Error(`cannot start ${NATS_SERVER}: ${error.message}`)));
      proc.once('exit', (code) => reject(new Error(`${NATS_SERVER} exited (${code}) before it was ready: ${output.slice(-500)}`)));
    });
  };
  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  };
  if (startNow) await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    start,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    dispose: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
