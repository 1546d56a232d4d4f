import { parseArgs } from 'node:util';
import * as aar from './commands/aar';
import * as handoff from './commands/handoff';
import * as plan from './commands/plan';
import * as verify from './commands/verify';
import { UsageError } from './io';

/** The output formats of `marathon check`. */
export const CHECK_FORMATS = ['text', 'json', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The commands that have their own help page. */
export const COMMANDS = ['parse', 'check', 'plan', 'handoff', 'aar', 'verify'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** A command line, understood. */
export type Command =
  | { kind: 'help'; topic?: CommandName }
  | { kind: 'version' }
  | { kind: 'parse'; file: string; json: boolean }
  | { kind: 'check'; files: string[]; format: CheckFormat; root?: string; git: boolean; session?: string; base?: string }
  | { kind: 'plan'; options: plan.PlanOptions }
  | { kind: 'handoff'; options: handoff.HandoffOptions }
  | { kind: 'aar'; options: aar.AarOptions }
  | { kind: 'verify'; options: verify.VerifyCliOptions };

/**
 * Turns `argv` (without node and the script) into a command.
 * Throws `UsageError` with a one-line message for anything it does not understand.
 */
export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (first === '--help' || first === '-h') return helpFor(rest[0]);
  if (first === '--version' || first === '-V') {
    if (rest.length > 0) throw new UsageError(`--version takes no arguments (got '${rest[0]}')`);
    return { kind: 'version' };
  }
  if (first === 'help') {
    if (rest.length > 1) throw new UsageError(`help takes at most one command (got '${rest.join(' ')}')`);
    return helpFor(rest[0]);
  }
  if (first === 'parse') return parseCommand(rest);
  if (first === 'check') return checkCommand(rest);
  if (first === 'plan') {
    const o = plan.parse(rest);
    return 'from' in o ? { kind: 'plan', options: o } : { kind: 'help', topic: 'plan' };
  }
  if (first === 'handoff') {
    const o = handoff.parse(rest);
    return o.help ? { kind: 'help', topic: 'handoff' } : { kind: 'handoff', options: o };
  }
  if (first === 'aar') {
    const o = aar.parse(rest);
    return o.help ? { kind: 'help', topic: 'aar' } : { kind: 'aar', options: o };
  }
  if (first === 'verify') {
    const o = verify.parse(rest);
    return o.help ? { kind: 'help', topic: 'verify' } : { kind: 'verify', options: o };
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`);
  throw new UsageError(`unknown command '${first}'`);
}

function helpFor(topic: string | undefined): Command {
  if (topic === undefined) return { kind: 'help' };
  if (!isCommandName(topic)) throw new UsageError(`no help for '${topic}': not a command`);
  return { kind: 'help', topic };
}

function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

function parseCommand(args: string[]): Command {
  const { values, positionals } = strictParse('parse', args, {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return { kind: 'help', topic: 'parse' };
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('parse: missing FILE', 'parse');
  if (extra.length > 0) throw new UsageError(`parse takes one FILE (got ${positionals.length}); use 'marathon check' for several`, 'parse');
  return { kind: 'parse', file, json: values.json === true };
}

function checkCommand(args: string[]): Command {
  const { values, positionals } = strictParse('check', args, {
    format: { type: 'string', short: 'f' },
    root: { type: 'string' },
    git: { type: 'boolean' },
    session: { type: 'string', short: 's' },
    base: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return { kind: 'help', topic: 'check' };
  const git = values.git === true;
  for (const name of ['session', 'base'] as const) {
    const v = values[name];
    if (v === '') throw new UsageError(`check: --${name} needs a value`, 'check');
    if (v !== undefined && !git) throw new UsageError(`check: --${name} works with --git`, 'check');
  }
  if (positionals.length === 0) throw new UsageError('check: missing FILE', 'check');
  const format = values.format ?? 'text';
  if (typeof format !== 'string' || !(CHECK_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`check: bad --format '${String(format)}' (use ${CHECK_FORMATS.join(', ')})`, 'check');
  }
  const root = values.root;
  if (root === '') throw new UsageError('check: --root needs a directory', 'check');
  return {
    kind: 'check',
    files: positionals,
    format: format as CheckFormat,
    ...(typeof root === 'string' ? { root } : {}),
    git,
    ...(typeof values.session === 'string' ? { session: values.session } : {}),
    ...(typeof values.base === 'string' ? { base: values.base } : {}),
  };
}

type OptionSpec = Record<string, { type: 'boolean' | 'string'; short?: string }>;

// util.parseArgs in strict mode, with its errors turned into one-line usage errors.
function strictParse(command: CommandName, args: string[], options: OptionSpec) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${command}: ${describeParseError(err)}`, command);
  }
}

function describeParseError(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted !== undefined) return `unknown option '${quoted}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted !== undefined) {
    // Node quotes the option as `-f, --format <value>`: name it by its long form.
    const name = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
    return /does not take/.test(message) ? `option '${name}' takes no value` : `option '${name}' needs a value`;
  }
  // Anything else: node's first sentence, which is already one line.
  const first = message.split(/\.\s/)[0] ?? message;
  return first.charAt(0).toLowerCase() + first.slice(1);
}
