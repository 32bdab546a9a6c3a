import { runCli } from './cli';

/** `npm run cli -- audit …`: see apps/cli/README.md. */
void runCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
}).then((code) => {
  process.exitCode = code;
});
