// Synthetic marathon plans for the bench and the growth tests. The shape follows the real
// multi-session plans (overview table, one `## Session NNNN:` block per session); the words are
// our own. Deterministic: the same arguments always give the same text.

/** A tiny linear congruential generator (Numerical Recipes constants), so output never varies. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

const AREAS = [
  'Scheduler', 'Billing', 'Search', 'Audit Trail', 'Notifications', 'Reports', 'Access Control',
  'Cache', 'Importer', 'Metrics', 'Offline Sync', 'Rate Limits',
];
const VERBS = ['Harden', 'Refactor', 'Cover', 'Document', 'Profile', 'Fix', 'Extend', 'Migrate'];
const ROLES = ['ARCHITECT', 'TOOLSMITH', 'QA_TESTER', 'DBA', 'SECURITY_AUDITOR', 'HISTORIAN', 'CODE_REVIEWER'];
const DIRS = ['src', 'api', 'web', 'lib', 'docs'];
const DURATIONS = ['4 hours', '3-4 hours', '~2.5 hours', '3 hours', '5 hours'];

function pick<T>(items: readonly T[], rnd: () => number): T {
  const item = items[Math.floor(rnd() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pad(n: number, width = 4): string {
  return String(n).padStart(width, '0');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

interface SessionSpec {
  id: string;
  title: string;
  area: string;
  duration: string;
  roles: string[];
}

function sessionSpec(index: number, rnd: () => number): SessionSpec {
  const area = pick(AREAS, rnd);
  const first = Math.floor(rnd() * ROLES.length);
  const roles = [0, 1, 2].map((k) => ROLES[(first + k) % ROLES.length] ?? 'QA_TESTER');
  return { id: pad(index + 1), title: `${pick(VERBS, rnd)} ${area}`, area, duration: pick(DURATIONS, rnd), roles };
}

function header(specs: readonly SessionSpec[], tasksPerSession: number): string[] {
  const out = [
    `# Synthetic Marathon: ${specs.length}-Session Load Plan`,
    '',
    `> **Purpose:** Exercise the plan reader with ${specs.length} sessions of ordinary shape`,
    `> **Sessions:** ${specs.length} (about four hours each)`,
    '> **Created:** 2026-01-01',
    '',
    '---',
    '',
    '## Session Overview',
    '',
    '| Session | Focus | Est. Hours | Agents | CCW Tasks |',
    '|---------|-------|------------|--------|-----------|',
  ];
  for (const s of specs) out.push(`| ${s.id} | ${s.title} | ${s.duration.replace(/ hours$/, '')} | 3 | ${tasksPerSession} |`);
  out.push('', `**Total:** ${specs.length * 4} hours, ${specs.length * 3} agent spawns, ${specs.length * tasksPerSession} CCW tasks`, '', '---', '');
  return out;
}

/** Splits `count` tasks starting at `first` into at most three terminal groups. */
function terminalLines(first: number, count: number): string[] {
  const groups = Math.min(3, count);
  const out: string[] = [];
  let start = first;
  for (let g = 0; g < groups; g++) {
    const size = Math.floor(count / groups) + (g < count % groups ? 1 : 0);
    const t = g * 3 + 1;
    const tasks = size === 1 ? `task ${start}` : `tasks ${start}-${start + size - 1}`;
    out.push(`- **Terminals ${t}-${t + 2}:** Group ${g + 1} (${tasks})`);
    start += size;
  }
  return out;
}

function sessionBlock(s: SessionSpec, firstTask: number, tasksPerSession: number, rnd: () => number): string[] {
  const dir = pick(DIRS, rnd);
  const name = slug(s.area).replace(/-/g, '_');
  const out = [
    `## Session ${s.id}: ${s.title}`,
    '',
    `**Duration:** ${s.duration}`,
    `**Branch:** \`claude/session-${s.id}-${slug(s.area)}\``,
    `**Agents:** 3 (${s.roles.join(', ')})`,
    '',
    '### Objectives',
    `1. Raise ${s.area.toLowerCase()} coverage 40% → 85%`,
    '2. Remove mocks',
    '3. Write notes',
    '',
    `### CCW Terminal Allocation (${tasksPerSession} tasks)`,
    ...terminalLines(firstTask, tasksPerSession),
    '',
    '### Agent Work',
    '```',
    `${s.roles[0] ?? 'ARCHITECT'}: Design`,
    `${s.roles[1] ?? 'TOOLSMITH'}: Build`,
    `${s.roles[2] ?? 'QA_TESTER'}: Test`,
    '```',
    '',
    '### Success Criteria',
    `- [ ] ${s.area} tests pass`,
    '- [ ] Coverage 85%+',
    '- [ ] Lint clean',
    '',
    '### Deliverables',
    `- \`${dir}/${name}.py\``,
    `- \`tests/test_${name}.py\``,
    `- \`docs/s${s.id}.md\``,
    '',
  ];
  if (tasksPerSession > 0) {
    out.push('| # | Task | File | Status → Target |', '|---|---|---|---|');
    for (let k = 0; k < tasksPerSession; k++) {
      const n = firstTask + k;
      out.push(`| ${n} | ${pick(VERBS, rnd)} ${k + 1} | \`${dir}/t${n}.py\` | Partial → Full |`);
    }
    out.push('');
  }
  out.push('---', '');
  return out;
}

/**
 * A markdown plan with `sessions` sessions of `tasksPerSession` task rows each, in the shape of
 * the real multi-session plans. 1,000 × 10 comes to about 1.3 MB.
 */
export function generatePlan(sessions: number, tasksPerSession: number): string {
  const rnd = lcg(0x5eed + sessions * 31 + tasksPerSession);
  const specs = Array.from({ length: sessions }, (_, i) => sessionSpec(i, rnd));
  const out = header(specs, tasksPerSession);
  let nextTask = 1;
  for (const s of specs) {
    out.push(...sessionBlock(s, nextTask, tasksPerSession, rnd));
    nextTask += tasksPerSession;
  }
  out.push('*Generated for benchmarks; not a real plan.*', '');
  return out.join('\n');
}

/**
 * A random dependency graph for the planning bench and tests: `n` tasks `T0…`, `m` distinct edges
 * from an earlier task to a later one within `span` places (so it is a DAG), and 1–8 hours each.
 * The same seed gives the same graph.
 */
export function randomDag(n: number, m: number, seed: number, span: number): { id: string; hours: number; dependsOn: string[] }[] {
  let state = seed;
  const rand = (k: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % k;
  };
  const deps: string[][] = Array.from({ length: n }, () => []);
  const seen = new Set<number>();
  while (seen.size < m) {
    const b = 1 + rand(n - 1);
    const a = Math.max(0, b - 1 - rand(Math.min(b, span)));
    if (seen.has(a * n + b)) continue;
    seen.add(a * n + b);
    deps[b]!.push(`T${a}`);
  }
  return deps.map((d, i) => ({ id: `T${i}`, hours: 1 + rand(8), dependsOn: d }));
}
