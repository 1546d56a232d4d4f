// The claims fact-checker on a fixture repository where some claims are true and some false.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims, verifyClaims, type ClaimResult, type VerifyReport } from '../../../src/core/reports';
import { FIXTURES, lines, makeRepo, tempDir, type Repo } from './helpers';

const TESTS = (n: number) => `import { it } from 'mocha';\n${Array.from({ length: n }, (_, i) => `it('case ${i}', () => {});`).join('\n')}\n`;

/** The harbor repository: old files before the document's date, new ones after, and an unmerged side branch. */
function harbor(): { repo: Repo; newHash: string; sideHash: string } {
  const repo = makeRepo();
  repo.commit(-2000, 'Start the harbor', { 'src/old.ts': lines(10), 'test/old.test.ts': TESTS(4), 'lib/deep/helper.ts': lines(3) });
  repo.git('switch', '-qc', 'side');
  const sideHash = repo.commit(-1000, 'Side experiment', { 'side.txt': 'x\n' });
  repo.git('switch', '-q', 'main');
  const newHash = repo.commit(60, 'Session 302: tide tables start', { 'src/new.ts': lines(974), 'test/new.test.ts': TESTS(3) });
  return { repo, newHash, sideHash };
}

function doc(newHash: string, sideHash: string): string {
  return fs.readFileSync(path.join(FIXTURES, 'claims-handoff.md'), 'utf8').replace('{{NEW}}', newHash.slice(0, 7)).replace('{{SIDE}}', sideHash.slice(0, 10));
}

function find(report: VerifyReport, kind: string, text: string): ClaimResult {
  const r = report.results.find((x) => x.claim.kind === kind && x.claim.text.includes(text));
  assert.ok(r, `no ${kind} claim with "${text}"; have ${report.results.map((x) => `${x.claim.kind}:${x.claim.text}`).join(' | ')}`);
  return r;
}

