// Composition root of the `marathon` CLI: wires the process to `main` and sets the exit code.
import { main } from './cli/main';
import { ExitCode, messageOf, pipeSafe } from './cli/io';

const stdout = pipeSafe(process.stdout);
const stderr = pipeSafe(process.stderr);

// Belt and braces: nothing may end the process with a stack trace.
process.on('uncaughtException', (err) => {
  stderr.write(`marathon: internal error: ${messageOf(err)}\n`);
  process.exit(ExitCode.internal);
});

main(process.argv.slice(2), { stdout, stderr, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    stderr.write(`marathon: internal error: ${messageOf(err)}\n`);
    process.exitCode = ExitCode.internal;
  },
);
