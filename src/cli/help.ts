import type { CommandName } from './args';
import * as aar from './commands/aar';
import * as handoff from './commands/handoff';
import * as plan from './commands/plan';
import * as verify from './commands/verify';
import { MAX_PLAN_BYTES, formatSize } from './load';

const EXIT_CODES = `Exit codes:
  0   no errors (warnings and notices do not fail)
  1   a plan has an error, or a file could not be read
  2   usage error (unknown command or option, missing FILE)
  70  internal error in marathon itself`;

/** `marathon --help`. */
export const GENERAL_HELP = `marathon - read and check marathon plans (*.marathon.md, *.marathon.yaml)

Usage:
  marathon parse FILE [--json]         show what Marathon reads in a plan
  marathon check FILE... [options]     report problems in plans; exit 1 on errors
                                       (--git: scope, deliverables, stubs, time against git)
  marathon plan FILE [options]         critical path, makespan for 1-N instances, what to start next
  marathon handoff PLAN --session ID   write a session's handoff note (never overwrites)
  marathon aar PLAN [options]          write the After Action Review from measured state
  marathon verify DOC --repo DIR       fact-check a handoff or AAR against git
  marathon help [COMMAND]              show help for a command
  marathon --version                   print the version

Markdown is read unless the file name ends in .yaml or .yml.

${EXIT_CODES}
`;

const PARSE_HELP = `Usage: marathon parse FILE [--json]

Reads one plan and prints its title, sessions (id, title, hours, branch, criteria done/total,
deliverables), streams with task counts, phases with their dependencies, then its problems.

Options:
  --json       print the plan model as JSON (the schema of schemas/plan.schema.json),
               problems included under "problems"
  -h, --help   show this help

Exit 0 when the plan was read (even with problems), 1 when the file could not be read
(missing, a directory, binary, over ${formatSize(MAX_PLAN_BYTES)}), 2 on a usage error.
`;

const CHECK_HELP = `Usage: marathon check FILE... [--format text|json|github] [--root DIR]
                      [--git [--session ID] [--base REV]]

Reads each plan, runs the plan checks and prints every problem. With --git it also compares
the plan with what git says changed: scope-creep, deliverable-missing, deliverable-stub,
time-overrun, scope-expansion, overlap-conflict and protected-path findings.

Options:
  -f, --format FORMAT   text (default): "file:line:col severity code message" and a summary
                        json: an array of {file, line, column, endLine, endColumn,
                              severity, code, message}
                        github: GitHub Actions annotations (::error / ::warning / ::notice)
  --root DIR            the workspace root for checks on paths, where the run log
                        .marathon/runlog.jsonl lives (default: current directory)
  --git                 check each session against git (the sessions started in the run
                        log, else the session whose branch is checked out)
  -s, --session ID      with --git: check this session only
  --base REV            with --git: compare against REV instead of the session's start
                        (run log) or its branch's merge-base with the default branch
  -h, --help            show this help

A file that cannot be read is reported as an error on its line 1 (file-unreadable,
file-binary, file-too-large).

${EXIT_CODES}
`;

/** The help text of one command, or the general help. */
export function helpText(topic?: CommandName): string {
  if (topic === 'parse') return PARSE_HELP;
  if (topic === 'check') return CHECK_HELP;
  if (topic === 'plan') return plan.help;
  if (topic === 'handoff') return handoff.help;
  if (topic === 'aar') return aar.help;
  if (topic === 'verify') return verify.help;
  return GENERAL_HELP;
}
