import { quote, sanitizeForTerminal, type ShellKind } from './shellQuote';

/**
 * The default agent command: it only prints the prompt file, so launching with the default runs
 * no agent and nothing the user did not choose. Users set their agent's command in the settings.
 * This is the `posix` (and fish) form; see {@link defaultAgentCommand} for every shell.
 */
export const DEFAULT_AGENT_COMMAND = 'cat ${promptFile}';

/**
 * The default agent command for a shell: `cat` for posix and fish, `Get-Content -Raw
 * -LiteralPath` for PowerShell (`-LiteralPath` so `[` in a path is not a wildcard), `type` for cmd.
 */
export function defaultAgentCommand(kind: ShellKind): string {
  switch (kind) {
    case 'posix':
    case 'fish':
      return DEFAULT_AGENT_COMMAND;
    case 'pwsh':
      return 'Get-Content -Raw -LiteralPath ${promptFile}';
    case 'cmd':
      return 'type ${promptFile}';
  }
}

/** The variables a launch provides to a command template. */
export const TEMPLATE_VARIABLES = ['taskId', 'sessionId', 'branch', 'title', 'promptFile'] as const;

/** What {@link expandCommand} gives back. */
export interface ExpandedCommand {
  /** The command line to type into the terminal: one line, no control characters. */
  command: string;
  /** Human-readable problems with the template (unknown variables, line breaks). */
  problems: string[];
}

/**
 * Expands `${name}` in a command template. Each `${name}` that `vars` has (own property) is
 * replaced by its value quoted for `kind` with {@link quote}, so a value is always one literal
 * argument; the template is expanded in one pass, so text inside a value is never expanded again.
 * A `${name}` that `vars` lacks is left as written and reported, once per name. The template's own
 * control characters (a line break would submit the line early) become spaces and are reported.
 *
 * A variable should stand alone as a word: `--title=${title}` works in posix shells, but writing
 * `"${title}"` wraps the quoted value in a second pair of quotes.
 */
export function expandCommand(template: string, vars: Record<string, string>, kind: ShellKind): ExpandedCommand {
  const problems: string[] = [];
  const clean = sanitizeForTerminal(template);
  if (clean !== template) problems.push('The command template contains a line break or control character; it was replaced by a space.');
  const unknown = new Set<string>();
  const command = clean.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined;
    if (typeof value === 'string') return quote(value, kind);
    if (!unknown.has(name)) {
      unknown.add(name);
      problems.push(`Unknown variable \`${whole}\` in the command template; known: ${Object.keys(vars).map((k) => `\${${k}}`).join(', ') || 'none'}.`);
    }
    return whole;
  });
  return { command, problems };
}
