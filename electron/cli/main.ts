import type { CliIo } from './cli-io';
import { runCli } from './run-cli';

const io: CliIo = { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) };
runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
