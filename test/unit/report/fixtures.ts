// Views for the report tests: one with an XSS payload in every string field, and a realistic
// 100-session after-action review (deterministic pseudo-random figures).
import type { ReportView } from '../../../src/vscode/report/view';

/** Payloads that must come out as text, never as markup, script or a followable link. */
export const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '<svg onload=alert(1)>',
  '"><iframe srcdoc="<script>alert(1)</script>">',
  "'><img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)" x="',
  "' onfocus='alert(1)' autofocus '",
  '</title><script>alert(1)</script>',
  '</text></svg><img src=x onerror=alert(1)>',
  ']]><script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  'javascript:alert(1)',
] as const;

/** A payload per field, cycling through the corpus so every payload lands in several fields. */
function payloads(): () => string {
  let i = 0;
  return () => XSS[i++ % XSS.length] ?? '';
}

const MARKDOWN_XSS = `# ${XSS[0]}

${XSS.join('\n\n')}

[js](javascript:alert(1)) [JS](JAVASCRIPT:alert(1)) [vb](vbscript:msgbox(1)) [data](data:text/html,<script>alert(1)</script>)
[tab](java\tscript:alert(1)) [entity](&#106;avascript:alert(1)) [proto-relative](//evil.example/x) [mailto](mailto:a@b.c)
[cmd](command:workbench.action.terminal.new) [file](file:///etc/passwd) [ok](https://example.com/a?b=1&c="2") [rel](src/a.ts#L12)

![img](x" onerror="alert(1)) ![remote](https://evil.example/track.png) ![data](data:image/png;base64,iVBORw0KGgo=)

<div onclick="alert(1)">raw html</div>

| a | b |
|:--|--:|
| <b onmouseover=alert(1)>x</b> | ${XSS[1]} |

\`\`\`"><script>alert(1)</script>
${XSS[0]}
\`\`\`
`;

/** Every string field of the view holds an XSS payload. */
export function xssView(): ReportView {
  const p = payloads();
  return {
    title: XSS[0],
    kind: 'aar',
    markdown: MARKDOWN_XSS,
    partial: XSS.slice(0, 4),
    metrics: XSS.map(() => ({ label: p(), value: p(), detail: p() })),
    timeline: XSS.map((_, i) => ({ session: p(), title: p(), plannedHours: 2 + (i % 3), actualHours: 1 + i * 0.4, note: p() })),
    deliverables: XSS.map((_, i) => ({ session: p(), path: p(), state: (['present', 'stub', 'missing', 'outside'] as const)[i % 4] ?? 'missing', lines: i * 10 })),
    findings: XSS.map((_, i) => ({
      code: p(),
      severity: (['error', 'warning', 'info'] as const)[i % 3] ?? 'error',
      message: p(),
      file: p(),
      line: i + 1,
      column: i % 2 ? i : undefined,
    })),
    schedule: {
      instances: 3,
      makespanHours: 12,
      assumption: p(),
      items: XSS.map((_, i) => ({ id: p(), title: p(), instance: (i % 3) + 1, start: i, end: i + 2, critical: i % 2 === 0 })),
    },
  };
}

