// What the reader does with the awkward parts of real files: code fences, line endings, a BOM,
// empty and structureless files, malformed checkboxes, U+2212 minus signs. Every result must still
// pass the schema. Fixture: test/fixtures/markdown/fences.md (and the others, for line endings).
import * as assert from 'node:assert/strict';
import { fixture, parse } from './markdown-helpers';

describe('markdown reader: robustness', () => {
  describe('code fences (fences.md)', () => {
    const text = fixture('fences.md');
    const { plan, problems } = parse(text);

    it('reads no structure from heading-like lines and tables inside ``` and ~~~ fences', () => {
      assert.deepEqual(plan.sessions.map((s) => s.id), ['301', '305']);
      assert.deepEqual(plan.sessions[0]!.tasks, []);
      assert.deepEqual(plan.tasks, []);
    });

    it('closes a ```` fence only with four backticks, so ``` inside it is content', () => {
      assert.ok(!plan.sessions.some((s) => s.id === '304'));
    });

    it('does not open a fence for ```inline``` code on one line, so later criteria are read', () => {
      assert.deepEqual(plan.sessions[0]!.criteria, [{ text: 'Real criterion after the fences', done: false, line: 29, column: 3 }]);
      assert.deepEqual([plan.sessions[0]!.line, plan.sessions[0]!.endLine], [3, 30]);
    });

    it('warns about `- [] x` at its line, and about the fence left open at the end', () => {
      assert.deepEqual(
        problems.map((p) => [p.code, p.severity, p.line]),
        [['malformed-checkbox', 'warning', 30], ['unclosed-fence', 'warning', 33]],
      );
    });

    it('ends the last session at the last line of the unclosed fence', () => {
      assert.deepEqual([plan.sessions[1]!.line, plan.sessions[1]!.endLine], [32, 36]);
    });

    it('does not close a ~~~ fence with ``` nor a ``` fence with a line that has more after it', () => {
      const md = '# P\n~~~\n## Session 1: Hidden\n```\n## Session 2: Still Hidden\n~~~\n```js\n## Session 3: Hidden Too\n``` not a close\n```\n## Session 4: Seen\n';
      const { plan: p, problems: pr } = parse(md);
      assert.deepEqual(p.sessions.map((s) => s.id), ['4']);
      assert.deepEqual(pr, []);
    });

    it('opens a fence indented by up to three spaces (inside a numbered list)', () => {
      const md = '# P\n## Session 1: A\n1. Run:\n   ```bash\n   ## Session 2: Not Real\n   ```\n- [ ] after\n';
      const { plan: p } = parse(md);
      assert.deepEqual(p.sessions.map((s) => s.id), ['1']);
      assert.equal(p.sessions[0]!.criteria.length, 1);
    });

    it('reads `#` comment lines in a fence under a heading as nothing at all', () => {
      const { plan: p } = parse('# Postmortem\n\n```\n# not a heading\n## also not\n```\n');
      assert.equal(p.title, 'Postmortem');
      assert.deepEqual([p.sessions, p.phases, p.streams], [[], [], []]);
    });
  });

  describe('line endings and BOM', () => {
    for (const name of ['canonical.md', 'aar.md', 'streams.md', 'phases.md', 'fences.md', 'session-ids.md']) {
      it(`reads ${name} identically with LF, CRLF, lone CR and a BOM`, () => {
        const lf = fixture(name);
        const json = JSON.stringify(parse(lf).plan);
        assert.equal(JSON.stringify(parse(lf.replace(/\n/g, '\r\n')).plan), json, 'CRLF');
        assert.equal(JSON.stringify(parse(lf.replace(/\n/g, '\r')).plan), json, 'CR');
        assert.equal(JSON.stringify(parse(`\ufeff${lf}`).plan), json, 'BOM');
        assert.equal(JSON.stringify(parse(`\ufeff${lf.replace(/\n/g, '\r\n')}`).plan), json, 'BOM + CRLF');
      });
    }

    it('keeps criterion columns right under CRLF (the CR is not part of the line)', () => {
      const { plan } = parse('# P\r\n## Session 1: A\r\n  - [x] done\r\n');
      assert.deepEqual(plan.sessions[0]!.criteria, [{ text: 'done', done: true, line: 3, column: 5 }]);
    });

    it('counts columns after a BOM from the first real character', () => {
      const { plan } = parse('\ufeff- [ ] x\n# T\n## Session 1: A\n- [ ] y\n');
      assert.deepEqual(plan.sessions[0]!.criteria.map((c) => [c.line, c.column]), [[4, 3]]);
    });
  });

  describe('empty and structureless files', () => {
    for (const [name, text] of [['empty', ''], ['blank lines', '\n\n  \n'], ['a BOM only', '\ufeff'], ['CRLF blanks', '\r\n\r\n']] as const) {
      it(`reports ${name} as an empty plan`, () => {
        const { plan, problems } = parse(text);
        assert.equal(plan.title, '');
        assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line]), [['empty-plan', 'warning', 1]]);
      });
    }

    it('reports prose with no sessions, streams, phases or tasks as info, keeping the title', () => {
      const { plan, problems } = parse('# Meeting Notes\n\nWe talked about the roadmap.\n\n## Decisions\n- Ship in May\n');
      assert.equal(plan.title, 'Meeting Notes');
      assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line]), [['no-plan-structure', 'info', 1]]);
    });

    it('takes the first heading of any level as the title when there is no level-1 heading', () => {
      const { plan } = parse('intro\n\n## ✅ Notes Only\n');
      assert.equal(plan.title, 'Notes Only');
    });

    it('reads a file without a trailing newline', () => {
      const { plan } = parse('# P\n## Session 1: A\n- [ ] last');
      assert.deepEqual(plan.sessions[0]!.criteria.map((c) => c.text), ['last']);
      assert.equal(plan.sessions[0]!.endLine, 3);
    });
  });

  describe('checkboxes', () => {
    const malformed = ['- [] x', '- [ ]x', '- [  ] x', '* [] x'];
    for (const line of malformed) {
      it(`warns about ${JSON.stringify(line)} and reads no criterion`, () => {
        const { plan, problems } = parse(`# P\n## Session 1: A\n### Success Criteria\n${line}\n`);
        assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line, p.column, p.endColumn]), [['malformed-checkbox', 'warning', 4, 1, line.length + 1]]);
        assert.deepEqual(plan.sessions[0]!.criteria, []);
      });
    }

    it('reads `- [X]`, `* [x]`, `+ [ ]`, `1. [ ]` and `> - [ ]` as criteria with the column of `[`', () => {
      const lines = ['- [X] a', '* [x] b', '+ [ ] c', '1. [ ] d', '> - [ ] e', '    - [x] f'];
      const { plan, problems } = parse(`# P\n## Session 1: A\n${lines.join('\n')}\n`);
      assert.deepEqual(problems, []);
      assert.deepEqual(
        plan.sessions[0]!.criteria.map((c) => [c.text, c.done, c.line, c.column]),
        [['a', true, 3, 3], ['b', true, 4, 3], ['c', false, 5, 3], ['d', false, 6, 4], ['e', false, 7, 5], ['f', true, 8, 7]],
      );
      const all = `# P\n## Session 1: A\n${lines.join('\n')}\n`.split('\n');
      for (const c of plan.sessions[0]!.criteria) assert.equal(all[c.line - 1]![c.column - 1], '[');
    });

    it('does not warn about a link or a plain bracket at the start of an item', () => {
      const { problems } = parse('# P\n## Session 1: A\n- [docs](docs/readme.md)\n- [WIP] spike\n');
      assert.deepEqual(problems, []);
    });
  });

  describe('U+2212 minus in ranges', () => {
    const md = [
      '# Minus',
      '## Session 401: Ranges',
      '**Duration:** 3−4 hours',
      '### CCW Terminal Allocation',
      '- **Terminals 1−3:** Parsers (tasks 1−10)',
      '## Stream A: Things (5 Tasks)',
      '**Terminals 4−5 | Goal: minus**',
      '## Phase 1: Start (Weeks 1−3)',
      '## Phase 2: Next (Week 4)',
      '**Requires Phases 1−1 Complete**',
      '## Phase 3: Last (Days 2−4)',
      'Depends on Phases 1−2.',
      '## Timeline',
      '```',
      'Hour 0−4: Session 401 (Minus)',
      '```',
    ].join('\n');
    const { plan } = parse(md);

    it('reads hours, terminals and task ranges', () => {
      const s = plan.sessions[0]!;
      assert.deepEqual([s.hours?.min, s.hours?.max], [3, 4]);
      assert.deepEqual(s.terminals, [{ from: 1, to: 3, label: 'Parsers', tasks: { from: 1, to: 10 }, line: 5 }]);
      assert.deepEqual(plan.streams[0]!.terminals, { from: 4, to: 5 });
    });

    it('reads phase windows and dependency ranges', () => {
      assert.deepEqual(plan.phases.map((p) => [p.id, p.window, p.dependsOn]), [
        ['1', { unit: 'week', from: 1, to: 3 }, []],
        ['2', { unit: 'week', from: 4, to: 4 }, ['1']],
        ['3', { unit: 'day', from: 2, to: 4 }, ['1', '2']],
      ]);
    });

    it('reads timeline windows', () => {
      assert.deepEqual(plan.timeline.map((t) => [t.window, t.sessions]), [[{ unit: 'hour', from: 0, to: 4 }, ['401']]]);
    });
  });

  describe('hostile input', () => {
    it('reads a long line of markup quickly and without error', () => {
      const started = Date.now();
      const md = `# P\n## Session 1: A\n**Duration:** ${'**a:** | '.repeat(5000)}\n- ${'`'.repeat(20000)}\n| ${'| '.repeat(20000)}\n${'#'.repeat(7)} not a heading\n${'â'.repeat(20000)}\n`;
      const { plan } = parse(md);
      assert.equal(plan.sessions.length, 1);
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    });

    it('never throws on arbitrary control characters and lone surrogates', () => {
      const { plan } = parse('# P\u0000\n## Session 1: \ud800 A\u0007\n- [ ] \udfff\n\u0085\u2028\n');
      assert.equal(plan.sessions.length, 1);
    });
  });
});
