import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAgents } from '../../../src/core/plan/agents';

describe('parseAgents', () => {
  const cases: [string, ReturnType<typeof parseAgents>][] = [
    ['3 (ARCHITECT, TOOLSMITH, QA_TESTER)', [
      { role: 'ARCHITECT', count: 1 },
      { role: 'TOOLSMITH', count: 1 },
      { role: 'QA_TESTER', count: 1 },
    ]],
    ['2 (QA_TESTER × 2)', [{ role: 'QA_TESTER', count: 2 }]],
    ['3 (QA_TESTER × 3, parallel)', [{ role: 'QA_TESTER', count: 3 }]],
    ['(QA_TESTER × 3, parallel)', [{ role: 'QA_TESTER', count: 3 }]],
    ['5 (RELEASE_MANAGER, QA_TESTER, CODE_REVIEWER, COORD_QUALITY, COORD_AAR)', [
      { role: 'RELEASE_MANAGER', count: 1 },
      { role: 'QA_TESTER', count: 1 },
      { role: 'CODE_REVIEWER', count: 1 },
      { role: 'COORD_QUALITY', count: 1 },
      { role: 'COORD_AAR', count: 1 },
    ]],
    ['QA_TESTER x 2', [{ role: 'QA_TESTER', count: 2 }]],
    ['QA_TESTER×4', [{ role: 'QA_TESTER', count: 4 }]],
    ['2x QA_TESTER', [{ role: 'QA_TESTER', count: 2 }]],
    ['2 QA_TESTER', [{ role: 'QA_TESTER', count: 2 }]],
    ['ARCHITECT [opus]', [{ role: 'ARCHITECT', count: 1, model: 'opus' }]],
    ['ARCHITECT (opus)', [{ role: 'ARCHITECT', count: 1, model: 'opus' }]],
    ['2 (ARCHITECT [opus], QA_TESTER x 2 [sonnet])', [
      { role: 'ARCHITECT', count: 1, model: 'opus' },
      { role: 'QA_TESTER', count: 2, model: 'sonnet' },
    ]],
    ['3 agents: ARCHITECT; TOOLSMITH', [{ role: 'ARCHITECT', count: 1 }, { role: 'TOOLSMITH', count: 1 }]],
    ['3', [{ role: 'agent', count: 3 }]],
    ['4 agents', [{ role: 'agent', count: 4 }]],
    ['', []],
    ['   ', []],
    ['parallel', []],
    ['2024-plan', [{ role: '2024-plan', count: 1 }]],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(parseAgents(text), expected));
  }

  it('never throws and always returns whole, non-negative counts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        for (const a of parseAgents(s)) {
          assert.ok(Number.isInteger(a.count) && a.count >= 0);
          assert.ok(a.role.length > 0);
        }
      }),
    );
  });

  it('stays fast on long hostile input', () => {
    const hostile = `${'('.repeat(20000)}${' x'.repeat(20000)}${'[a, '.repeat(20000)}`;
    const start = Date.now();
    parseAgents(hostile);
    parseAgents(`QA${' '.repeat(50000)}x`);
    assert.ok(Date.now() - start < 500);
  });
});
