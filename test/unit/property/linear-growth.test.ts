// Property: read time grows about linearly with size on inputs built to trip regex backtracking,
// and on a generated plan of many sessions. Compares the fastest of 5 runs at n and at 16n.
import { readAndCheck, sourceEngine } from '../../../bench/engine';
import { generatePlan } from '../../../bench/generate';
import { readPlan } from '../../../src/core/plan';
import { assertLinearGrowth } from './growth';

const N = 20_000;
/**
 * The YAML library reads odd input at about 0.1 MB/s, so its cases start smaller; 6 KB is still
 * large enough for a per-error scan of the whole text to show as a square.
 */
const N_YAML = 6_000;

/** Repeats `unit` to about `n` characters. */
function fill(unit: string, n: number): string {
  return unit.repeat(Math.max(1, Math.ceil(n / unit.length))).slice(0, n);
}

/** One long line of each unit, bare and behind the prefixes the reader's line patterns look for. */
const UNITS = ['*', '|', '-', ' ', '**a**', '[ ]', '(', '1-', '12-3 ', '~', '`', '#', '| a ', '\t', 'a:', '** '];
const PREFIXES = ['', '## Session 001: ', '**Duration:** ', '- **Terminals 1-', '- [ ] ', '| ', '1. ', '> **Purpose:** '];
const SUFFIXES: Record<string, string> = { ' ': ':', '-': ' hours', '1-': ' hours' };

/** Many short lines: tables, fences, checkboxes and repeated session headings. */
const LINES = [
  '|\n', '| a | b |\n', '|---|---|\n', '```\n', '~~~\n', '- [ ] x\n', '- [\n', '## Session 001: Same id\n', '#\n',
  '**Duration:** 4 hours\n', '- **Terminals 1-3:** x (tasks 1-10)\n', '   \n', '\r\n', '- `a/b.py`\n', '1. x\n',
];

describe('property: read time grows linearly', function () {
  this.timeout(60_000);

  describe('one long line', function () {
    for (const prefix of PREFIXES) {
      for (const unit of UNITS) {
        const suffix = SUFFIXES[unit] ?? '';
        it(`${JSON.stringify(prefix)} + ${JSON.stringify(unit)} × n${suffix ? ` + ${JSON.stringify(suffix)}` : ''}`, function () {
          assertLinearGrowth(unit, (n) => prefix + fill(unit, n) + suffix, (t) => readPlan(t, 'x.md'), N);
        });
      }
    }
  });

  describe('many lines', function () {
    for (const unit of LINES) {
      it(`${JSON.stringify(unit)} repeated`, function () {
        assertLinearGrowth(unit, (n) => fill(unit, n), (t) => readPlan(t, 'x.md'), N);
      });
    }
  });

  // Deep nesting ('- - -', '[[[') is left to deep-nesting.test.ts: it can abort the process.
  describe('YAML reader', function () {
    // Error-heavy inputs (unclosed quotes, unknown aliases, checkbox items, duplicate keys) and two plain shapes.
    for (const unit of ['"', '*a ', '- [ ] x\n', 'a: b\n', 'a: ', '  - id: 1\n']) {
      it(`${JSON.stringify(unit)} repeated`, function () {
        assertLinearGrowth(unit, (n) => fill(unit, n), (t) => readPlan(t, 'x.marathon.yaml'), N_YAML);
      });
    }
  });

  it('generated plan: 50 vs 800 sessions (readPlan + checkPlan when present)', function () {
    assertLinearGrowth('generated plan', (n) => generatePlan(n, 10), (t) => readAndCheck(sourceEngine, t, 'plan.md'), 50);
  });
});
