// Planning on the real marathon documents in ../shared/corpus, read in place (never copied).
// Skips with a visible message when the corpus is not beside the project.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPlan } from '../../src/core/plan';
import { planPlan, type Planning } from '../../src/core/planning';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const present = fs.existsSync(CORPUS);

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function plan(rel: string): Planning {
  const file = path.join(CORPUS, rel);
  const text = fs.readFileSync(file, 'utf8');
  return planPlan(readPlan(text, file).plan, { text, instances: 3 });
}

function seed(prefix: string): string {
  const name = fs.readdirSync(path.join(CORPUS, 'seeds')).find((f) => f.startsWith(prefix));
  assert.ok(name, `seed ${prefix} not found`);
  return `seeds/${name}`;
}

describe('corpus: planning (../shared/corpus, read in place)', function () {
  before(function () {
    if (!present) {
      console.log(`    [corpus] SKIPPED: ${CORPUS} is absent; the planning corpus tests did not run.`);
      this.skip();
    }
  });

  it('plans every document without throwing, with valid schedules', function () {
    for (const file of listFiles(CORPUS)) {
      const p = plan(path.relative(CORPUS, file));
      for (const row of p.table.rows) assert.ok(row.makespan >= p.table.criticalPathHours - 1e-9, file);
      for (const f of p.findings) assert.ok(f.line >= 1, file);
    }
  });

  it('seed 004: phases by their week windows, "Requires Phase(s) … Complete", 16 weeks on one instance', function () {
    const p = plan(seed('004_'));
    const label = (i: number) => p.graph.items[i]!.label;
    // Phases 1-4 span 3 + 3 + 2 + 8 weeks = 640 working hours: the plan's own "16 weeks" with one instance.
    assert.equal(p.table.rows[0]!.makespan, 640);
    // Phase 3 requires 1, Phase 4 requires 1-3: 3 + 2 + 8 weeks = 520 h whatever the instance count.
    assert.equal(p.criticalPath.hours, 520);
    assert.deepEqual(p.criticalPath.path.map(label), ['Phase 1', 'Phase 3', 'Phase 4']);
    assert.equal(p.table.rows[1]!.makespan, 520);
    assert.deepEqual(p.next.map((n) => label(n.item)), ['Phase 1', 'Phase 2']);
    assert.deepEqual(p.reminders.map((r) => [r.title, r.options]), [
      ['Week 1 Checkpoint', ['Continue', 'Abandon']],
      ['Week 3 Checkpoint', ['Sequential', 'Parallel']],
      ['Week 6 Checkpoint', ['Distributed', 'Single-Node']],
    ]);
    assert.equal(p.risks.filter((r) => r.level === 'critical').length, 4);
    assert.equal(p.findings.filter((f) => f.code === 'planning-prose-dependency').length, 3);
  });

  it('seed 000: 9 sessions, 32 h in the 36 h budget with a 4 h buffer; overlapping sessions in one domain', function () {
    const p = plan(seed('000_'));
    assert.equal(p.table.totalHours, 32);
    assert.match(p.findings.find((f) => f.code === 'planning-hours-budget')!.message, /32 h of the plan's 36 h, leaving 4 h \(11%\); the timeline keeps 4 h of buffer/);
    const overlap = p.findings.filter((f) => f.code.startsWith('planning-overlap'));
    assert.deepEqual(overlap.map((f) => f.message), ['Sessions 028 and 031 are listed to run in parallel but both work in backend/ and docs/: only different domains should overlap.']);
    assert.equal(p.findings.filter((f) => f.code === 'planning-agents-over-budget' || f.code === 'planning-budget-table-sum').length, 0);
  });

  it('seed 001: the hourly check-in becomes hourly reminders', function () {
    const p = plan(seed('001_'));
    const checkIns = p.reminders.filter((r) => r.series === 'check-in');
    assert.ok(checkIns.length > 0);
    assert.equal(checkIns[0]!.dueAt, 3_600_000);
  });
});
