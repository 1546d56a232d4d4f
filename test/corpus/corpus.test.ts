// Reads the real marathon documents in ../shared/corpus in place (never copied) and asserts what a
// person sees in them. Skips with a visible message when the corpus is not beside the project.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPlan } from '../../src/core/checks';
import { PlanSchema, type Plan, type Session } from '../../src/core/model';
import { readPlan } from '../../src/core/plan';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const present = fs.existsSync(CORPUS);

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : [full];
  });
}

function read(rel: string): Plan {
  const file = path.join(CORPUS, rel);
  return readPlan(fs.readFileSync(file, 'utf8'), file).plan;
}

function session(plan: Plan, id: string): Session {
  const s = plan.sessions.find((x) => x.id === id);
  assert.ok(s, `session ${id} not found; have ${plan.sessions.map((x) => x.id).join(', ')}`);
  return s;
}

describe('corpus (../shared/corpus, read in place)', function () {
  before(function () {
    if (!present) {
      console.log(`    [corpus] SKIPPED: ${CORPUS} is absent; the corpus tests did not run.`);
      this.skip();
    }
  });

  it('reads every document without throwing, into a valid model with in-range problems', function () {
    const files = listFiles(CORPUS);
    assert.ok(files.length >= 15, `expected the corpus files, found ${files.length}`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const lineCount = text.split(/\r\n|\r|\n/).length;
      const { plan, problems } = readPlan(text, file);
      const valid = PlanSchema.safeParse(plan);
      assert.ok(valid.success, `${path.relative(CORPUS, file)}: ${valid.success ? '' : valid.error.message}`);
      const all = [...problems, ...checkPlan(plan, { planFile: file, workspaceRoot: CORPUS })];
      for (const p of all) {
        assert.ok(p.line >= 1 && p.line <= lineCount, `${path.relative(CORPUS, file)}: ${p.code} at line ${p.line} of ${lineCount}`);
        assert.ok(p.column >= 1 && p.endLine >= p.line, `${p.code}: bad range`);
      }
      assert.ok(!problems.some((p) => p.code === 'internal-error'), `${file}: reader crashed`);
    }
  });

  describe('seed 000: the 36-hour, 9-session plan', function () {
    let plan: Plan;
    before(function () {
      plan = read('seeds/000_a7fe481140d20664.txt');
    });

    it('has the 9 sessions 024-032, in order, whose hours sum to 32 of the stated 36', function () {
      assert.deepEqual(
        plan.sessions.map((s) => s.id),
        ['024', '025', '026', '027', '028', '029', '030', '031', '032'],
      );
      assert.equal(plan.sessions.reduce((sum, s) => sum + (s.hours?.max ?? 0), 0), 32);
      assert.equal(plan.totalHours?.max, 36);
      assert.equal(plan.totalTasks, 100);
      assert.equal(plan.terminalCount, 10);
      assert.equal(plan.overview.length, 9);
    });

    it('reads session 024 as written: branch, agents, objectives, terminals, 3 criteria, 3 deliverables', function () {
      const s = session(plan, '024');
      assert.equal(s.title, 'MCP Tool Completion');
      assert.equal(s.branch, 'claude/session-024-mcp-tools');
      assert.deepEqual(s.hours, { text: '4 hours', min: 4, max: 4, unit: 'hours', line: s.line + 2 });
      assert.deepEqual(s.agents.map((a) => a.role), ['ARCHITECT', 'TOOLSMITH', 'QA_TESTER']);
      assert.equal(s.objectives.length, 3);
      assert.deepEqual(
        s.terminals.map((t) => [t.from, t.to, t.tasks?.from, t.tasks?.to]),
        [[1, 3, 1, 10], [4, 6, 11, 20], [7, 9, 21, 30]],
      );
      assert.equal(s.criteria.length, 3);
      assert.ok(s.criteria.every((c) => !c.done));
      assert.deepEqual(s.deliverables.map((d) => d.path), [
        'mcp-server/src/scheduler_mcp/server.py',
        'backend/app/api/routes/resilience.py',
        'mcp-server/tests/test_tool_chain.py',
      ]);
      assert.ok(s.line < s.endLine);
    });

    it('reads agents written as a repeated role, globs, folders and placeholders', function () {
      assert.deepEqual(session(plan, '025').agents, [{ role: 'QA_TESTER', count: 3 }]);
      const glob = session(plan, '026').deliverables.find((d) => d.isGlob);
      assert.equal(glob?.path, 'frontend/__tests__/features/templates/*.test.tsx');
      assert.ok(session(plan, '025').deliverables.every((d) => d.isFolder));
      assert.ok(session(plan, '030').deliverables.some((d) => d.isPlaceholder && d.path?.includes('YYYYMMDD')));
      assert.ok(session(plan, '032').deliverables.some((d) => d.isPlaceholder && d.path === 'PR #XXX'));
      assert.equal(session(plan, '032').branch, undefined, '"Merge all session branches" is not a branch name');
    });

    it('reads the execution timeline and the risk mitigations', function () {
      assert.equal(plan.timeline.length, 10);
      assert.deepEqual(plan.timeline[0], { window: { unit: 'hour', from: 0, to: 4 }, label: 'Session 024 (MCP Tools)', sessions: ['024'], line: plan.timeline[0]!.line });
      assert.equal(plan.risks.length, 3);
    });

    it('checks report the 4-hour buffer and no errors', function () {
      const problems = checkPlan(plan);
      assert.ok(problems.some((p) => p.code === 'hours-total-buffer' && /32/.test(p.message) && /36/.test(p.message)));
      assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
    });
  });

  describe('seed 001: the after-action review (with mojibake)', function () {
    it('reads each session status marker and percentage, mojibake or not', function () {
      const plan = read('seeds/001_f0445bf855dadeef.txt');
      const seen = plan.sessions.map((s) => [s.id, s.status, s.percent]);
      assert.deepEqual(seen, [
        ['024', 'done', 90],
        ['025', 'blocked', 30],
        ['026', 'partial', 40],
        ['027', 'not-started', 0],
        ['028', 'done', 95],
        ['029', 'done', 85],
        ['030', 'done', 90],
        ['031', 'done', 70],
        ['032', 'in-progress', 30],
      ]);
      assert.ok(plan.sessions.every((s) => !/â|Ã/.test(s.title)), 'titles are repaired');
      const claimed = session(plan, '024').deliverables.map((d) => d.claimed);
      assert.deepEqual(claimed, ['done', 'done', 'partial']);
      assert.deepEqual(session(plan, '025').deliverables.filter((d) => d.claimed === 'failed').length, 2);
    });
  });

  describe('seed 002: the 100-task parallel plan', function () {
    it('has 6 streams holding 100 tasks, ids 1-100, with terminals and status transitions', function () {
      const plan = read('seeds/002_b9bfdbd66ab3b220.txt');
      assert.deepEqual(plan.streams.map((s) => s.id), ['A', 'B', 'C', 'D', 'E', 'F']);
      assert.deepEqual(plan.streams.map((s) => s.tasks.length), [30, 25, 15, 10, 8, 12]);
      for (const s of plan.streams) assert.equal(s.tasks.length, s.declaredTasks, `stream ${s.id} holds what its heading declares`);
      const ids = plan.streams.flatMap((s) => s.tasks.map((t) => Number(t.id)));
      assert.deepEqual(ids, Array.from({ length: 100 }, (_, i) => i + 1));
      const a = plan.streams[0]!;
      assert.deepEqual(a.terminals, { from: 1, to: 3 });
      assert.deepEqual(a.tasks[0]!.status, { from: 'Partial', to: 'Full' });
      assert.deepEqual(a.tasks[0]!.files, ['server.py']);
      assert.equal(a.tasks[10]!.terminal, 2);
      assert.ok(a.tasks[10]!.extra && Object.values(a.tasks[10]!.extra).some((v) => v.includes('/api/v1/resilience/hopfield/energy')));
      assert.deepEqual(plan.neverShare.map((p) => p.path), ['.env', 'docs/data/*.json', '.sanitize/']);
      assert.ok(plan.contextFiles.some((p) => p.path === 'CLAUDE.md'));
      assert.equal(plan.terminalCount, 10);
    });
  });

  describe('seed 004: the phased recovery plan (Mac Roman mojibake)', function () {
    it('reads 4 phases whose later ones depend on earlier ones, checkpoints and risks', function () {
      const plan = read('seeds/004_b0ba0a6134495dfa.txt');
      assert.deepEqual(plan.phases.map((p) => p.id), ['1', '2', '3', '4']);
      assert.deepEqual(plan.phases.map((p) => p.dependsOn), [[], [], ['1'], ['1', '2', '3']]);
      assert.deepEqual(plan.phases[0]!.window, { unit: 'week', from: 1, to: 3 });
      assert.equal(plan.title, 'EXECUTION PLAN - POST-CATASTROPHE RECOVERY');
      assert.deepEqual(plan.checkpoints.map((c) => c.options), [['Continue', 'Abandon'], ['Sequential', 'Parallel'], ['Distributed', 'Single-Node']]);
      assert.equal(plan.risks.filter((r) => r.level === 'critical').length, 4);
      assert.deepEqual(checkPlan(plan).filter((p) => p.code === 'dependency-cycle' || p.code === 'unknown-dependency'), []);
    });
  });

  describe('other shapes', function () {
    it('reads phase durations in days and the technical-debt ids', function () {
      const roadmap = read('plan/E2E_GUI_TESTING_ROADMAP.md');
      assert.deepEqual(roadmap.phases.slice(0, 2).map((p) => [p.id, p.duration?.min, p.duration?.max]), [['0', 8, 8], ['1', 24, 40]]);
      const debt = read('plan/TECHNICAL_DEBT.md');
      assert.ok(debt.tasks.length >= 7 && debt.tasks.every((t) => /^DEBT-\d{3}$/.test(t.id)));
    });

    it('does not take `#` comment lines inside a fence for headings', function () {
      const plan = read('aar/CCW_BURN_POSTMORTEM.md');
      assert.equal(plan.sessions.length + plan.phases.length + plan.streams.length, 0);
    });
  });
});