/** A small LCG: the same "random" figures on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VERBS = ['Add', 'Wire', 'Harden', 'Split', 'Port', 'Cache', 'Index', 'Validate', 'Stream', 'Refactor', 'Document', 'Benchmark'];
const THINGS = [
  'rotation template tools', 'run-log folding', 'YAML plan reader', 'terminal allocation', 'scope check', 'handoff writer',
  'git numstat batch', 'critical path solver', 'status-bar timer', 'prompt builder', 'deliverable probe', 'AAR metrics',
  'code lenses', 'diagnostics bridge', 'schema generator', 'checkbox edits', 'branch checkout', 'report webview',
];
const AREAS = ['src/core/plan', 'src/core/checks', 'src/core/report', 'src/vscode', 'src/cli', 'docs', 'test/unit'];

/** A realistic after-action review of a 100-session marathon. */
export function aarView(sessions = 100): ReportView {
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const timeline: ReportView['timeline'] = [];
  const deliverables: ReportView['deliverables'] = [];
  for (let i = 1; i <= sessions; i++) {
    const session = String(i).padStart(3, '0');
    const planned = pick([2, 3, 3, 4, 4, 4, 5, 6]);
    const factor = rnd() < 0.7 ? 0.7 + rnd() * 0.3 : 1 + rnd() * (rnd() < 0.3 ? 0.9 : 0.25);
    const actual = Math.round(planned * factor * 4) / 4;
    const note = actual > planned * 1.3 ? pick(['blocked 40 min on CI', 'scope grew: added YAML support', 'flaky integration test', 'waited on review']) : undefined;
    timeline.push({ session, title: `${pick(VERBS)} ${pick(THINGS)}`, plannedHours: planned, actualHours: actual, ...(note ? { note } : {}) });
    for (let d = 0; d < 3; d++) {
      const r = rnd();
      const state = r < 0.9 ? 'present' : r < 0.96 ? 'stub' : r < 0.99 ? 'missing' : 'outside';
      const area = pick(AREAS);
      const name = pick(THINGS).toLowerCase().replace(/[^a-z]+/g, '-');
      const path = area === 'docs' ? `docs/${name}.md` : area === 'test/unit' ? `test/unit/${name}.test.ts` : `${area}/${name}.ts`;
      deliverables.push({ session, path, state, ...(state === 'missing' ? {} : { lines: state === 'stub' ? 3 + Math.floor(rnd() * 8) : 40 + Math.floor(rnd() * 400) }) });
    }
  }
  const plannedTotal = timeline.reduce((s, r) => s + (r.plannedHours ?? 0), 0);
  const actualTotal = timeline.reduce((s, r) => s + (r.actualHours ?? 0), 0);
  const count = (state: string) => deliverables.filter((d) => d.state === state).length;

  // Greedy list scheduling on 6 instances; the lane that ends last is the critical path.
  const lanes = [0, 0, 0, 0, 0, 0];
  const items: NonNullable<ReportView['schedule']>['items'] = timeline.map((r) => {
    const lane = lanes.indexOf(Math.min(...lanes));
    const start = lanes[lane] ?? 0;
    const end = start + (r.plannedHours ?? 0);
    lanes[lane] = end;
    return { id: r.session, title: r.title, instance: lane + 1, start, end };
  });
  const makespan = Math.max(...lanes);
  const criticalLane = lanes.indexOf(makespan) + 1;
  for (const it of items) if (it.instance === criticalLane) it.critical = true;

  const findings: ReportView['findings'] = [
    { code: 'deliverable-missing', severity: 'error', message: 'Session 042 names src/core/report/aar.ts as a deliverable; it does not exist.', file: 'MARATHON_PLAN.md', line: 812, column: 5 },
    { code: 'deliverable-missing', severity: 'error', message: 'Session 077 names docs/handoff-077.md as a deliverable; it does not exist.', file: 'MARATHON_PLAN.md', line: 1490, column: 5 },
    { code: 'criteria-unmet', severity: 'error', message: 'Session 091 was stopped as done with 2 of 5 success criteria unticked.', file: 'MARATHON_PLAN.md', line: 1766 },
    { code: 'deliverable-stub', severity: 'warning', message: 'src/core/checks/scope.ts is a stub: 4 lines, one TODO.', file: 'src/core/checks/scope.ts', line: 1 },
    { code: 'scope-outside', severity: 'warning', message: 'Session 031 changed src/extension.ts, which is not in its scope.', file: 'src/extension.ts', line: 12, column: 1 },
    { code: 'scope-outside', severity: 'warning', message: 'Session 064 changed package.json, which is not in its scope.', file: 'package.json', line: 88 },
    { code: 'hours-over', severity: 'warning', message: 'Session 058 ran 6.5 h of a 4 h budget (+63%).', file: 'MARATHON_PLAN.md', line: 1102 },
    { code: 'hours-over', severity: 'warning', message: 'Session 019 ran 5.25 h of a 3 h budget (+75%).', file: 'MARATHON_PLAN.md', line: 377 },
    { code: 'branch-unmerged', severity: 'warning', message: 'Branch s/083-report-webview has 4 commits not on main.', file: 'MARATHON_PLAN.md', line: 1611 },
    { code: 'never-share', severity: 'warning', message: 'A prompt file mentions .env.local, a never-share path.', file: '.marathon/prompts/047-T2.md', line: 23, column: 9 },
    { code: 'handoff-claim', severity: 'info', message: 'Handoff 066 claims "all tests pass"; the run log has no test run after its last commit.', file: 'docs/handoff-066.md', line: 14 },
    { code: 'session-unplanned', severity: 'info', message: 'Session 101 appears in the run log but not in the plan.', file: '.marathon/runlog.jsonl', line: 4410 },
  ];
  const sev = (s: string) => findings.filter((f) => f.severity === s).length;

  const markdown = `# After-action review

The marathon ran **${sessions} sessions** over 9 days on 6 parallel instances. It delivered the
plan reader, the checks, the CLI and the editor surfaces; the report webview slipped by one day.

## What went well

- The scanner-based plan reader kept every keystroke under 2 ms on the largest plan.
- Sessions with a written handoff finished **18% closer** to budget than those without.
- Run-log folding made timers survive three crashes without losing a minute.

## What did not

1. CI was flaky for two days (sessions 017–023); see [the CI notes](docs/ci-notes.md#L40).
2. Scope grew in session 058 (YAML support), costing 2.5 h over budget.
3. Two deliverables were never written; both are listed under *Findings* above.

| Phase | Sessions | Planned | Actual | Δ |
|:------|---------:|--------:|-------:|--:|
| Foundations | 001–020 | 72 h | 75.5 h | +5% |
| Checks | 021–055 | 131 h | 139 h | +6% |
| Surfaces | 056–100 | 171 h | 181.25 h | +6% |

> Budget the first session of each phase 25% higher: it pays for the setup nobody plans.

Reproduce the figures with:

\`\`\`sh
marathon aar MARATHON_PLAN.md --since 2025-03-01 --format markdown
\`\`\`

More on the method in the [Marathon docs](https://example.com/marathon/aar).
`;

  return {
    title: 'Marathon 7 — after-action review',
    kind: 'aar',
    markdown,
    partial: ['git history of 3 sessions whose branches were deleted (031, 064, 083)'],
    metrics: [
      { label: 'Sessions', value: String(sessions), detail: `${sessions - 3} done · 2 blocked · 1 abandoned` },
      { label: 'Hours', value: `${Math.round(actualTotal)} h`, detail: `planned ${plannedTotal} h (${actualTotal >= plannedTotal ? '+' : ''}${Math.round(((actualTotal - plannedTotal) / plannedTotal) * 100)}%)` },
      { label: 'Deliverables', value: `${count('present')} / ${deliverables.length}`, detail: `${count('stub')} stubs · ${count('missing')} missing` },
      { label: 'Success criteria', value: '86%', detail: '516 of 600 ticked' },
      { label: 'Findings', value: String(findings.length), detail: `${sev('error')} errors · ${sev('warning')} warnings · ${sev('info')} info` },
      { label: 'Makespan', value: `${makespan} h`, detail: '6 instances, as planned' },
    ],
    timeline,
    deliverables,
    findings,
    schedule: { instances: 6, makespanHours: makespan, assumption: 'Planned hours, greedy list scheduling, dependencies respected', items },
  };
}
