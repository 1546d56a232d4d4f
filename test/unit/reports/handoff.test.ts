// The handoff writer on a real repository with a run log, at a fixed clock.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlan } from '../../../src/core/analyze';
import { gatherHandoff, handoffMarkdown, handoffFileName, safeId, blockerFileName, effortEstimate, completion } from '../../../src/core/reports';
import { relayWorkspace, tempDir, T0, MIN } from './helpers';

function planOf(planAbs: string) {
  return analyzePlan(fs.readFileSync(planAbs, 'utf8'), planAbs).plan;
}

describe('reports: handoff', function () {
  let text: string;
  let ws: ReturnType<typeof relayWorkspace>;
  before(async function () {
    ws = relayWorkspace();
    const input = await gatherHandoff({ planAbs: ws.planAbs, plan: planOf(ws.planAbs), now: ws.now, sessionId: '101' });
    text = handoffMarkdown(input);
  });

  it('shows completion with the formula and its figures', function () {
    assert.match(text, /^## Completion: 50%$/m);
    assert.ok(text.includes('(2 of 3 criteria ticked + 1 of 3 deliverables present) ÷ 6 items = 3 ÷ 6 = 50%'), text);
  });

  it('lists completed work: ticked criteria, present deliverables with line counts, commits since the base', function () {
    assert.ok(text.includes('- [x] Parser reads a baton file'));
    assert.ok(text.includes('✅ `src/baton/parse.ts` (30 lines)'));
    assert.match(text, /### Commits \(since base `[0-9a-f]{7}`\): 3/);
    assert.match(text, /- `[0-9a-f]{7}` Session 101: tokenizer — Ada Lane/);
  });

  it('lists next steps: unticked criteria, missing and stub deliverables, failed and unlaunched tasks', function () {
    const next = text.slice(text.indexOf('## Next Steps'), text.indexOf('## Time'));
    assert.ok(next.includes('Meet criterion: Parser handles nested batons'));
    assert.ok(next.includes('Create deliverable `docs/baton.md`'));
    assert.ok(next.includes('Finish deliverable `src/baton/stub.ts`'));
    assert.ok(next.includes('Relaunch task T2: Parser (its terminal exited with code 1)'));
    assert.ok(next.includes('Launch task T3: Error positions (never launched)'));
    assert.ok(!next.includes('task T1'), 'T1 succeeded');
  });

  it('shows time from the run log and an effort estimate that says how it was computed', function () {
    assert.ok(text.includes('| 4:00 | 3:00 | 1 (0:30 paused) | 1 | done |'), text);
    assert.ok(text.includes('Budget used: 75% (3:00 of 4:00).'));
    assert.ok(text.includes('3:00 (linear extrapolation: 3:00 elapsed for 50% complete → 3:00 × 50 ÷ 50).'));
  });

  it('runs the git scope checks when no findings are given, and lists given ones as they are', async function () {
    assert.ok(!text.includes('Not checked: no scope checks were run'), 'the checks ran');
    assert.ok(text.includes('- warning `scope-creep` `relay.marathon.md`:5: Session 101 changed 1 file outside its scope: src/lap/draft.ts.'), 'the stray file is a scope finding');
    assert.ok(text.includes('error `deliverable-missing`'), 'the missing deliverable is a finding');
    const input = await gatherHandoff({
      planAbs: ws.planAbs,
      plan: planOf(ws.planAbs),
      now: ws.now,
      sessionId: '101',
      findings: [{ code: 'out-of-scope', severity: 'warning', message: 'src/other.ts changed but is no deliverable', file: 'src/other.ts', session: '101', line: 1, column: 1, endLine: 1, endColumn: 1 }],
    });
    assert.ok(handoffMarkdown(input).includes('- warning `out-of-scope` `src/other.ts`:1: src/other.ts changed but is no deliverable'));
  });

  it('shows blocked work from blocker.report events', async function () {
    const input = await gatherHandoff({ planAbs: ws.planAbs, plan: planOf(ws.planAbs), now: ws.now, sessionId: '102' });
    const t = handoffMarkdown(input);
    assert.ok(t.includes('**Open** (reported 2026-01-10 12:10 UTC by tess): Native storage module fails to build on the CI image — details in `SESSION_102_BLOCKER.md`'), t);
    assert.ok(t.includes('Resolve blocker: Native storage module'));
  });

  it('is a pure function of its input: the same input gives the same text', async function () {
    const input = await gatherHandoff({ planAbs: ws.planAbs, plan: planOf(ws.planAbs), now: ws.now, sessionId: '101' });
    assert.equal(handoffMarkdown(input), text);
  });

  it('says "not measured" for a session with no timer data and no run log', async function () {
    const dir = tempDir();
    const planAbs = path.join(dir, 'p.marathon.md');
    fs.copyFileSync(ws.planAbs, planAbs);
    const input = await gatherHandoff({ planAbs, plan: planOf(planAbs), now: T0, sessionId: '105' });
    const t = handoffMarkdown(input);
    assert.match(t, /No run log \(\.marathon\/runlog\.jsonl\)/);
    assert.match(t, /Commits: the workspace is not a git repository/);
    assert.ok(t.includes('| 1:00 | no timer data | — | 0 | not-started |'));
    assert.match(t, /## Estimated Effort to Complete\n\nNot measured: the run log has no time/);
  });

  it('names the sessions when the id is unknown', async function () {
    const input = await gatherHandoff({ planAbs: ws.planAbs, plan: planOf(ws.planAbs), now: ws.now, sessionId: '999' });
    assert.match(handoffMarkdown(input), /The plan has no session `999`; its sessions are 101, 102, 103, 104, 105/);
  });

  it('estimates effort only when it can', function () {
    const c = { criteriaDone: 0, criteriaTotal: 2, deliverablesPresent: 0, deliverablesChecked: 0, percent: 0, formula: '' };
    assert.match(effortEstimate(60 * MIN, true, c).text, /^Not measured: 1:00 spent and nothing completed/);
    assert.equal(effortEstimate(60 * MIN, true, { ...c, percent: 25 }).ms, 180 * MIN);
    assert.equal(completion({ criteria: [], deliverables: [] } as never, []).percent, undefined);
  });
});

describe('reports: file names never overwrite', function () {
  it('gives SESSION_<id>_HANDOFF.md, then -2, -3 …', function () {
    const taken = new Set<string>();
    const exists = (p: string) => taken.has(p);
    const a = handoffFileName('notes', '024', exists);
    assert.equal(a, 'notes/SESSION_024_HANDOFF.md');
    taken.add(a!);
    const b = handoffFileName('notes', '024', exists);
    assert.equal(b, 'notes/SESSION_024_HANDOFF-2.md');
    taken.add(b!);
    assert.equal(handoffFileName('notes', '024', exists), 'notes/SESSION_024_HANDOFF-3.md');
    assert.equal(blockerFileName('', '052B', exists), 'SESSION_052B_BLOCKER.md');
    assert.equal(handoffFileName('d', '1', () => true), undefined);
  });

  it('sanitizes ids', function () {
    assert.equal(safeId('../../etc/passwd'), 'etc_passwd');
    assert.equal(safeId('Burn Session 36'), 'Burn_Session_36');
    assert.equal(safeId('044_PART2'), '044_PART2');
    assert.equal(safeId('2026-01-11'), '2026-01-11');
    assert.equal(safeId('..'), 'unnamed');
    assert.equal(safeId('CON'), '_CON');
    assert.equal(safeId('a/b\\c:d*e?f"g<h>i|j'), 'a_b_c_d_e_f_g_h_i_j');
    assert.equal(safeId('x'.repeat(300)).length, 80);
  });
});
