import type { CliIo } from './cli-io';
import { runCli } from './run-cli';

/**
 * Lines for stdout are gathered and written together (a compare of two long reports prints tens
 * of thousands of lines, one system call each otherwise): at the end of the current turn, past
 * 64 KB, before anything goes to stderr (so the two stay in order) and when the process exits.
 */
const FLUSH_AT = 64 * 1024;
let pending = '';
function flush(): void {
  if (pending === '') return;
  const text = pending;
  pending = '';
  process.stdout.write(text);
}
process.on('exit', flush);

const io: CliIo = {
  out: (text) => {
    if (pending === '') setImmediate(flush);
    pending += `${text}\n`;
    if (pending.length >= FLUSH_AT) flush();
  },
  err: (text) => {
    flush();
    process.stderr.write(`${text}\n`);
  },
};
runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
