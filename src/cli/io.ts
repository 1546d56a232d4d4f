import * as path from 'node:path';

/** Something text can be written to: `process.stdout`, or a string collector in tests. */
export interface Writer {
  write(text: string): unknown;
}

/** What the CLI may touch of its process: two output streams and the working directory. */
export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  cwd: string;
}

/** The CLI's exit codes. `internal` is sysexits' EX_SOFTWARE. */
export const ExitCode = {
  ok: 0,
  problems: 1,
  usage: 2,
  internal: 70,
} as const;

/** A mistake in the command line. `command` names the command whose help the hint points to. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The minimal surface of a stream that `pipeSafe` needs (an EventEmitter with `write`). */
export interface ErrorEmittingStream extends Writer {
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/**
 * Wraps an output stream so that a reader that went away (`marathon … | head -1` → EPIPE) ends
 * the output quietly instead of crashing with an unhandled 'error' event: later writes are dropped.
 */
export function pipeSafe(stream: ErrorEmittingStream): Writer {
  let closed = false;
  stream.on('error', () => {
    // EPIPE, ERR_STREAM_DESTROYED, EIO: whoever read this output is gone; nothing left to tell.
    closed = true;
  });
  return {
    write(text: string): boolean {
      if (closed) return false;
      try {
        return stream.write(text) !== false;
      } catch {
        // A synchronous write failure means the same thing as the 'error' event above.
        closed = true;
        return false;
      }
    },
  };
}

/** A path as the user should see it: relative to `cwd`, with `/` separators. */
export function displayPath(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath) || '.';
  return rel.split(path.sep).join('/');
}

/** The message of anything thrown, on one line. */
export function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error';
}
