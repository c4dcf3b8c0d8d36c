import { spawn } from 'node:child_process';

/**
 * `npm run dev`: the browser mode on `.isnad-data/`, with the renderer rebuilt on every change
 * (reload the page to see it) and the server restarted when Node-side code changes.
 */
const children = [
  spawn('npx', ['vite', 'build', '--watch', '--logLevel', 'warn'], { stdio: 'inherit' }),
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'electron/web/main.ts', '--data-dir', '.isnad-data', ...process.argv.slice(2)], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && stop());
