// deliverable-missing, deliverable-stub, deliverable-too-large and deliverable-outside-workspace,
// on real files in temp workspaces.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runGitChecks, type GitCheckInput } from '../../../../src/core/checks/git';
import { MAX_READ_BYTES, probe, realRoot } from '../../../../src/core/checks/git/files';
import type { Deliverable } from '../../../../src/core/model';
import { changed, deliverable, facts, only, plan, run, session, workspace } from './helpers';

const PLAN = 'PLAN.md';
const REAL = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
const STUB_PY = 'def fetch(url):\n    pass\n\n\ndef save(rows):\n    raise NotImplementedError\n';

function input(root: string, deliverables: Deliverable[], over: Partial<GitCheckInput> = {}, state: 'done' | 'running' | 'not-started' = 'done'): GitCheckInput {
  return {
    plan: plan({ sessions: [session('024', { line: 10, deliverables })] }),
    planFile: PLAN,
    workspaceRoot: root,
    runs: { '024': run(state, 1) },
    scopeIgnore: [],
    ...over,
  };
}

describe('git checks: deliverable-missing', () => {
  it('a session stopped as done with a missing file, folder or unmatched glob: errors on the deliverable lines', async () => {
    const root = workspace({ 'src/a.ts': REAL, 'docs/': '' });
    const findings = await runGitChecks(
      input(root, [deliverable('src/a.ts', 14), deliverable('src/b.ts', 15), deliverable('reports/', 16), deliverable('tests/**/*.test.ts', 17), deliverable('docs/', 18)]),
    );
    const missing = only(findings, 'deliverable-missing');
    assert.deepEqual(missing.map((f) => f.line), [15, 16, 17]);
    assert.ok(missing.every((f) => f.severity === 'error' && f.session === '024' && f.file === PLAN));
    assert.equal(missing[0]?.message, 'The deliverable `src/b.ts` does not exist, but session 024 is finished (it was stopped as done).');
    assert.equal(missing[1]?.message, 'The deliverable folder `reports/` does not exist, but session 024 is finished (it was stopped as done).');
    assert.equal(missing[2]?.message, 'No file matches the deliverable `tests/**/*.test.ts`, but session 024 is finished (it was stopped as done).');
  });

  it('all criteria ticked counts as finished; a running session with open criteria does not', async () => {
    const root = workspace();
    const criteria = [
      { text: 'a', done: true, line: 12, column: 3 },
      { text: 'b', done: true, line: 13, column: 3 },
    ];
    const ticked = plan({ sessions: [session('024', { criteria, deliverables: [deliverable('x.md', 14)] })] });
    const f = only(await runGitChecks({ ...input(root, [], {}, 'running'), plan: ticked }), 'deliverable-missing');
    assert.match(f[0]?.message ?? '', /session 024 is finished \(all 2 of its criteria are ticked\)/);
    const open = plan({ sessions: [session('024', { criteria: [criteria[0]!, { ...criteria[1]!, done: false }], deliverables: [deliverable('x.md', 14)] })] });
    assert.deepEqual(only(await runGitChecks({ ...input(root, [], {}, 'running'), plan: open }), 'deliverable-missing'), []);
  });

  it('a deliverable marked ✅ must exist even when the session is not finished', async () => {
    const root = workspace();
    const f = only(await runGitChecks(input(root, [deliverable('x.md', 14, { claimed: 'done' })], {}, 'not-started')), 'deliverable-missing');
    assert.match(f[0]?.message ?? '', /but the plan marks it done\.$/);
  });

  it('placeholders match as patterns; PR placeholders are skipped', async () => {
    const root = workspace({ 'backend/versions/20260101_add_indexes.py': 'def upgrade():\n    op.create_index("i", "t", ["c"])\n' });
    const findings = await runGitChecks(
      input(root, [deliverable('backend/versions/YYYYMMDD_add_indexes.py', 14, { isPlaceholder: true }), deliverable('PR #XXX', 15, { isPlaceholder: true }), deliverable('SESSION_XXX_HANDOFF.md', 16, { isPlaceholder: true })]),
    );
    assert.deepEqual(only(findings, 'deliverable-missing').map((f) => f.line), [16]);
  });

  it('says where a deleted or renamed deliverable went', async () => {
    const root = workspace({ 'src/renamed.ts': REAL });
    const findings = await runGitChecks(
      input(root, [deliverable('src/old.ts', 14), deliverable('src/gone.ts', 15)], {
        facts: { '024': facts(root, [changed('src/renamed.ts', { kind: 'renamed', from: 'src/old.ts' }), changed('src/gone.ts', { kind: 'deleted', where: ['unstaged'] })]) },
      }),
    );
    const missing = only(findings, 'deliverable-missing');
    assert.equal(missing[0]?.message, 'The deliverable `src/old.ts` does not exist; git shows it renamed to `src/renamed.ts` (committed), but session 024 is finished (it was stopped as done).');
    assert.deepEqual(missing[0]?.related?.map((r) => r.file), ['src/renamed.ts']);
    assert.match(missing[1]?.message ?? '', /`src\/gone.ts` does not exist; git shows it deleted \(unstaged\)/);
  });
});