describe('reports: claims fact-check', function () {
  let h: ReturnType<typeof harbor>;
  let report: VerifyReport;
  let text: string;
  before(async function () {
    h = harbor();
    text = doc(h.newHash, h.sideHash);
    report = await verifyClaims(extractClaims(text), h.repo.dir);
  });

  it('reads each kind of claim with its line and column, skipping fenced code', function () {
    const { claims, date } = extractClaims(text);
    assert.equal(date?.iso, '2026-01-10');
    const kinds = claims.map((c) => c.kind);
    for (const k of ['path', 'line-count', 'commit', 'tests', 'session-status']) assert.ok(kinds.includes(k as never), k);
    const first = claims.find((c) => c.kind === 'path');
    assert.deepEqual([first?.line, first?.column, first?.text], [10, 13, '`src/new.ts`']);
    assert.ok(!claims.some((c) => c.text.includes('fenced') || (c.kind === 'commit' && c.line > 28)));
  });

  it('confirms true claims', function () {
    assert.equal(find(report, 'path', 'src/new.ts').verdict, 'confirmed');
    assert.match(find(report, 'path', 'src/new.ts').reason, /did not exist at [0-9a-f]{7}/);
    assert.equal(find(report, 'line-count', 'src/new.ts').verdict, 'confirmed');
    assert.equal(find(report, 'commit', h.newHash.slice(0, 7)).verdict, 'confirmed');
    assert.equal(find(report, 'tests', '3 tests').verdict, 'confirmed');
  });

  it('contradicts a missing path', function () {
    const r = find(report, 'path', 'src/missing.ts');
    assert.equal(r.verdict, 'contradicted');
    assert.match(r.reason, /`src\/missing\.ts` does not exist at HEAD \([0-9a-f]{7}\)$/);
  });

  it('contradicts a path that exists elsewhere, and says where', function () {
    const r = find(report, 'path', 'src/helper.ts');
    assert.equal(r.verdict, 'contradicted');
    assert.match(r.reason, /a file with that name is at `lib\/deep\/helper\.ts`/);
  });

  it('contradicts a wrong line count', function () {
    const r = find(report, 'line-count', 'src/old.ts');
    assert.equal(r.verdict, 'contradicted');
    assert.match(r.reason, /has 10 lines at HEAD .*, not 12/);
  });

  it('contradicts an unknown commit and a commit not on the branch', function () {
    const unknown = find(report, 'commit', 'deadbeef1234');
    assert.equal(unknown.verdict, 'contradicted');
    assert.match(unknown.reason, /no commit deadbeef1234/);
    const side = find(report, 'commit', h.sideHash.slice(0, 10));
    assert.equal(side.verdict, 'contradicted');
    assert.match(side.reason, /exists but is not reachable from HEAD/);
  });

  it('confirms a commit on the branch given with --branch', async function () {
    const r = await verifyClaims(extractClaims(`Landed in commit ${h.sideHash.slice(0, 9)}`), h.repo.dir, { branch: 'side' });
    assert.equal(r.results[0]?.verdict, 'confirmed');
    assert.match(r.results[0]?.reason ?? '', /is on side/);
  });

  it('contradicts "created" for a path that existed before the window', function () {
    const r = report.results.find((x) => x.claim.kind === 'path' && x.claim.line === 14);
    assert.equal(r?.verdict, 'contradicted');
    assert.match(r?.reason ?? '', /already existed before the window/);
  });

  it('contradicts a wrong test count and leaves "passing" unverifiable', function () {
    const wrong = find(report, 'tests', '5 tests');
    assert.equal(wrong.verdict, 'contradicted');
    assert.match(wrong.reason, /declares 4 tests/);
    const passing = find(report, 'tests', '42 passing');
    assert.equal(passing.verdict, 'unverifiable');
    assert.match(passing.reason, /test run/);
  });

  it('checks tests "added" in the window against the diff', async function () {
    const r = await verifyClaims(extractClaims('**Date:** 2026-01-10\n\n- 3 tests added\n- 7 new tests'), h.repo.dir);
    assert.deepEqual(r.results.map((x) => x.verdict), ['confirmed', 'contradicted']);
  });

  it('checks session statuses against commit subjects', function () {
    const s302 = find(report, 'session-status', 'Session 302');
    assert.equal(s302.verdict, 'contradicted');
    assert.match(s302.reason, /claimed not started, but commit [0-9a-f]{7} "Session 302: tide tables start"/);
    assert.equal(find(report, 'session-status', 'Session 303').verdict, 'confirmed');
  });

  it('checks at an older revision with --at', async function () {
    const r = await verifyClaims(extractClaims('- ✅ `src/new.ts`'), h.repo.dir, { at: 'HEAD~1' });
    assert.equal(r.results[0]?.verdict, 'contradicted');
    assert.match(r.results[0]?.reason ?? '', /does not exist at HEAD~1/);
  });

  it('never passes document text to git as an option', async function () {
    const evil = '- ✅ `--output=/tmp/x` and `-c.sh`\n- commit --exec=rm\n';
    const { claims } = extractClaims(evil);
    assert.equal(claims.length, 0);
    const r = await verifyClaims([{ kind: 'path', path: '../outside.txt', created: false, line: 1, column: 1, endColumn: 2, text: 'x' }], h.repo.dir);
    assert.equal(r.results[0]?.verdict, 'unverifiable');
    assert.match(r.results[0]?.reason ?? '', /not a path inside the repository/);
    const bad = await verifyClaims([], h.repo.dir, { at: '--all' });
    assert.equal(bad.atHash, undefined);
  });

  it('says when a document has no claims, is empty or is not a report', function () {
    assert.equal(extractClaims('').problems[0]?.code, 'empty-document');
    const prose = extractClaims('Just some words about boats.\nNothing to check.');
    assert.equal(prose.claims.length, 0);
    assert.equal(prose.problems[0]?.code, 'not-a-report');
    const headed = extractClaims('# Notes\n\nNo claims here.');
    assert.equal(headed.claims.length, 0);
    assert.equal(headed.looksLikeReport, true);
  });

  it('repairs mojibake before reading claims', function () {
    const mangled = '- \u00e2\u0153\u2026 `src/new.ts` (974 lines)';
    const { claims } = extractClaims(mangled);
    assert.deepEqual(claims.map((c) => c.kind), ['path', 'line-count']);
  });

  it('reads a 5 MB document quickly and caps the claims', function () {
    const big = '- ✅ `src/a.ts` (10 lines) in commit `abc1234`\n'.repeat(110_000);
    assert.ok(big.length > 5_000_000);
    const t = Date.now();
    const r = extractClaims(big);
    assert.ok(Date.now() - t < 5000, `took ${Date.now() - t} ms`);
    assert.equal(r.claims.length, 5000);
    assert.equal(r.problems[0]?.code, 'claims-capped');
  });

  it('marks claims unverifiable, never throwing, when the repository lacks them, is shallow or is none', async function () {
    const other = makeRepo();
    other.commit(0, 'unrelated', { 'a.txt': 'a\n' });
    const r = await verifyClaims(extractClaims(text), other.dir);
    assert.equal(find(r, 'commit', h.newHash.slice(0, 7)).verdict, 'contradicted');

    const clone = tempDir();
    h.repo.git('clone', '-q', '--depth', '1', '--branch', 'main', `file://${h.repo.dir}`, clone);
    const shallow = await verifyClaims(extractClaims(text), clone);
    assert.equal(shallow.partial, true);
    assert.ok(shallow.notes.some((n) => n.includes('shallow')));
    const oldCommit = h.repo.git('rev-parse', 'HEAD~1').trim();
    const r2 = await verifyClaims(extractClaims(`commit ${oldCommit.slice(0, 8)}`), clone);
    assert.equal(r2.results[0]?.verdict, 'unverifiable');

    const none = await verifyClaims(extractClaims(text), tempDir());
    assert.equal(none.repo, undefined);
    assert.ok(none.results.every((x) => x.verdict === 'unverifiable' && /not a git repository/.test(x.reason)));
    const noRev = await verifyClaims(extractClaims(text), h.repo.dir, { at: 'v9.9' });
    assert.ok(noRev.results.every((x) => x.verdict === 'unverifiable'));
    assert.match(noRev.notes.join(), /revision "v9.9" does not exist/);
  });
});
