import assert from 'node:assert/strict';
import { checkPathsInsideWorkspace } from '../../../src/core/checks';
import { deliverable, plan, session } from './helpers';

function withPaths(paths: string[], context: string[] = []) {
  return plan({
    sessions: [session('024', { deliverables: paths.map((p, i) => deliverable(p, 20 + i)) })],
    contextFiles: context.map((path, i) => ({ path, line: 50 + i })),
  });
}

describe('checks: paths inside the workspace', () => {
  it('is clean for relative paths, globs, folders, inner `..` and URLs', () => {
    const p = withPaths(['src/a.ts', './docs/', 'frontend/__tests__/**/*.test.tsx', 'a/../b.ts', 'https://example.com/x'], ['docs/x.md']);
    assert.deepEqual(checkPathsInsideWorkspace(p, {}), []);
  });

  it('reports absolute paths and paths that climb out', () => {
    const paths = ['/etc/passwd', 'C:\\Users\\x\\a.txt', '~/notes.md', '../other/x.ts', 'a/../../b', '..\\win\\x'];
    const problems = checkPathsInsideWorkspace(withPaths(paths, ['../secrets.md']), {});
    assert.deepEqual(problems.map((x) => x.line), [20, 21, 22, 23, 24, 25, 50]);
    assert.ok(problems.every((x) => x.code === 'deliverable-outside-workspace' && x.severity === 'error'));
    assert.match(problems[6]?.message ?? '', /context file `..\/secrets.md` climbs out/);
  });

  it('skips placeholders and items with no path', () => {
    const p = plan({
      sessions: [session('1', { deliverables: [deliverable('/tmp/<name>', 20, { isPlaceholder: true }), { text: 'a report', isGlob: false, isPlaceholder: false, isFolder: false, line: 21 }] })],
    });
    assert.deepEqual(checkPathsInsideWorkspace(p, {}), []);
  });

  it('only warns about an absolute path inside the known workspace root', () => {
    const p = withPaths(['/work/repo/src/a.ts', '/work/other/a.ts']);
    const problems = checkPathsInsideWorkspace(p, { workspaceRoot: '/work/repo' });
    assert.deepEqual(problems.map((x) => [x.code, x.severity]), [['deliverable-absolute-path', 'warning'], ['deliverable-outside-workspace', 'error']]);
    assert.match(problems[0]?.message ?? '', /`src\/a.ts`/);
  });

  it('accepts `../` that stays inside when read from the plan file folder', () => {
    const p = withPaths(['../../src/a.ts', '../../../x']);
    const ctx = { workspaceRoot: '/work/repo', planFile: '/work/repo/docs/plans/p.md' };
    assert.deepEqual(checkPathsInsideWorkspace(p, ctx).map((x) => x.line), [21]);
  });
});
