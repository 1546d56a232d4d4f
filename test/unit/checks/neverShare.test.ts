import assert from 'node:assert/strict';
import { checkNeverShare } from '../../../src/core/checks';
import { compileNeverShare } from '../../../src/core/checks/neverShare';
import { deliverable, plan, session } from './helpers';

const neverShare = [
  { path: '.env', line: 5 },
  { path: 'docs/data/*.json', line: 6 },
  { path: '.sanitize/', line: 7 },
];

function withPaths(paths: string[], context: string[] = []) {
  return plan({
    neverShare,
    sessions: [session('024', { deliverables: paths.map((p, i) => deliverable(p, 20 + i)) })],
    contextFiles: context.map((path, i) => ({ path, line: 50 + i })),
  });
}

describe('checks: never-share paths', () => {
  it('compiles gitignore-like patterns', () => {
    const env = compileNeverShare('.env', 1);
    assert.ok(env?.matches('.env') && env.matches('backend/.env') && !env.matches('.env.example'));
    const data = compileNeverShare('./docs/data/*.json', 1);
    assert.ok(data?.matches('docs/data/s.json') && !data.matches('other/docs/data/s.json') && !data.matches('docs/data/s.md'));
    const folder = compileNeverShare('.sanitize/', 1);
    assert.ok(folder?.matches('.sanitize/map.json') && folder.matches('.sanitize') && folder.matches('a/.sanitize/deep/x'));
    assert.equal(compileNeverShare('  ', 1), undefined);
    assert.equal(compileNeverShare('!keep.txt', 1), undefined);
  });

  it('reports deliverables and context files that match', () => {
    const problems = checkNeverShare(
      withPaths(['.env', 'backend/.env', './docs/data/schedule.json', '.sanitize/map.json', '.sanitize/'], ['docs/data/x.json']),
      {},
    );
    assert.deepEqual(problems.map((x) => x.line), [20, 21, 22, 23, 24, 50]);
    assert.ok(problems.every((x) => x.code === 'never-share-path' && x.severity === 'error'));
    assert.match(problems[2]?.message ?? '', /`.\/docs\/data\/schedule.json` matches the never-share pattern `docs\/data\/\*.json` \(line 6\)/);
  });

  it('reports globs that may match and context folders that contain a never-share file', () => {
    const problems = checkNeverShare(withPaths(['docs/data/*', 'docs/**/*.json'], ['docs/', 'docs/data/']), {});
    assert.deepEqual(problems.map((x) => x.line), [20, 21, 50, 51]);
    assert.match(problems[0]?.message ?? '', /may match files of/);
    assert.match(problems[2]?.message ?? '', /contains files of/);
  });

  it('is clean for near misses', () => {
    const paths = ['.env.example', 'docs/data/readme.md', 'docs/data-old/x.json', 'sanitize/map.json', 'docs/security/policy.md', 'docs/'];
    assert.deepEqual(checkNeverShare(withPaths(paths, ['docs/security/']), {}), []);
  });

  it('is clean when the plan has no never-share list', () => {
    const p = plan({ sessions: [session('1', { deliverables: [deliverable('.env', 20)] })] });
    assert.deepEqual(checkNeverShare(p, {}), []);
  });

  it('reads absolute paths inside the workspace relative to it', () => {
    const problems = checkNeverShare(withPaths(['/work/repo/docs/data/a.json']), { workspaceRoot: '/work/repo' });
    assert.equal(problems.length, 1);
  });
});
