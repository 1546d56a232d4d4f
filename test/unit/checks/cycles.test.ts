import assert from 'node:assert/strict';
import { checkDependencyCycles } from '../../../src/core/checks';
import type { Session } from '../../../src/core/model';
import { plan, session } from './helpers';

/** Sessions on lines 10, 20, …; `deps[id]` lists what each depends on. */
function graph(deps: Record<string, string[]>): Session[] {
  return Object.entries(deps).map(([id, dependsOn], i) => session(id, { line: 10 * (i + 1), dependsOn }));
}

describe('checks: dependency cycles', () => {
  it('reports a 2-cycle once, on the first node, with the path', () => {
    const problems = checkDependencyCycles(plan({ sessions: graph({ '024': ['025'], '025': ['Session 024'] }) }));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.code, 'dependency-cycle');
    assert.equal(problems[0]?.severity, 'error');
    assert.equal(problems[0]?.line, 10);
    assert.match(problems[0]?.message ?? '', /024 → 025 → 024/);
  });

  it('reports a 3-cycle once', () => {
    const problems = checkDependencyCycles(plan({ sessions: graph({ a: ['c'], b: ['a'], c: ['b'], d: ['a'] }) }));
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? '', /a → c → b → a/);
  });

  it('reports a self-dependency', () => {
    const problems = checkDependencyCycles(plan({ sessions: graph({ '024': [], '025': ['025'] }) }));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.line, 20);
    assert.match(problems[0]?.message ?? '', /025 depends on itself/);
  });

  it('finds no cycle in a DAG with diamonds', () => {
    const sessions = graph({ a: [], b: ['a'], c: ['a'], d: ['b', 'c'], e: ['d', 'b'], f: ['d', 'e', 'a'] });
    assert.deepEqual(checkDependencyCycles(plan({ sessions })), []);
  });

  it('reports separate knots separately', () => {
    const problems = checkDependencyCycles(plan({ sessions: graph({ a: ['b'], b: ['a'], c: ['d'], d: ['c'] }) }));
    assert.deepEqual(problems.map((p) => p.line), [10, 30]);
  });

  it('labels mixed-kind cycles with their kinds', () => {
    const p = plan({
      sessions: [session('1', { line: 10, dependsOn: ['Phase 1'] })],
      phases: [{ id: '1', title: 'P', dependsOn: ['Session 1'], line: 20, endLine: 30 }],
    });
    assert.match(checkDependencyCycles(p)[0]?.message ?? '', /Session 1 → Phase 1 → Session 1/);
  });

  it('handles a 10,000-node chain and a 10,000-node ring without recursion', () => {
    const n = 10_000;
    const chain = Array.from({ length: n }, (_, i) => session(String(i + 1), { line: i + 1, dependsOn: i ? [String(i)] : [] }));
    const started = Date.now();
    assert.deepEqual(checkDependencyCycles(plan({ sessions: chain })), []);
    const ring = chain.map((s, i) => ({ ...s, dependsOn: [String(i === 0 ? n : i)] }));
    const problems = checkDependencyCycles(plan({ sessions: ring }));
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? '', /more/);
    assert.ok(Date.now() - started < 2000, 'should be fast');
  });
});
