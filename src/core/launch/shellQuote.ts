/**
 * Quoting values for the command line an agent terminal is started with. The command is sent to
 * the terminal as typed text, so a value must (1) arrive at the program as ONE literal argument,
 * (2) run nothing (no expansion, substitution, globbing or command separators), and (3) never
 * press a key: a newline would act as Enter and a tab would trigger completion, so control
 * characters are replaced by spaces before quoting ({@link sanitizeForTerminal}).
 */

/** The quoting rules a terminal's shell follows. */
export type ShellKind = 'posix' | 'fish' | 'pwsh' | 'cmd';

/** Shell names (file name without `.exe`, version suffixes allowed) and their quoting rules. */
const SHELLS: readonly [RegExp, ShellKind][] = [
  [/^(?:bash|zsh|sh|dash|ksh|mksh|pdksh|ash|yash|busybox|git-bash|wsl)(?:[-._\d].*)?$/, 'posix'],
  [/^fish(?:[-._\d].*)?$/, 'fish'],
  [/^(?:pwsh|powershell)(?:[-._\w].*)?$/, 'pwsh'],
  [/^cmd$/, 'cmd'],
];

/**
 * The quoting rules of the shell at `shellPath` (`/bin/zsh`, `C:\Windows\System32\cmd.exe`,
 * `pwsh`, …). bash, zsh, sh, dash and ksh are `posix`; fish is `fish`; pwsh and powershell are
 * `pwsh`; cmd.exe is `cmd`. An unknown or absent shell gives the platform's default terminal:
 * `pwsh` on win32, `posix` elsewhere.
 */
export function shellKindOf(shellPath: string | undefined, platform: NodeJS.Platform): ShellKind {
  const fallback: ShellKind = platform === 'win32' ? 'pwsh' : 'posix';
  const base = (shellPath ?? '').trim().replace(/^["']|["']$/g, '').split(/[\\/]/).pop() ?? '';
  const name = base.toLowerCase().replace(/\.exe$/, '');
  if (!name) return fallback;
  for (const [re, kind] of SHELLS) if (re.test(name)) return kind;
  return fallback;
}

/**
 * `value` made safe to type into a terminal: every C0/C1 control character (CR, LF, tab, ESC,
 * NUL, DEL, U+0080–U+009F) becomes one space, and a lone UTF-16 surrogate becomes U+FFFD (what it
 * would be encoded as anyway). Everything else is kept, so the result has the same length.
 */
export function sanitizeForTerminal(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += ' ';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value[i]! + value[i + 1]!;
        i++;
      } else out += '\uFFFD';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\uFFFD';
    else out += value[i]!;
  }
  return out;
}

/** POSIX sh, bash, zsh, dash, ksh: single quotes allow no escapes, so `'` becomes `'\''`. */
function quotePosix(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

/** fish: inside single quotes only `\\` and `\'` are escapes. */
function quoteFish(v: string): string {
  return `'${v.replace(/[\\']/g, '\\$&')}'`;
}

/**
 * PowerShell: inside single quotes nothing expands and a quote is written twice. PowerShell also
 * takes the typographic single quotes U+2018–U+201B as quotes, so those are doubled as well.
 */
function quotePwsh(v: string): string {
  return `'${v.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
}

/**
 * cmd.exe: first the argument is quoted for the Microsoft C runtime (`CommandLineToArgvW`): double
 * quotes, `\"` for a quote, backslashes doubled where they precede a quote. Then every cmd
 * metacharacter of the result — `% ! ^ & | < > " ( )`, the quotes included — gets a `^`. Because
 * even the quotes are escaped, cmd never enters its quoted state (where `^` would be literal), so
 * every caret is consumed by cmd and the program receives the C-runtime quoted argument.
 */
function quoteCmd(v: string): string {
  let out = '"';
  let slashes = 0;
  for (const ch of v) {
    if (ch === '\\') {
      slashes++;
      continue;
    }
    out += ch === '"' ? `${'\\'.repeat(slashes * 2 + 1)}"` : '\\'.repeat(slashes) + ch;
    slashes = 0;
  }
  out += `${'\\'.repeat(slashes * 2)}"`;
  return out.replace(/[%!^&|<>"()]/g, '^$&');
}

/**
 * `value` quoted for `kind` so that it reaches the program as one literal argument and runs
 * nothing. The value is passed through {@link sanitizeForTerminal} first, so the result holds no
 * line break or other control character and cannot submit a line early.
 *
 * - `posix`: `'…'` with `'\''` for a quote. Exact for any value.
 * - `fish`: `'…'` with `\\` and `\'`. Exact for any value.
 * - `pwsh`: `'…'` with quotes (also U+2018–U+201B) doubled. Exact for cmdlets and scripts. Native
 *   programs get the argument re-quoted by PowerShell; before PowerShell 7.3 (and in Windows
 *   PowerShell 5.1) an embedded `"` or an empty value is mangled on that hop.
 * - `cmd`: `^"…^"` with C-runtime escaping and `^` before every metacharacter (see the code).
 *   Limits: this is the rule for text typed at the prompt, not for a batch file (where `%` must be
 *   doubled); `%NAME^%` could still expand if a variable whose name ends in `^` exists; with
 *   delayed expansion on (`cmd /V:ON`) `!NAME!` expands; programs that do not parse their
 *   command line with the C runtime (cmd's own `echo`) see the quotes and backslashes as written.
 */
export function quote(value: string, kind: ShellKind): string {
  const v = sanitizeForTerminal(value);
  switch (kind) {
    case 'posix':
      return quotePosix(v);
    case 'fish':
      return quoteFish(v);
    case 'pwsh':
      return quotePwsh(v);
    case 'cmd':
      return quoteCmd(v);
  }
}
