// time-overrun, scope-expansion, overlap-conflict and protected-path: facts and clocks as data.
import * as assert from 'node:assert/strict';
import { runGitChecks, type GitCheckInput } from '../../../../src/core/checks/git';
import { runKey } from '../../../../src/core/clock/stopwatch';
import type { Session } from '../../../../src/core/model';
import { changed, deliverable, facts, h, hm, only, plan, run, session, task, workspace } from './helpers';

const PLAN = 'PLAN.md';

function base(sessions: Session[], over: Partial<GitCheckInput> = {}): GitCheckInput {
  return { plan: plan({ sessions }), planFile: PLAN, workspaceRoot: workspace(), runs: {}, scopeIgnore: [], ...over };
}

describe('git checks: time-overrun', () => {
  it('over the budget is a warning with both figures; over 1.5x is an error', async () => {
    const s = [session('024', { line: 10, hours: h(3) }), session('025', { line: 30, hours: h(3, 4) }), session('026', { line: 50, hours: h(2) })];
    const findings = await runGitChecks(
      base(s, { runs: { '024': run('running', 0, { elapsedMs: hm(3, 18) }), '025': run('done', 0, { elapsedMs: hm(6, 30) }), '026': run('paused', 0, { elapsedMs: hm(1, 59) }) } }),
    );
    const over = only(findings, 'time-overrun');
    assert.deepEqual(
      over.map((f) => [f.line, f.severity, f.message]),
      [
        [10, 'warning', 'Session 024: 3:18 elapsed of a 3:00 budget (110%).'],
        [30, 'error', 'Session 025: 6:30 elapsed of a 4:00 budget (162%), more than 1.5× the budget.'],
      ],
    );
  });

  it('no budget, no clock, or exactly on budget: nothing; the hours recorded at start stand in for missing ones', async () => {
    const findings = await runGitChecks(
      base([session('024'), session('025', { line: 30, hours: h(1) }), session('026', { line: 50 })], {
        runs: { '024': run('running', 9), '025': run('done', 1), '026': run('done', 2, { planned: session('026', { hours: h(1) }) }) },
      }),
    );
    const over = only(findings, 'time-overrun');
    assert.deepEqual(over.map((f) => f.message), ['Session 026: 2:00 elapsed of a 1:00 budget (200%), more than 1.5× the budget.']);
  });

  it('runs keyed by runKey(plan, id) or written with another id form are found', async () => {
    const s = [session('024', { hours: h(1) })];
    assert.equal(only(await runGitChecks(base(s, { runs: new Map([[runKey(PLAN, '024'), run('running', 2)]]) })), 'time-overrun').length, 1);
    assert.equal(only(await runGitChecks(base(s, { runs: { '24': run('running', 2) } })), 'time-overrun').length, 1);
    assert.equal(only(await runGitChecks(base(s, { runs: new Map([[runKey('other.md', '024'), run('running', 2)]]) })), 'time-overrun').length, 0);
  });
});

describe('git checks: scope-expansion', () => {
  it('tasks, criteria and deliverables added since the start: info on the heading, each related at its line', async () => {
    const planned = session('024', {
      tasks: [task('T1', 20)],
      criteria: [{ text: 'Tools **registered**', done: false, line: 30, column: 3 }],
      deliverables: [deliverable('src/a.ts', 40)],
    });
    const now = session('024', {
      line: 10,
      tasks: [task('T1', 20), task('T2', 21), task('T3', 22)],
      criteria: [
        { text: 'tools registered', done: true, line: 30, column: 3 },
        { text: 'Docs written', done: false, line: 31, column: 3 },
      ],
      deliverables: [deliverable('src/a.ts', 40), deliverable('docs/tools.md', 41)],
    });
    const findings = await runGitChecks(base([now], { runs: { '024': run('running', 1, { planned }) } }));
    const grew = only(findings, 'scope-expansion');
    assert.equal(grew.length, 1);
    assert.equal(grew[0]?.severity, 'info');
    assert.equal(grew[0]?.line, 10);
    assert.equal(grew[0]?.message, 'Session 024 grew after it started: 2 tasks (T2, T3), 1 criterion and 1 deliverable (docs/tools.md) added.');
    assert.deepEqual(grew[0]?.related?.map((r) => [r.file, r.range?.line]), [
      [PLAN, 21],
      [PLAN, 22],
      [PLAN, 31],
      [PLAN, 41],
    ]);
  });

  it('nothing added, removals only, or no planned copy: nothing', async () => {
    const planned = session('024', { tasks: [task('T1', 20), task('T2', 21)] });
    const now = session('024', { tasks: [task('T1', 20)] });
    assert.deepEqual(only(await runGitChecks(base([now], { runs: { '024': run('running', 1, { planned }) } })), 'scope-expansion'), []);
    assert.deepEqual(only(await runGitChecks(base([now], { runs: { '024': run('running', 1) } })), 'scope-expansion'), []);
  });
});

