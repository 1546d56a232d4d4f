import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkPlan } from '../../../src/core/checks';
import { emptyPlan, ProblemSchema, type Plan, type Session } from '../../../src/core/model';
import { deliverable, h, plan, session, task, terminal } from './helpers';

/** A plan that every check is happy with (except the info-level buffer note). */
function cleanPlan(): Plan {
  return plan({
    totalHours: h(8),
    terminalCount: 6,
    totalTasks: 20,
    overview: [
      { session: '024', title: 'A', hours: h(4), line: 3 },
      { session: '025', title: 'B', hours: h(4), line: 4 },
    ],
    neverShare: [{ path: '.env', line: 6 }],
    contextFiles: [{ path: 'docs/guide.md', line: 7 }],
    sessions: [
      session('024', {
        line: 10,
        hours: h(4),
        terminals: [terminal(1, 3, 12, [1, 10]), terminal(4, 6, 13, [11, 20])],
        deliverables: [deliverable('src/a.ts', 14)],
      }),
      session('025', { line: 20, hours: h(4), dependsOn: ['Session 024'], tasks: [task('1', 22)] }),
    ],
  });
}

describe('checks: checkPlan', () => {
  it('finds nothing in a clean plan and in an empty plan', () => {
    assert.deepEqual(checkPlan(cleanPlan()), []);
    assert.deepEqual(checkPlan(emptyPlan('yaml')), []);
  });

  it('runs every check and sorts by line then column', () => {
    const p = cleanPlan();
    p.totalHours = h(7);
    p.sessions.push(session('024', { line: 30, dependsOn: ['099'], deliverables: [deliverable('../x', 31)] }));
    const problems = checkPlan(p, { workspaceRoot: '/w' });
    const codes = problems.map((x) => x.code);
    for (const code of ['hours-total-exceeded', 'duplicate-session-id', 'unknown-dependency', 'deliverable-outside-workspace']) {
      assert.ok(codes.includes(code), `missing ${code}`);
    }
    const keys = problems.map((x) => x.line * 1e6 + x.column);
    assert.deepEqual(keys, [...keys].sort((a, b) => a - b));
  });

  it('never throws on odd input', () => {
    const odd = {
      ...emptyPlan('markdown'),
      totalHours: { text: 'NaN', max: Number.NaN },
      sessions: [{ id: undefined, line: 0, terminals: [{ from: Number.NaN, to: 2, line: -1 }], dependsOn: [undefined, 7] } as unknown as Session],
      overview: [{ session: '', title: '', line: 2 }],
      neverShare: [{ path: '', line: 1 }, { path: '[', line: 1 }],
    } as Plan;
    const problems = checkPlan(odd);
    assert.ok(problems.every((x) => x.line >= 1 && x.code !== 'check-failed'), JSON.stringify(problems));
    assert.doesNotThrow(() => checkPlan({} as Plan));
    assert.doesNotThrow(() => checkPlan(null as unknown as Plan));
  });

  it('property: arbitrary small plans never make it throw, and every problem is well formed', () => {
    const id = fc.constantFrom('1', '2', '3', '024', '24', 'A', '', 'x y');
    const lineArb = fc.integer({ min: 1, max: 500 });
    const num = fc.oneof(fc.integer({ min: -2, max: 14 }), fc.constant(Number.NaN));
    const hoursArb = fc.option(fc.record({ text: fc.string(), max: fc.oneof(fc.nat(10), fc.constant(Number.NaN)) }), { nil: undefined });
    const dep = fc.oneof(id, id.map((x) => `Session ${x}`), fc.constantFrom('Phase 1', 'none', '', 'Task 3'));
    const sessionArb = fc.record({
      id,
      line: lineArb,
      hours: hoursArb,
      dependsOn: fc.array(dep, { maxLength: 3 }),
      terminals: fc.array(
        fc.record({ from: num, to: num, line: lineArb, tasks: fc.option(fc.record({ from: num, to: num }), { nil: undefined }) }),
        { maxLength: 3 },
      ),
      deliverables: fc.array(
        fc.record({ path: fc.constantFrom('.env', '../x', '/abs', 'src/a.ts', 'docs/*', 'a/../../b', ''), line: lineArb }),
        { maxLength: 2 },
      ),
    });
    const planArb = fc.record({
      sessions: fc.array(sessionArb, { maxLength: 8 }),
      totalHours: hoursArb,
      terminalCount: fc.option(num, { nil: undefined }),
      totalTasks: fc.option(num, { nil: undefined }),
      neverShare: fc.array(fc.record({ path: fc.constantFrom('.env', 'docs/', '*.json', '', '['), line: lineArb }), { maxLength: 2 }),
      overview: fc.array(fc.record({ session: id, line: lineArb, hours: hoursArb }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(planArb, (arb) => {
        const p = plan({
          totalHours: arb.totalHours,
          terminalCount: arb.terminalCount,
          totalTasks: arb.totalTasks,
          neverShare: arb.neverShare,
          overview: arb.overview.map((r) => ({ ...r, title: r.session })),
          sessions: arb.sessions.map((s) =>
            session(s.id, {
              line: s.line,
              hours: s.hours,
              dependsOn: s.dependsOn,
              terminals: s.terminals.map((t) => ({ ...t, label: '' })),
              deliverables: s.deliverables.map((d) => deliverable(d.path, d.line)),
            }),
          ),
        });
        const problems = checkPlan(p, { workspaceRoot: '/w', planFile: '/w/plan.md' });
        for (const x of problems) {
          assert.ok(ProblemSchema.safeParse(x).success, JSON.stringify(x));
          assert.ok(x.line >= 1);
          assert.notEqual(x.code, 'check-failed', x.message);
        }
      }),
      { numRuns: 300 },
    );
  });
});
