// Property: any text, read as markdown or as YAML, reads without a throw into a valid plan.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readPlan } from '../../../src/core/plan';
import { markdownish, TEXT_ARBITRARIES } from './arbitraries';
import { assertReadsCleanly } from './invariants';

const RUNS = 300;

describe('property: reading arbitrary text', function () {
  for (const fileName of ['x.md', 'x.marathon.yaml']) {
    describe(fileName, function () {
      for (const [name, arb] of TEXT_ARBITRARIES) {
        it(`${name}: never throws, valid plan, positions >= 1`, function () {
          fc.assert(
            fc.property(arb, (text) => {
              assertReadsCleanly(text, fileName);
            }),
            { numRuns: RUNS },
          );
        });
      }
    });
  }

  it('markdown-ish documents: every criterion column points at its checkbox "["', function () {
    fc.assert(
      fc.property(
        // Only LF / CRLF breaks, so this test and the reader agree on what a line is.
        markdownish.map((t) => t.replace(/\r(?!\n)/g, '\n').replace(/[\u2028\u2029]/g, ' ')),
        (text) => {
          const { plan } = readPlan(text, 'x.md');
          const lines = text.split(/\r?\n/);
          for (const s of plan.sessions) {
            for (const c of s.criteria) {
              const raw = lines[c.line - 1] ?? '';
              // On line 1 a reader may count columns with or without the BOM; both are accepted.
              const ok = raw.charAt(c.column - 1) === '[' || (c.line === 1 && raw.startsWith('\uFEFF') && raw.charAt(c.column) === '[');
              assert.ok(ok, `criterion ${JSON.stringify(c)} does not point at "[" in ${JSON.stringify(raw)}`);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