describe('git checks: overlap-conflict', () => {
  const a = () => session('024', { line: 10, deliverables: [deliverable('src/shared.ts', 14)] });
  const b = () => session('025', { line: 30, deliverables: [deliverable('src/other.ts', 34)] });

  it('overlapping runs that change the same file: a warning on both sessions', async () => {
    const root = workspace();
    const findings = await runGitChecks(
      base([a(), b()], {
        workspaceRoot: root,
        runs: { '024': run('done', 1, { startedAt: 0, stoppedAt: 3_600_000 }), '025': run('running', 1, { startedAt: 1_800_000 }) },
        // Both also "change" the bookkeeping files (run log, plan, .vscode/settings.json): not shared work.
        facts: {
          '024': facts(root, [changed('src/shared.ts'), changed('.vscode/settings.json'), changed(PLAN)]),
          '025': facts(root, [changed('src/shared.ts'), changed('src/other.ts'), changed('.marathon/runlog.jsonl'), changed(PLAN), changed('.vscode/settings.json')]),
        },
      }),
    );
    const overlap = only(findings, 'overlap-conflict');
    assert.deepEqual(overlap.map((f) => [f.line, f.session, f.severity]), [
      [10, '024', 'warning'],
      [30, '025', 'warning'],
    ]);
    assert.equal(overlap[0]?.message, 'Session 024 ran at the same time as session 025, and both change or own 1 file: src/shared.ts.');
    assert.deepEqual(overlap[0]?.related?.map((r) => [r.file, r.range?.line]), [
      [PLAN, 30],
      ['src/shared.ts', 1],
    ]);
  });

  it('a changed file under the other session’s glob or folder counts', async () => {
    const root = workspace();
    const owner = session('025', { line: 30, deliverables: [deliverable('src/reports/', 34)] });
    const findings = await runGitChecks(
      base([a(), owner], {
        workspaceRoot: root,
        runs: { '024': run('running', 1, { startedAt: 0 }), '025': run('paused', 1, { startedAt: 10 }) },
        facts: { '024': facts(root, [changed('src/reports/weekly.ts')]) },
      }),
    );
    assert.match(only(findings, 'overlap-conflict')[0]?.message ?? '', /both change or own 1 file: src\/reports\/weekly.ts/);
  });

  it('runs one after the other, or at the same time on different files: nothing', async () => {
    const root = workspace();
    const sequential = await runGitChecks(
      base([a(), b()], {
        workspaceRoot: root,
        runs: { '024': run('done', 1, { startedAt: 0, stoppedAt: 100 }), '025': run('done', 1, { startedAt: 100, stoppedAt: 200 }) },
        facts: { '024': facts(root, [changed('src/shared.ts')]), '025': facts(root, [changed('src/shared.ts')]) },
      }),
    );
    assert.deepEqual(only(sequential, 'overlap-conflict'), []);
    const apart = await runGitChecks(base([a(), b()], { workspaceRoot: root, runs: { '024': run('running', 1, { startedAt: 0 }), '025': run('running', 1, { startedAt: 0 }) } }));
    assert.deepEqual(only(apart, 'overlap-conflict'), []);
  });

  it('sessions the timeline runs in parallel that own the same file', async () => {
    const both = [a(), session('025', { line: 30, deliverables: [deliverable('src/shared.ts', 34)] }), session('026', { line: 50, deliverables: [deliverable('src/shared.ts', 54)] })];
    const p = plan({
      sessions: both,
      timeline: [
        { window: { unit: 'hour', from: 0, to: 4 }, label: 'Session 024', sessions: ['024'], line: 3 },
        { window: { unit: 'hour', from: 2, to: 6 }, label: 'Session 25', sessions: ['25'], line: 4 },
        { window: { unit: 'hour', from: 6, to: 8 }, label: 'Session 026', sessions: ['026'], line: 5 },
      ],
    });
    const findings = await runGitChecks({ ...base([]), plan: p });
    const overlap = only(findings, 'overlap-conflict');
    assert.deepEqual(overlap.map((f) => f.session), ['024', '025']);
    assert.equal(overlap[0]?.message, 'Session 024 is planned in parallel with session 025 (timeline, line 4), and both change or own 1 file: src/shared.ts.');
  });

  it('with a session filter, only that session is reported, but overlaps look at all of them', async () => {
    const root = workspace();
    const findings = await runGitChecks(
      base([a(), b()], {
        workspaceRoot: root,
        session: '025',
        runs: { '024': run('running', 1, { startedAt: 0 }), '025': run('running', 1, { startedAt: 0 }) },
        facts: { '025': facts(root, [changed('src/shared.ts')]) },
      }),
    );
    assert.deepEqual(findings.map((f) => [f.code, f.session]), [
      ['overlap-conflict', '025'],
      ['scope-creep', '025'],
    ]);
  });
});

