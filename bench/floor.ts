// The floor under the big-plan target: a reader written for the generated plan's one shape (see
// generate.ts), which builds the very model Marathon's reader builds and does nothing else. It
// knows where every field is, so it checks nothing, reports no problem and reads no other plan.
// Timed beside Marathon by `npm run bench`, it shows what building that model costs on the machine
// at hand: no general reader can take less. The bench times it only when its model deep-equals
// readPlan's (floorMatches), so the figure is for the same work.
import { isDeepStrictEqual } from 'node:util';
import { emptyPlan, type Hours, type Plan, type Session } from '../src/core/model';

/** Hours as the reader gives them for the generated plan's durations: `4`, `3-4`, `~2.5`, with or without ` hours`. */
function hours(text: string): Hours {
  const approximate = text.charCodeAt(0) === 126; // `~`
  const numbers = (approximate ? text.slice(1) : text).split(' ')[0]!;
  const dash = numbers.indexOf('-');
  const min = Number(dash < 0 ? numbers : numbers.slice(0, dash));
  const max = dash < 0 ? min : Number(numbers.slice(dash + 1));
  return approximate ? { text, min, max, unit: 'hours', approximate: true } : { text, min, max, unit: 'hours' };
}

/** The text of `text[from, to)` without the spaces at its ends (cells hold no other white space). */
function trimmed(text: string, from: number, to: number): string {
  while (text.charCodeAt(from) === 32) from++;
  while (to > from && text.charCodeAt(to - 1) === 32) to--;
  return text.slice(from, to);
}

const NO_DEPENDENCIES: string[] = Object.freeze([]) as unknown as string[];
const PARTIAL_TO_FULL = Object.freeze({ from: 'Partial', to: 'Full' });
const TERMINAL = /^- \*\*Terminals (\d+)-(\d+):\*\* (.*) \(tasks? (\d+)(?:-(\d+))?\)$/;

/** Reads a plan written by generatePlan; any other text gives a model Marathon's reader would not. */
export function floorRead(text: string): Plan {
  const plan = emptyPlan('markdown');
  let session: Session | undefined;
  let section = '';
  let fence = false;
  let lastContent = 0;
  let no = 0;
  for (let pos = 0; pos <= text.length; ) {
    const found = text.indexOf('\n', pos);
    const end = found < 0 ? text.length : found;
    const start = pos;
    pos = end + 1;
    no++;
    const c = text.charCodeAt(start);
    if (start === end) continue; // blank
    if (c === 124) {
      // A table row, read in place: `| id | title | file | status |` or an overview row.
      if (fence || text.charCodeAt(start + 1) === 45) continue; // |---|
      const digit = text.charCodeAt(start + 2);
      if (digit < 48 || digit > 57) continue; // the header row
      const bar1 = text.indexOf('|', start + 1);
      const bar2 = text.indexOf('|', bar1 + 1);
      const bar3 = text.indexOf('|', bar2 + 1);
      const id = trimmed(text, start + 1, bar1);
      const title = trimmed(text, bar1 + 1, bar2);
      if (session) {
        session.tasks.push({ id, title, files: [text.slice(bar2 + 3, bar3 - 2)], dependsOn: NO_DEPENDENCIES, line: no, status: PARTIAL_TO_FULL });
      } else {
        plan.overview.push({ session: id, title, hours: hours(trimmed(text, bar2 + 1, bar3)), line: no });
      }
      lastContent = no;
      continue;
    }
    const line = text.slice(start, end);
    if (line === '---') continue;
    if (c === 96) fence = !fence; // ```
    else if (fence) {
      // Agent Work lines: nothing in the model.
    } else if (c === 35) {
      if (line.startsWith('## Session ') && line.charCodeAt(11) !== 79) {
        if (session) session.endLine = lastContent;
        const colon = line.indexOf(':');
        session = {
          id: line.slice(11, colon), title: line.slice(colon + 2), agents: [], objectives: [], terminals: [], criteria: [], deliverables: [],
          tasks: [], dependsOn: [], line: no, endLine: no,
        };
        plan.sessions.push(session);
      } else if (line.charCodeAt(1) === 32) {
        plan.title = line.slice(2);
      } else {
        section = line;
      }
    } else if (c === 62) {
      // > **Purpose:** … and the other front fields
      const close = line.indexOf(':**');
      const label = line.slice(4, close);
      if (label === 'Purpose') plan.purpose = line.slice(close + 4);
      else if (label === 'Created') plan.created = line.slice(close + 4);
    } else if (c === 42 && line.charCodeAt(1) === 42) {
      const close = line.indexOf(':**');
      const label = line.slice(2, close);
      const value = line.slice(close + 4);
      if (!session) {
        // **Total:** 4000 hours, 3000 agent spawns, 10000 CCW tasks
        const h = hours(value.slice(0, value.indexOf(',')));
        h.line = no;
        plan.totalHours = h;
        plan.totalTasks = Number(value.slice(value.lastIndexOf(', ') + 2, value.indexOf(' CCW')));
      } else if (label === 'Duration') {
        const h = hours(value);
        h.line = no;
        session.hours = h;
      } else if (label === 'Branch') {
        session.branch = value.slice(1, -1);
      } else {
        // **Agents:** 3 (A, B, C)
        for (const role of value.slice(value.indexOf('(') + 1, -1).split(', ')) session.agents.push({ role, count: 1 });
      }
    } else if (session) {
      if (c === 45 && section === '### Deliverables') {
        const path = line.slice(3, -1);
        session.deliverables.push({ text: path, line: no, path, isGlob: false, isPlaceholder: false, isFolder: false });
      } else if (c === 45 && line.charCodeAt(2) === 91) {
        session.criteria.push({ text: line.slice(6), done: false, line: no, column: 3 });
      } else if (c === 45) {
        const t = TERMINAL.exec(line)!;
        const from = Number(t[4]);
        session.terminals.push({ from: Number(t[1]), to: Number(t[2]), label: t[3]!, line: no, tasks: { from, to: t[5] === undefined ? from : Number(t[5]) } });
      } else if (c >= 48 && c <= 57) {
        session.objectives.push({ text: line.slice(line.indexOf(' ') + 1), line: no });
      }
    }
    lastContent = no;
  }
  if (session) session.endLine = lastContent;
  return plan;
}

/** Does floorRead give exactly the model `plan` (Marathon's reading of the same text)? */
export function floorMatches(text: string, plan: Plan): boolean {
  return isDeepStrictEqual(floorRead(text), plan);
}
