// Runs the report readers and the fact-checker over the real handoffs and AARs in
// ../shared/corpus, read in place (never copied). Skips with a message when the corpus is absent.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readPlan } from '../../src/core/plan';
import { extractClaims, verifyClaims } from '../../src/core/reports';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const DIRS = ['aar', 'handoff'].map((d) => path.join(CORPUS, d));
const present = DIRS.every((d) => fs.existsSync(d));

describe('corpus: reports (../shared/corpus/aar and handoff, read in place)', function () {
  let repo: string;
  before(function () {
    if (!present) {
      console.log(`    [corpus] SKIPPED: ${DIRS.join(' or ')} is absent; the report corpus tests did not run.`);
      this.skip();
    }
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-corpus-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: repo });
    git('init', '-q');
    fs.writeFileSync(path.join(repo, 'README.md'), 'a repository that has none of the cited work\n');
    git('add', '.');
    git('commit', '-qm', 'Session 1: start');
  });
  after(function () {
    if (repo) fs.rmSync(repo, { recursive: true, force: true });
  });

  const files = (): string[] => DIRS.flatMap((d) => fs.readdirSync(d).map((f) => path.join(d, f)));

  it('extracts claims from every document with in-range positions, and the plan reader reads them', function () {
    let total = 0;
    for (const file of files()) {
      const text = fs.readFileSync(file, 'utf8');
      const lineCount = text.split(/\r\n|\r|\n/).length;
      const { claims, problems } = extractClaims(text);
      total += claims.length;
      for (const c of claims) {
        assert.ok(c.line >= 1 && c.line <= lineCount, `${path.basename(file)}: ${c.kind} at line ${c.line} of ${lineCount}`);
        assert.ok(c.column >= 1 && c.endColumn >= c.column, `${path.basename(file)}: bad columns`);
      }
      assert.ok(!problems.some((p) => p.code === 'empty-document'), file);
      assert.doesNotThrow(() => readPlan(text, file));
    }
    assert.ok(total > 0, 'the corpus reports make checkable claims');
  });

  it('verifies every document against a repository missing the cited work, without a crash', async function () {
    for (const file of files()) {
      const extracted = extractClaims(fs.readFileSync(file, 'utf8'));
      const report = await verifyClaims(extracted, repo);
      assert.equal(report.results.length, extracted.claims.length, file);
      for (const r of report.results) {
        assert.ok(['confirmed', 'contradicted', 'unverifiable'].includes(r.verdict));
        assert.ok(r.reason.length > 0);
        assert.ok(!r.reason.startsWith('internal error'), `${path.basename(file)}: ${r.reason}`);
      }
      // Nothing the corpus cites is in this repository: no path or commit can be confirmed.
      assert.ok(!report.results.some((r) => r.verdict === 'confirmed' && (r.claim.kind === 'commit' || r.claim.kind === 'path')), file);
    }
  });
});