describe('git checks: protected-path', () => {
  const neverShare = [
    { path: '.env', line: 3 },
    { path: '.sanitize/', line: 4 },
  ];

  it('never-share paths among changed files, deliverables and context files are errors', async () => {
    const root = workspace();
    const p = plan({
      neverShare,
      contextFiles: [
        { path: 'docs/arch.md', line: 6 },
        { path: 'backend/.env', line: 7 },
      ],
      sessions: [session('024', { line: 10, deliverables: [deliverable('.sanitize/map.json', 14), deliverable('src/a.ts', 15)] })],
    });
    const findings = await runGitChecks({ ...base([]), plan: p, workspaceRoot: root, facts: { '024': facts(root, [changed('.env'), changed('src/a.ts'), changed('.sanitize/map.json')]) } });
    const hits = only(findings, 'protected-path');
    assert.deepEqual(hits.map((f) => [f.line, f.severity]), [
      [7, 'error'],
      [10, 'error'],
      [14, 'error'],
    ]);
    assert.equal(hits[1]?.message, 'Session 024 changed 2 never-share paths: .env (pattern `.env`, line 3), .sanitize/map.json (pattern `.sanitize/`, line 4).');
    assert.deepEqual(hits[1]?.related?.map((r) => r.file), ['.env', '.sanitize/map.json']);
    assert.equal(hits[2]?.message, 'The deliverable `.sanitize/map.json` is a never-share path (pattern `.sanitize/`, line 4).');
    assert.match(hits[0]?.message ?? '', /^The context file `backend\/.env` is a never-share path/);
  });

  it('no never-share patterns, or nothing under them: nothing', async () => {
    const root = workspace();
    const quiet = await runGitChecks({ ...base([session('024')]), workspaceRoot: root, facts: { '024': facts(root, [changed('.env')]) } });
    assert.deepEqual(only(quiet, 'protected-path'), []);
    const clean = await runGitChecks({ ...base([]), plan: plan({ neverShare, sessions: [session('024')] }), workspaceRoot: root, facts: { '024': facts(root, [changed('.env.example')]) } });
    assert.deepEqual(only(clean, 'protected-path'), []);
  });
});
