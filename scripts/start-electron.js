#!/usr/bin/env node
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `npm start`: makes sure Electron's binary is there (Electron 45 downloads it on first run, not
 * at install), builds, and opens the desktop app. Where the binary cannot be fetched (no access to
 * its download host, or Node too old for Electron's tooling) it ends with one line saying so and
 * pointing to the browser mode, instead of Electron's stack trace.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = 'Isnad also runs in your browser: npm run web';
/** Electron 45's tooling (its download step included) declares Node 22.12 or newer. */
const NODE_FOR_ELECTRON = [22, 12];

function nodeTooOld() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major < NODE_FOR_ELECTRON[0] || (major === NODE_FOR_ELECTRON[0] && minor < NODE_FOR_ELECTRON[1]);
}

function fail(why) {
  process.stderr.write(`npm start: ${why}. ${WEB}\n`);
  process.exit(1);
}

/** The last line of a failed download that says why (e.g. "TypeError: fetch failed"), not its stack. */
function reason(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('at ') && !line.startsWith('^') && !/^Node\.js v/.test(line));
  const cause = lines.find((line) => /^\w*Error: /.test(line) && !/Electron failed to install/.test(line));
  return (cause ?? lines.at(-1) ?? 'no reason given').replace(/^Error: /, '');
}

// Asking for the binary's path downloads it when it is missing; done in a child process so that
// a failed download is caught here, in one line, rather than thrown as a stack trace.
const found = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: ROOT, encoding: 'utf8' });
if (found.status !== 0) {
  const node = nodeTooOld() ? `; Electron 45's tooling needs Node ${NODE_FOR_ELECTRON.join('.')} or newer, this is Node ${process.versions.node}` : '';
  fail(`Electron's binary is not installed and could not be downloaded (${reason(`${found.stdout}\n${found.stderr}`)})${node}`);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(found.stdout, ['.'], { cwd: ROOT, stdio: 'inherit' });
app.on('error', (error) => fail(`Electron could not be started (${error.message})`));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
