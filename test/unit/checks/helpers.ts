// Small builders for plan fixtures used by the check tests.
import { emptyPlan, type Deliverable, type Hours, type Plan, type Problem, type Session, type Task, type Terminal } from '../../../src/core/model';

/** A numeric duration: `h(4)` is 4 hours, `h(3, 5)` is 3-5 hours. */
export function h(min: number, max = min): Hours {
  return { text: min === max ? `${min} hours` : `${min}-${max} hours`, min, max, unit: 'hours' };
}

/** A session with empty lists; `line` defaults to 10 and `endLine` to line + 9. */
export function session(id: string, over: Partial<Session> = {}): Session {
  const line = over.line ?? 10;
  return {
    id,
    title: `Session ${id}`,
    agents: [],
    objectives: [],
    terminals: [],
    criteria: [],
    deliverables: [],
    tasks: [],
    dependsOn: [],
    line,
    endLine: line + 9,
    ...over,
  };
}

/** Sessions `ids[i]` on lines 10, 20, 30, … */
export function sessions(...ids: string[]): Session[] {
  return ids.map((id, i) => session(id, { line: 10 * (i + 1) }));
}

/** A terminal allocation `Terminals from-to`, optionally with `(tasks a-b)`. */
export function terminal(from: number, to: number, line: number, tasks?: [number, number]): Terminal {
  const t: Terminal = { from, to, label: `Terminals ${from}-${to}`, line };
  if (tasks) t.tasks = { from: tasks[0], to: tasks[1] };
  return t;
}

/** A task row. */
export function task(id: string, line: number, dependsOn: string[] = []): Task {
  return { id, title: `Task ${id}`, files: [], dependsOn, line };
}

/** A deliverable naming `path`. */
export function deliverable(path: string, line: number, over: Partial<Deliverable> = {}): Deliverable {
  return { path, text: `\`${path}\``, isGlob: /[*?]/.test(path), isPlaceholder: false, isFolder: path.endsWith('/'), line, ...over };
}

/** A markdown plan with the given fields set. */
export function plan(over: Partial<Plan> = {}): Plan {
  return { ...emptyPlan('markdown', 'Test plan'), ...over };
}

/** The problems with the given code. */
export function only(problems: readonly Problem[], code: string): Problem[] {
  return problems.filter((p) => p.code === code);
}
