// Streams and task tables: `## Stream A: Title (30 Tasks)`, terminal bold lines, task tables whose
// headers vary, ids of several shapes, checkboxes in cells, and the file lists to share and never
// share. Fixture: test/fixtures/markdown/streams.md.
import * as assert from 'node:assert/strict';
import type { Plan, Stream } from '../../../src/core/model';
import { fixture, parse } from './markdown-helpers';

function stream(plan: Plan, id: string): Stream {
  const s = plan.streams.find((x) => x.id === id);
  assert.ok(s, `stream ${id} not found; have ${plan.streams.map((x) => x.id).join(', ')}`);
  return s;
}

describe('markdown reader: streams and task tables', () => {
  const text = fixture('streams.md');
  let plan: Plan;
  before(() => {
    plan = parse(text).plan;
  });

  it('reads three streams with declared task counts, terminal ranges and exact line ranges', () => {
    assert.deepEqual(
      plan.streams.map((s) => [s.id, s.title, s.declaredTasks, s.terminals, s.line, s.endLine]),
      [
        ['A', 'Import Pipeline', 30, { from: 1, to: 3 }, 34, 54],
        ['B', 'Service Tests', 20, { from: 4, to: 5 }, 58, 69],
        ['C', 'Debt Paydown', 10, { from: 6, to: 6 }, 73, 81],
      ],
    );
    assert.deepEqual(plan.sessions, []);
    assert.deepEqual(plan.problems, []);
  });

  it('reads `| # | Task | File | Status → Target |` rows with `Partial → Full` and `Missing → New`', () => {
    const tasks = stream(plan, 'A').tasks.slice(0, 2);
    assert.deepEqual(tasks, [
      { id: '1', title: 'Parse the CSV statement', files: ['importer/csv.py'], dependsOn: [], line: 46, status: { from: 'Partial', to: 'Full' }, terminal: 1 },
      { id: '2', title: 'Parse the OFX statement', files: ['importer/ofx.py'], dependsOn: [], line: 47, status: { from: 'Missing', to: 'New' }, terminal: 1 },
    ]);
  });

  it('reads `[x]` inside a table cell as done and keeps it out of the title', () => {
    const t = stream(plan, 'A').tasks[2]!;
    assert.deepEqual([t.id, t.title, t.done, t.files], ['3', 'Parse QIF files', true, ['importer/qif.py']]);
  });

  it('keeps a column it cannot map (`Backend Endpoint Needed`) as extra, not as a file', () => {
    const [a, b] = stream(plan, 'A').tasks.slice(3);
    assert.deepEqual(a, { id: '11', title: 'Match transfers', files: [], dependsOn: [], line: 53, terminal: 2, extra: { 'Backend Endpoint Needed': 'POST /api/v1/ledger/match' } });
    assert.equal(b?.extra?.['Backend Endpoint Needed'], 'GET /api/v1/ledger/duplicates');
  });

  it('assigns each table to the terminal named by the bold line above it', () => {
    assert.deepEqual(stream(plan, 'A').tasks.map((t) => [t.id, t.terminal]), [['1', 1], ['2', 1], ['3', 1], ['11', 2], ['12', 2]]);
  });

  it('reads `| # | Service | Test File to Create |` with the service as title and the test file as file', () => {
    assert.deepEqual(stream(plan, 'B').tasks, [
      { id: '31', title: 'account_service', files: ['tests/services/test_account_service.py'], dependsOn: [], line: 67, terminal: 4 },
      { id: '32', title: 'journal_service', files: ['tests/services/test_journal_service.py'], dependsOn: [], line: 68, terminal: 4 },
    ]);
  });

  it('reads a table with Terminal and Depends On columns and ids DEBT-001, T012, FIX-006', () => {
    assert.deepEqual(
      stream(plan, 'C').tasks.map((t) => [t.id, t.title, t.terminal, t.dependsOn, t.status?.from, t.done, t.line]),
      [
        ['DEBT-001', 'Remove the legacy importer', 6, [], '✅ Done', true, 79],
        ['T012', 'Split the journal module', 6, ['DEBT-001'], 'Pending', undefined, 80],
        ['FIX-006', 'Repair rounding in totals', 6, ['DEBT-001', 'T012'], '[x]', true, 81],
      ],
    );
  });

  it('keeps tasks under sub-headings (`### Task Breakdown`) in the stream, none at plan level', () => {
    assert.deepEqual(plan.streams.map((s) => s.tasks.length), [5, 2, 3]);
    assert.deepEqual(plan.tasks, []);
  });

  it('reads the never-share list from a fence, dropping `# comments` and comment lines', () => {
    assert.deepEqual(plan.neverShare, [
      { path: '.env', line: 26 },
      { path: 'docs/data/*.json', line: 27 },
      { path: '.sanitize/', line: 29 },
    ]);
  });

  it('reads the files to share from fences under bold sub-labels', () => {
    assert.deepEqual(plan.contextFiles, [
      { path: 'README.md', line: 14 },
      { path: 'docs/architecture/LEDGER_MODEL.md', line: 15 },
      { path: 'importer/src/', line: 20 },
    ]);
  });

  it('reads the terminal count from the purpose line', () => {
    assert.equal(plan.terminalCount, 6);
  });

  describe('small shapes', () => {
    it('reads never-share paths written as list items, backticked or bare', () => {
      const { plan: p } = parse('# P\n\n## Files to NEVER Share\n- `secrets/prod.env`\n- keys/ # signing keys\n- Anything with customer names\n');
      assert.deepEqual(p.neverShare, [{ path: 'secrets/prod.env', line: 4 }, { path: 'keys/', line: 5 }]);
    });

    it('reads never-share and context paths written on one line after a label', () => {
      const { plan: p } = parse(
        [
          '# P',
          '**Never share:** `.env`, docs/data/*.json; `.sanitize/`',
          '**Context files:** README.md, `docs/plan.md`, the whole wiki',
          '**Context:** this run continues last week, see notes/x.md',
          '',
          '## Session 7: Seven',
          '**Never Share**: private/keys.pem',
          '**Files to read:** lib/only-here.md',
          '### Files to never share',
          '- `vault/`',
          '- [ ] `vault/extra/`',
          '### Success Criteria',
          '- [ ] a criterion, not a path',
        ].join('\n'),
      );
      assert.deepEqual(p.neverShare, [
        { path: '.env', line: 2 },
        { path: 'docs/data/*.json', line: 2 },
        { path: '.sanitize/', line: 2 },
        // Inside a session too: a never-share path is never shared, wherever it is written.
        { path: 'private/keys.pem', line: 7 },
        { path: 'vault/', line: 10 },
        { path: 'vault/extra/', line: 11 },
      ]);
      // Prose is no path; `Context:` alone names no list; a session's files to read are not the plan's.
      assert.deepEqual(p.contextFiles, [{ path: 'README.md', line: 3 }, { path: 'docs/plan.md', line: 3 }]);
      assert.deepEqual(p.sessions[0]!.criteria.map((c) => c.text), ['a criterion, not a path']);
    });

    it('keeps tasks under deeper headings in the stream until the next level-2 heading', () => {
      const md = [
        '# P',
        '## Stream F: Overflow (4 Tasks)',
        '**Any free terminal picks these up**',
        '### Cleanup (2 tasks)',
        '| # | Task |',
        '|---|------|',
        '| 89 | Delete dead code |',
        '#### Even Deeper',
        '| # | Task |',
        '|---|------|',
        '| 90 | Rename modules |',
        '## Afterwards',
        '| # | Task |',
        '|---|------|',
        '| 91 | Loose task |',
      ].join('\n');
      const { plan: p } = parse(md);
      assert.deepEqual(p.streams.map((s) => [s.id, s.declaredTasks, s.terminals, s.line, s.endLine]), [['F', 4, undefined, 2, 11]]);
      assert.deepEqual(p.streams[0]!.tasks.map((t) => [t.id, t.title, t.line]), [['89', 'Delete dead code', 7], ['90', 'Rename modules', 11]]);
      assert.deepEqual(p.tasks.map((t) => t.id), ['91']);
    });

    it('ends a stream at the next stream heading even when that heading is deeper', () => {
      const { plan: p } = parse('# P\n## Stream A: One\ntext\n### Stream B: Two\nmore\n');
      assert.deepEqual(p.streams.map((s) => [s.id, s.line, s.endLine]), [['A', 2, 3], ['B', 4, 5]]);
    });

    it('reads a stream heading without a task count, with a dash separator', () => {
      const { plan: p } = parse('# P\n## Stream D - Integration\n**Terminal 9 | Goal: journeys**\n');
      assert.deepEqual(p.streams.map((s) => [s.id, s.title, s.declaredTasks, s.terminals]), [['D', 'Integration', undefined, { from: 9, to: 9 }]]);
    });

    it('reads task headings `### DEBT-001: Title` outside any stream as plan tasks with their status', () => {
      const md = '# Debt\n## P0: Now\n### DEBT-001: Drop the old cache\n**Status:** ✅ RESOLVED (PR #12)\n**Files:** `cache/old.py`\n### DEBT-002: Split config\n**Depends on:** DEBT-001\n';
      const { plan: p } = parse(md);
      assert.deepEqual(
        p.tasks.map((t) => [t.id, t.title, t.done, t.files, t.dependsOn, t.line]),
        [
          ['DEBT-001', 'Drop the old cache', true, ['cache/old.py'], [], 3],
          ['DEBT-002', 'Split config', undefined, [], ['DEBT-001'], 6],
        ],
      );
    });

    it('reads a terminal cell written as a range as its first terminal', () => {
      const { plan: p } = parse('# P\n## Stream E: Sweep\n| # | Task | Terminal |\n|---|---|---|\n| 81 | Audit | 7−9 |\n');
      assert.equal(p.streams[0]!.tasks[0]!.terminal, 7);
    });

    it('skips rows whose first cell is not an id (totals, notes)', () => {
      const { plan: p } = parse('# P\n## Stream A: X\n| # | Task |\n|---|---|\n| 1 | Real |\n| **Total** | |\n| note | not a task |\n');
      assert.deepEqual(p.streams[0]!.tasks.map((t) => t.id), ['1']);
    });

    it('does not read a table without a separator line, nor a table whose first column is not an id', () => {
      const { plan: p } = parse('# P\n## Stream A: X\n| # | Task |\n| 1 | No separator |\n\n| Metric | Current | Target |\n|---|---|---|\n| 1 | 2 | 3 |\n');
      assert.deepEqual(p.streams[0]!.tasks, []);
    });
  });
});
