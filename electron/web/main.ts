import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultSampleReportsDir, openAppContext, projectRoot } from '../app-context';
import { defaultDataDir } from '../default-data-dir';
import { startWebServer } from './server';

const USAGE = 'usage: npm run web -- [--data-dir DIR] [--port N] [--no-samples]';

/** `npm run web`: Isnad in a browser, on this machine only. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '5174' },
      'no-samples': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const context = await openAppContext({
    desk: true,
    dataDir,
    sampleReportsDir: values['no-samples'] ? null : defaultSampleReportsDir(),
    onUnexpected: (channel, error) => console.error(`[isnad] ${channel} failed:`, error),
  });
  for (const warning of context.store.warnings) console.error(`[isnad] warning: ${warning.message}`);
  const server = await startWebServer({ dispatch: context.dispatch, notifications: context.notifications, staticDir: resolve(projectRoot(), 'build', 'renderer'), port });
  console.log(`Isnad is running in browser mode. Data folder: ${dataDir}`);
  console.log(`Open ${server.url}`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await context.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`isnad web: ${error.message}`);
  process.exit(1);
});