describe('git checks: deliverable-stub', () => {
  it('a stub file of an active session: a warning naming its stub functions and lines', async () => {
    const root = workspace({ 'app/sync.py': STUB_PY, 'src/a.ts': REAL });
    const findings = await runGitChecks(input(root, [deliverable('app/sync.py', 14), deliverable('src/a.ts', 15)], {}, 'running'));
    const stubs = only(findings, 'deliverable-stub');
    assert.equal(stubs.length, 1);
    assert.equal(stubs[0]?.severity, 'warning');
    assert.equal(stubs[0]?.line, 14);
    assert.equal(stubs[0]?.message, 'The deliverable `app/sync.py` is a stub: every function is a stub (pass, raise NotImplementedError) — fetch (line 1), save (line 5).');
    assert.deepEqual(stubs[0]?.related?.map((r) => [r.file, r.range?.line]), [['app/sync.py', 1], ['app/sync.py', 5]]);
  });

  it('a partly written file names its stub functions', async () => {
    const text = `${REAL}export function sub(a: number, b: number): number {\n  return a - b;\n}\nexport function mul(): number {\n  throw new Error('not implemented');\n}\n`;
    const root = workspace({ 'src/math.ts': text });
    const stubs = only(await runGitChecks(input(root, [deliverable('src/math.ts', 14)])), 'deliverable-stub');
    assert.equal(stubs[0]?.message, 'The deliverable `src/math.ts` has stub functions: mul (line 7) — 1 of 3 functions is a stub (throws not implemented).');
  });

  it('markdown and empty files, empty folders, glob matches', async () => {
    const root = workspace({ 'docs/guide.md': '# Guide\n\nTODO\n', 'empty.txt': '', 'out/': '', 'tests/a.test.ts': REAL, 'tests/b.test.ts': '// TODO: tests\n' });
    const findings = await runGitChecks(input(root, [deliverable('docs/guide.md', 14), deliverable('empty.txt', 15), deliverable('out/', 16), deliverable('tests/*.test.ts', 17)]));
    const stubs = only(findings, 'deliverable-stub');
    assert.deepEqual(stubs.map((f) => f.line), [14, 15, 16, 17]);
    assert.equal(stubs[0]?.message, 'The deliverable `docs/guide.md` is a stub: only headings and TODO/placeholder text — line 3.');
    assert.equal(stubs[1]?.message, 'The deliverable `empty.txt` is a stub: empty file — line 1.');
    assert.equal(stubs[2]?.message, 'The deliverable folder `out/` is empty.');
    assert.match(stubs[3]?.message ?? '', /^The deliverable `tests\/b.test.ts` is a stub: only TODO\/placeholder text/);
  });

  it('sessions not yet begun are not checked for stubs; binary files are not read as text', async () => {
    const root = workspace({ 'app/sync.py': STUB_PY, 'img.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
    assert.deepEqual(only(await runGitChecks(input(root, [deliverable('app/sync.py', 14)], {}, 'not-started')), 'deliverable-stub'), []);
    assert.deepEqual(only(await runGitChecks(input(root, [deliverable('img.png', 14)])), 'deliverable-stub'), []);
    const real = await realRoot(root);
    const png = await probe(real, 'img.png', true);
    assert.ok(png.kind === 'file' && png.binary === true && png.text === undefined);
  });

  it('a session with changes but no clock is active', async () => {
    const root = workspace({ 'app/sync.py': STUB_PY });
    const findings = await runGitChecks(input(root, [deliverable('app/sync.py', 14)], { runs: {}, facts: { '024': facts(root, [changed('app/sync.py')]) } }));
    assert.equal(only(findings, 'deliverable-stub').length, 1);
  });
});

describe('git checks: deliverable-too-large', () => {
  it('a file over 2 MB is checked for existence only, never read', async () => {
    const root = workspace({ 'data/big.txt': ' '.repeat(MAX_READ_BYTES + 1) });
    const findings = await runGitChecks(input(root, [deliverable('data/big.txt', 14)]));
    assert.deepEqual(only(findings, 'deliverable-stub'), []); // whitespace only, but not read
    assert.deepEqual(only(findings, 'deliverable-missing'), []);
    const large = only(findings, 'deliverable-too-large');
    assert.equal(large.length, 1);
    assert.equal(large[0]?.severity, 'info');
    assert.equal(large[0]?.message, 'The deliverable `data/big.txt` is 2 MB: Marathon checked that it exists and did not read it for stubs (files over 2 MB are not read).');
  });
});

describe('git checks: deliverable-outside-workspace', () => {
  it('absolute paths elsewhere and `..` climbing out are reported and never read', async () => {
    const root = workspace();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-outside-'));
    fs.writeFileSync(path.join(outside, 'stub.py'), STUB_PY);
    const findings = await runGitChecks(input(root, [deliverable(path.join(outside, 'stub.py'), 14), deliverable('../../etc/passwd', 15)]));
    const out = only(findings, 'deliverable-outside-workspace');
    assert.deepEqual(out.map((f) => f.line), [14, 15]);
    assert.ok(out.every((f) => f.severity === 'error'));
    assert.match(out[0]!.message, /is an absolute path outside the workspace; Marathon does not read it\.$/);
    assert.match(out[1]!.message, /climbs out of the workspace with `\.\.`/);
    assert.deepEqual(only(findings, 'deliverable-stub'), []);
    assert.deepEqual(only(findings, 'deliverable-missing'), []);
  });

  it('a symbolic link that leaves the workspace is reported and not followed, for files and folders', async () => {
    const root = workspace({ 'src/': '' });
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-outside-'));
    fs.writeFileSync(path.join(outside, 'stub.py'), STUB_PY);
    fs.symlinkSync(path.join(outside, 'stub.py'), path.join(root, 'src', 'linked.py'));
    fs.symlinkSync(outside, path.join(root, 'ext'));
    const findings = await runGitChecks(input(root, [deliverable('src/linked.py', 14), deliverable('ext/missing.py', 15), deliverable('ext/*.py', 16)]));
    const out = only(findings, 'deliverable-outside-workspace');
    assert.deepEqual(out.map((f) => f.line), [14, 15, 16]);
    assert.match(out[0]!.message, /resolves through a symbolic link to `.*stub\.py` outside the workspace/);
    assert.deepEqual(only(findings, 'deliverable-stub'), []);
  });

  it('a `../` path that stays inside when read from the plan folder is fine, and a link inside the workspace is followed', async () => {
    const root = workspace({ 'src/a.ts': REAL, 'plans/': '' });
    fs.symlinkSync(path.join(root, 'src', 'a.ts'), path.join(root, 'alias.ts'));
    const findings = await runGitChecks({ ...input(root, [deliverable('../src/a.ts', 14), deliverable('alias.ts', 15)]), planFile: 'plans/PLAN.md' });
    assert.deepEqual(findings, []);
  });
});
