// Runs quoted values through real shells for the launch tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Values that would run `touch PWNED` (or expand) if quoting failed. */
export const HOSTILE = [
  '$(touch PWNED)',
  '`touch PWNED`',
  "'; touch PWNED; '",
  '" && touch PWNED',
  '| touch PWNED',
  'a\ntouch PWNED',
  'a\r\ntouch PWNED\r\n',
  '$HOME',
  '${HOME}',
  '\\',
  '\\\\',
  "\\'",
  'it\'s a "quote"',
  '!! !$ history',
  '* ? [a-z] ~ ~root',
  '; touch PWNED #',
  '> PWNED',
  '\ttab\u001b[31mred\u0007\u0000nul\u007f',
  'Zoë — ünïcödé 日本語 🚀',
  '‘’ smart quotes',
  '-n',
  '--help',
  '',
];

/** True when `name` is on PATH. */
export function hasShell(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** A fresh temporary directory; `done()` removes it. */
export function tempDir(): { dir: string; pwned: () => boolean; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'marathon-quote-'));
  return {
    dir,
    pwned: () => existsSync(join(dir, 'PWNED')) || readdirSync(dir).length > 0,
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `shell -c script` in `cwd` and returns its standard output. */
export function runShell(shell: string, args: string[], cwd: string): string {
  return execFileSync(shell, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
}

/** Feeds `typed` to `shell args…` on standard input, as a terminal would, and returns its output. */
export function typeInto(shell: string, args: string[], typed: string, cwd: string): string {
  const r = spawnSync(shell, args, { cwd, input: typed, encoding: 'utf8', timeout: 10_000 });
  return r.stdout;
}
