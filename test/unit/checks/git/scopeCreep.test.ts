// scope-creep: changed files the session's scope does not cover.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runGitChecks } from '../../../../src/core/checks/git';
import { placeholderGlob, scopePattern } from '../../../../src/core/checks/git/patterns';
import type { SuggestedFix } from '../../../../src/core/findings';
import { changed, deliverable, facts, gitFacts, only, plan, repo, run, session, task, workspace } from './helpers';

const PLAN = 'plans/marathon.md';

describe('git checks: scope-creep', () => {
  it('reports uncovered changes on the session heading, each file related, with fixes', async () => {
    const root = workspace();
    const p = plan({
      sessions: [
        session('024', { line: 10, deliverables: [deliverable('src/tools/rotation.ts', 14)] }),
        session('025', { line: 30, deliverables: [deliverable('src/reports/', 34)] }),
      ],
    });
    const findings = await runGitChecks({
      plan: p,
      planFile: PLAN,
      workspaceRoot: root,
      facts: { '024': facts(root, [changed('src/tools/rotation.ts'), changed('notes/a.md', { kind: 'added' }), changed('notes/b.md', { where: ['unstaged'] }), changed('src/reports/weekly.ts')]) },
      runs: { '024': run('running', 1) },
      scopeIgnore: [],
    });
    const creep = only(findings, 'scope-creep');
    assert.equal(creep.length, 1);
    const f = creep[0]!;
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, 10);
    assert.equal(f.file, PLAN);
    assert.equal(f.session, '024');
    assert.equal(f.message, 'Session 024 changed 3 files outside its scope: notes/a.md, notes/b.md, src/reports/weekly.ts.');
    assert.deepEqual(f.related?.map((r) => r.file), ['notes/a.md', 'notes/b.md', 'src/reports/weekly.ts']);
    assert.match(f.related?.[2]?.message ?? '', /owned by session 025 \(plan line 30\)/);
    assert.match(f.related?.[1]?.message ?? '', /modified \(unstaged\)/);
    const fixes = f.fixes ?? [];
    const kinds = (k: SuggestedFix['kind']) => fixes.filter((x) => x.kind === k);
    assert.deepEqual(kinds('add-deliverable').map((x) => (x as { path: string }).path), ['notes/a.md', 'notes/b.md', 'src/reports/weekly.ts']);
    assert.deepEqual(kinds('move-to-session'), [
      { kind: 'move-to-session', title: 'Move src/reports/weekly.ts to session 025', plan: PLAN, from: '024', to: '025', path: 'src/reports/weekly.ts' },
    ]);
    assert.deepEqual(kinds('ignore-for-scope').map((x) => (x as { glob: string }).glob), ['notes/**', 'src/reports/weekly.ts']);
  });

  it('covered: literal, glob, folder, placeholder, task files, scope.ignore, the run log and the plan', async () => {
    const root = workspace();
    const p = plan({
      sessions: [
        session('024', {
          deliverables: [
            deliverable('src/tools/rotation.ts', 14),
            deliverable('*.test.tsx', 15),
            deliverable('src/**/schema.ts', 16),
            deliverable('docs/', 17),
            deliverable('backend/alembic/versions/YYYYMMDD_add_indexes.py', 18, { isPlaceholder: true }),
            deliverable('.claude/SESSION_XXX_HANDOFF.md', 19, { isPlaceholder: true }),
            deliverable('PR #XXX', 20, { isPlaceholder: true }),
          ],
          tasks: [{ ...task('T1', 22), files: ['backend/app/services/swap.py', 'test_swap.py'] }],
        }),
      ],
    });
    const files = [
      'src/tools/rotation.ts',
      'web/components/Grid.test.tsx',
      'src/a/b/schema.ts',
      'docs/guide/intro.md',
      'backend/alembic/versions/20260101_add_indexes.py',
      '.claude/SESSION_024_HANDOFF.md',
      'backend/app/services/swap.py',
      'backend/tests/test_swap.py',
      'package-lock.json',
      'build/out.js',
      '.marathon/runlog.jsonl',
      PLAN,
    ].map((f) => changed(f));
    const findings = await runGitChecks({ plan: p, planFile: PLAN, workspaceRoot: root, facts: { '024': facts(root, files) }, runs: {}, scopeIgnore: ['package-lock.json', 'build/**'] });
    assert.deepEqual(only(findings, 'scope-creep'), []);
  });

  it('the settings file Ignore for Scope writes is bookkeeping; the rest of .vscode/ is not', async () => {
    const root = workspace();
    const p = plan({ sessions: [session('024', { deliverables: [deliverable('src/a.ts', 14)] })] });
    const files = ['src/a.ts', '.vscode/settings.json', '.vscode/tasks.json', 'web/.vscode/settings.json'].map((f) => changed(f));
    const creep = only(await runGitChecks({ plan: p, planFile: PLAN, workspaceRoot: root, facts: { '024': facts(root, files) }, runs: {}, scopeIgnore: [] }), 'scope-creep');
    assert.equal(creep[0]?.message, 'Session 024 changed 2 files outside its scope: .vscode/tasks.json, web/.vscode/settings.json.');
  });

  it('a deliverable path with spaces covers that file and no other', async () => {
    const root = workspace();
    const p = plan({ sessions: [session('024', { deliverables: [deliverable('docs/Field Notes.md', 14), deliverable('docs/Field Reports/', 15, { isFolder: true })] })] });
    const files = ['docs/Field Notes.md', 'docs/Field Reports/Day 1.md', 'docs/Field Notes.md.bak', 'docs/Other Notes.md'].map((f) => changed(f));
    const creep = only(await runGitChecks({ plan: p, planFile: PLAN, workspaceRoot: root, facts: { '024': facts(root, files) }, runs: {}, scopeIgnore: [] }), 'scope-creep');
    assert.equal(creep[0]?.message, 'Session 024 changed 2 files outside its scope: docs/Field Notes.md.bak, docs/Other Notes.md.');
  });

  it('a rename counts as covered when its old path is; deletions count as changes', async () => {
    const root = workspace();
    const p = plan({ sessions: [session('024', { deliverables: [deliverable('src/old.ts', 14)] })] });
    const input = (files: ReturnType<typeof changed>[]) => ({ plan: p, planFile: PLAN, workspaceRoot: root, facts: { '024': facts(root, files) }, runs: {}, scopeIgnore: [] });
    assert.deepEqual(only(await runGitChecks(input([changed('src/new.ts', { kind: 'renamed', from: 'src/old.ts' })])), 'scope-creep'), []);
    const del = only(await runGitChecks(input([changed('src/gone.ts', { kind: 'deleted' })])), 'scope-creep');
    assert.equal(del.length, 1);
    assert.match(del[0]!.related?.[0]?.message ?? '', /^deleted \(committed\)/);
  });

  it('paths are made workspace-relative when the repository root is above the workspace; changes outside it are left out', async () => {
    const repoRoot = workspace({ 'app/.keep': '' });
    const root = path.join(repoRoot, 'app');
    const p = plan({ sessions: [session('024', { deliverables: [deliverable('src/a.ts', 14)] })] });
    const findings = await runGitChecks({
      plan: p,
      planFile: 'PLAN.md',
      workspaceRoot: root,
      facts: { '024': facts(repoRoot, [changed('app/src/a.ts'), changed('app/src/b.ts'), changed('other/c.ts')]) },
      runs: {},
      scopeIgnore: [],
    });
    const creep = only(findings, 'scope-creep');
    assert.equal(creep[0]?.message, 'Session 024 changed 1 file outside its scope: src/b.ts.');
  });

  it('a session that names nothing says so; no facts means no finding', async () => {
    const root = workspace();
    const p = plan({ sessions: [session('024'), session('025', { line: 30 })] });
    const findings = await runGitChecks({ plan: p, planFile: PLAN, workspaceRoot: root, facts: new Map([['024', facts(root, [changed('x.ts')])]]), runs: {}, scopeIgnore: [] });
    const creep = only(findings, 'scope-creep');
    assert.equal(creep.length, 1);
    assert.match(creep[0]!.message, /\(it names no deliverables or task files\): x\.ts/);
  });

  it('with facts read from a real repository', async () => {
    const { dir, git } = repo({ 'src/a.ts': 'export const a = 1;\n', 'README.md': '# r\n' });
    git('add', '.');
    git('commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD').trim();
    fs.writeFileSync(path.join(dir, 'src/a.ts'), 'export const a = 2;\n');
    git('mv', 'README.md', 'GUIDE.md');
    git('commit', '-qam', 'work');
    fs.writeFileSync(path.join(dir, 'scratch.txt'), 'notes\n');
    fs.mkdirSync(path.join(dir, '.marathon'));
    fs.writeFileSync(path.join(dir, '.marathon', 'runlog.jsonl'), '{}\n');
    const p = plan({ sessions: [session('024', { deliverables: [deliverable('src/a.ts', 14), deliverable('README.md', 15)] })] });
    const findings = await runGitChecks({ plan: p, planFile: PLAN, workspaceRoot: dir, facts: { '024': gitFacts(dir, git, base) }, runs: {}, scopeIgnore: [] });
    const creep = only(findings, 'scope-creep');
    assert.equal(creep.length, 1);
    assert.equal(creep[0]!.message, 'Session 024 changed 1 file outside its scope: scratch.txt.');
    assert.match(creep[0]!.related?.[0]?.message ?? '', /^untracked; not in session 024/);
  });

  it('placeholders become wildcards; PR placeholders are not files', () => {
    assert.equal(placeholderGlob('versions/YYYYMMDD_add.py'), 'versions/*_add.py');
    assert.equal(placeholderGlob('SESSION_XXX_<name>.md'), 'SESSION_*_*.md');
    assert.equal(placeholderGlob('reports/YYYY-MM-DD/{team}.md'), 'reports/*/*.md');
    assert.equal(scopePattern('PR #XXX', 1, PLAN), undefined);
    assert.equal(scopePattern('../../outside.ts', 1, PLAN), undefined);
    assert.equal(scopePattern('../src/a.ts', 1, PLAN)?.pattern, 'src/a.ts');
    assert.ok(scopePattern('[bad', 1, PLAN)); // compiles to something that never throws
  });
});
