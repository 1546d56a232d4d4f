// The AAR model and writer on a real repository with a run log, at a fixed clock.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlan } from '../../../src/core/analyze';
import { readPlan } from '../../../src/core/plan';
import { aarMarkdown, aarModel, classifyFile, gatherAar, readWindow, type AarModel } from '../../../src/core/reports';
import { iso, makeRepo, relayWorkspace, tempDir, T0, MIN, lines } from './helpers';

function planOf(planAbs: string) {
  return analyzePlan(fs.readFileSync(planAbs, 'utf8'), planAbs).plan;
}

describe('reports: AAR', function () {
  let ws: ReturnType<typeof relayWorkspace>;
  let model: AarModel;
  let text: string;
  before(async function () {
    ws = relayWorkspace();
    model = aarModel(await gatherAar({ planAbs: ws.planAbs, plan: planOf(ws.planAbs), now: ws.now }));
    text = aarMarkdown(model);
  });

  it('gives each session a status from the run log and its criteria, with the reason', function () {
    const by = Object.fromEntries(model.sessions.map((s) => [s.id, s]));
    assert.equal(by['101']?.status, 'partial');
    assert.match(by['101']?.why ?? '', /stopped as done, but only 50%/);
    assert.equal(by['102']?.status, 'blocked');
    assert.equal(by['103']?.status, 'not-started');
    assert.equal(by['105']?.status, 'not-started');
    assert.deepEqual(model.totals.byStatus, { done: 0, partial: 1, blocked: 1, 'not-started': 3 });
  });

  it('flags a session "not started" whose work is in git', function () {
    const s104 = model.sessions.find((s) => s.id === '104');
    assert.equal(s104?.status, 'not-started');
    assert.match(s104?.workInGit ?? '', /commit [0-9a-f]{7} "Session 104: lap timer draft" names this session/);
    assert.ok(text.includes('**⚠️ Flag:** marked not started, but commit'));
    assert.ok(text.includes('1 session marked not started has work in git: 104'));
    assert.equal(model.sessions.find((s) => s.id === '103')?.workInGit, undefined);
  });

  it('computes planned vs actual hours and efficiency only where there is timer data', function () {
    const s101 = model.sessions.find((s) => s.id === '101');
    assert.equal(s101?.plannedMs, 4 * 60 * MIN);
    assert.equal(s101?.actualMs, 180 * MIN);
    assert.equal(s101?.efficiency, 4 / 3);
    assert.ok(text.includes('**Hours:** planned 2 h, actual no timer data'));
    assert.equal(model.totals.timedSessions, 2);
    assert.equal(model.totals.plannedMs, 7 * 60 * MIN);
    assert.equal(model.totals.actualMs, 240 * MIN);
    assert.ok(model.notMeasured.some((n) => n.startsWith('Hours of 3 sessions with no timer data: 103, 104, 105')));
  });

  it('leaves a session still on the clock out of planned vs actual, and says so', async function () {
    const live = relayWorkspace();
    try {
      // Session 105 (1 hour planned) starts 50 minutes before review time and is still running.
      const log = path.join(live.repo.dir, '.marathon', 'runlog.jsonl');
      fs.appendFileSync(log, JSON.stringify({ time: iso(250), plan: 'relay.marathon.md', session: '105', event: 'session.start' }) + '\n');
      const m = aarModel(await gatherAar({ planAbs: live.planAbs, plan: planOf(live.planAbs), now: live.now }));
      const s105 = m.sessions.find((s) => s.id === '105');
      assert.equal(s105?.runState, 'running');
      assert.equal(s105?.actualMs, 50 * MIN);
      assert.equal(s105?.efficiency, undefined, 'no efficiency for hours so far');
      // The sums are those of the two stopped sessions, as before 105 started.
      assert.equal(m.totals.timedSessions, 2);
      assert.equal(m.totals.plannedMs, 7 * 60 * MIN);
      assert.equal(m.totals.actualMs, 240 * MIN);
      assert.deepEqual(m.totals.onClock, ['105']);
      assert.ok(m.notMeasured.includes('Planned against actual hours of 1 session still on the clock: 105.'));
      assert.ok(m.notMeasured.some((n) => n.startsWith('Hours of 2 sessions with no timer data: 103, 104')));
      const md = aarMarkdown(m);
      assert.ok(md.includes('**Hours:** planned 1 h, actual 0.83 h (0:50) so far, still running'), md);
      assert.match(md, /- Hours \(2 sessions with a plan and timer data, clock stopped\): planned 7 h, actual 4 h, efficiency 1\.75 \(planned ÷ actual\)\. Left out, still on the clock: 105\./);
      assert.equal(model.totals.onClock.length, 0, 'the review without it has none');
    } finally {
      live.repo.cleanup();
    }
  });

  it('judges stubs with the same detector as the git checks: a short real file is present', function () {
    assert.deepEqual(classifyFile('src/a.ts', 'export function twice(n: number): number {\n  return n * 2;\n}\n'), { state: 'present' });
    assert.equal(classifyFile('src/a.py', 'def twice(n):\n    raise NotImplementedError\n').state, 'stub');
    assert.equal(classifyFile('notes.md', '# Notes\n\nTODO\n').state, 'stub');
    assert.equal(classifyFile('empty.ts', '').state, 'stub');
  });

  it('lists deliverables present / stub / missing with line counts', function () {
    assert.ok(text.includes('- ✅ `src/baton/parse.ts` (30 lines)'));
    assert.match(text, /- ⚠️ `src\/baton\/stub\.ts` \(1 line\) — stub: .*TODO/);
    assert.ok(text.includes('- ❌ `docs/baton.md` — missing'));
    assert.deepEqual(model.totals.deliverables, { present: 1, stub: 1, missing: 4, unchecked: 0 });
  });

  it('reports the git figures exactly as git log --numstat gives them', function () {
    const g = model.git!;
    assert.equal(g.commits.length, Number(ws.repo.git('rev-list', '--count', 'HEAD').trim()));
    const numstat = ws.repo.git('log', '--numstat', '--format=').trim().split('\n').filter(Boolean).map((l) => l.split('\t'));
    assert.equal(g.insertions, numstat.reduce((s, [a]) => s + Number(a), 0));
    assert.equal(g.deletions, numstat.reduce((s, [, d]) => s + Number(d), 0));
    assert.equal(g.filesChanged, new Set(numstat.map(([, , p]) => p)).size);
    // A linear history touching each file once: the same as git diff --shortstat from the empty tree.
    const shortstat = ws.repo.git('diff', '--shortstat', '4b825dc642cb6eb9a060e54bf8d69288fbee4904', 'HEAD');
    assert.match(shortstat, new RegExp(`${g.filesChanged} files changed, ${g.insertions} insertions`));
    assert.deepEqual(g.authors.map((a) => [a.name, a.commits]), [['Ada Lane', 2], ['Tess Ter', 2]]);
  });

  it('computes max concurrent terminals and the parallel factor from task.launch → task.exit', function () {
    assert.equal(model.terminals.maxConcurrent, 2);
    assert.equal(model.terminals.busyMs, 120 * MIN);
    assert.equal(model.terminals.wallMs, 61 * MIN);
    assert.ok(text.includes('| Parallel factor | 1.97 | 2:00 terminal time ÷ 1:01 wall time |'));
  });

  it('lists blockers, checkpoint decisions, and what was not measured; gives no grade', function () {
    assert.ok(text.includes('- Session 102 (2026-01-10 12:10 UTC): Native storage module fails to build on the CI image — open'));
    assert.ok(text.includes('- 2026-01-10 11:40 UTC — Hour 3 go/no-go: **GO** (session 101)'));
    assert.ok(text.includes('## Not Measured'));
    assert.ok(!text.includes('Scope findings: the git scope checks were not run.'), 'the git checks ran');
    assert.doesNotMatch(text, /grade|score/i);
  });

  it('writes headings the plan reader reads back with their status and percent', function () {
    const back = readPlan(text, 'AAR.md').plan.sessions;
    const s102 = back.find((s) => s.id === '102');
    assert.equal(s102?.percent, 0);
    assert.equal(back.find((s) => s.id === '101')?.percent, 50);
  });

  it('restricts events and commits to --since/--until', async function () {
    const since = T0 + 100 * MIN;
    const until = T0 + 250 * MIN;
    const m = aarModel(await gatherAar({ planAbs: ws.planAbs, plan: planOf(ws.planAbs), now: ws.now, since, until }));
    assert.deepEqual(m.git!.commits.map((c) => c.subject), ['Session 104: lap timer draft']);
    assert.equal(m.terminals.terminals, 0, 'the task terminals ran before the window');
    assert.equal(m.checkpoints.length, 1);
    assert.match(aarMarkdown(m), /\*\*Window:\*\* 2026-01-10 10:40 UTC to 2026-01-10 13:10 UTC/);
  });

  it('counts open terminals up to review time and says so', function () {
    const plan = planOf(ws.planAbs);
    const ev = (m: number, event: string, extra: object) => ({ time: iso(m), plan: 'p.md', session: '101', event, ...extra }) as never;
    const m = aarModel({
      plan,
      planFile: 'p.md',
      now: T0 + 60 * MIN,
      deliverables: [],
      events: [ev(0, 'task.launch', { task: 'T1', terminal: 'a' }), ev(0, 'task.launch', { task: 'T2', terminal: 'b' }), ev(30, 'task.exit', { task: 'T1', terminal: 'a', exitCode: 0 })],
    });
    assert.equal(m.terminals.maxConcurrent, 2);
    assert.equal(m.terminals.stillOpen, 1);
    assert.equal(m.terminals.factor, 1.5);
    assert.ok(m.notMeasured.some((n) => n.includes('1 task terminal has no task.exit')));
  });

  it('flags a "not started" session whose deliverable changed in the window, even if later removed', async function () {
    const w = relayWorkspace();
    w.repo.commit(220, 'Try the sync', { 'src/track/sync.ts': lines(9) });
    w.repo.commit(230, 'Back out the sync', { 'src/track/sync.ts': null });
    const m = aarModel(await gatherAar({ planAbs: w.planAbs, plan: planOf(w.planAbs), now: w.now }));
    assert.equal(m.sessions.find((s) => s.id === '103')?.workInGit, "its deliverable src/track/sync.ts changed in the window's commits");
    assert.equal(m.sessions.find((s) => s.id === '105')?.workInGit, undefined);
  });

  it('without git or run log: every session says what is missing, nothing throws', async function () {
    const dir = tempDir();
    const planAbs = path.join(dir, 'p.marathon.md');
    fs.copyFileSync(ws.planAbs, planAbs);
    const t = aarMarkdown(aarModel(await gatherAar({ planAbs, plan: planOf(planAbs), now: T0 })));
    assert.ok(t.includes('No run log'));
    assert.ok(t.includes('Git: the workspace is not a git repository.'));
    assert.ok(t.includes('Commits, authors and line figures: git was not read.'));
    assert.ok(!t.includes('## Commits and Authors'));
  });

  it('reads a shallow clone and says the figures stop at the cut', async function () {
    const src = makeRepo();
    for (let i = 0; i < 4; i++) src.commit(i, `c${i}`, { [`f${i}.ts`]: lines(3) });
    const clone = tempDir();
    src.git('clone', '-q', '--depth', '2', `file://${src.dir}`, clone);
    const w = await readWindow(clone);
    assert.equal(w.facts.commits.length, 2);
    assert.ok(w.facts.notes.some((n) => n.code === 'shallow'));
    const empty = makeRepo();
    const none = await readWindow(empty.dir);
    assert.equal(none.facts.commits.length, 0);
    assert.ok(none.facts.notes.length > 0);
  });
});
