// runGitChecks as a whole: order, session filter, and robustness on odd input.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as path from 'node:path';
import { GIT_CHECK_CODES, GIT_RULES, runGitChecks } from '../../../../src/core/checks/git';
import type { Plan } from '../../../../src/core/model';
import { changed, deliverable, facts, h, only, plan, run, session, workspace } from './helpers';

describe('git checks: runGitChecks', () => {
  it('runs every rule and sorts findings by line', async () => {
    assert.deepEqual(GIT_CHECK_CODES, Object.keys(GIT_RULES));
    assert.ok(GIT_CHECK_CODES.includes('scope-creep') && GIT_CHECK_CODES.includes('deliverable-outside-workspace'));
    const root = workspace();
    const p = plan({ sessions: [session('024', { line: 10, hours: h(1), deliverables: [deliverable('missing.ts', 14)] })] });
    const findings = await runGitChecks({ plan: p, planFile: 'PLAN.md', workspaceRoot: root, runs: { '024': run('done', 2) }, facts: { '024': facts(root, [changed('x.ts')]) }, scopeIgnore: [] });
    assert.deepEqual(findings.map((f) => [f.line, f.code]), [
      [10, 'scope-creep'],
      [10, 'time-overrun'],
      [14, 'deliverable-missing'],
    ]);
  });

  it('never rejects: a missing workspace, malformed plan values, odd facts', async () => {
    const broken = { ...plan(), sessions: [null, { ...session('024'), deliverables: [null, { path: 42 }], tasks: [{ id: 'T1', files: [null], line: 3 }], criteria: undefined }] } as unknown as Plan;
    const missing = path.join(workspace(), 'does', 'not', 'exist');
    const findings = await runGitChecks({
      plan: broken,
      planFile: 'PLAN.md',
      workspaceRoot: missing,
      runs: { '024': { state: 'running', elapsedMs: Number.NaN, pauses: [], runs: 1 } },
      facts: { '024': facts(missing, [changed(''), { path: 5 } as never, changed('ok.ts'), null as never, changed('../../elsewhere.ts')]) },
      scopeIgnore: ['[', '', '!x', 7 as never],
    });
    assert.deepEqual(only(findings, 'check-failed'), []);
    assert.deepEqual(findings.map((f) => f.code), ['scope-creep']);
  });

  it('never rejects on arbitrary changed paths, deliverables and ignore globs', async () => {
    const root = workspace({ 'a.ts': 'export const a = 1;\n' });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 30 }), { maxLength: 8 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }), async (paths, delivs, ignore) => {
        const p = plan({ sessions: [session('024', { deliverables: delivs.map((d, i) => deliverable(d, 20 + i)) })], neverShare: ignore.map((x, i) => ({ path: x, line: i + 1 })) });
        const findings = await runGitChecks({ plan: p, planFile: 'PLAN.md', workspaceRoot: root, runs: { '024': run('done', 1) }, facts: { '024': facts(root, paths.map((x) => changed(x))) }, scopeIgnore: ignore });
        assert.ok(findings.every((f) => f.line >= 1 && typeof f.message === 'string'));
        assert.deepEqual(only(findings, 'check-failed'), []);
      }),
      { numRuns: 150 },
    );
  });
});
