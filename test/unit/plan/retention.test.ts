// After a plan is read and dropped, nothing the reader keeps between reads may hold on to its
// text. The reader remembers what repeated lines mean (table headers, section headings, field
// labels, durations, agents, status cells) in bounded memos.
// V8 makes a slice of 13 or more characters a view into the whole text, so a remembered slice
// would keep a closed plan of any size alive for as long as the extension host runs.
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { checkPlan } from '../../../src/core/checks';
import { readPlan } from '../../../src/core/plan';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** The heap in use after full collections. */
function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A plan whose every remembered line names `tag`, padded with prose to about `chars` characters. */
function planText(tag: string, chars: number): string {
  const head = [
    `# Retention ${tag}`,
    '',
    '**Never share:** .env, secrets/' + tag + '/*.json',
    '',
    `## Session 001: Work ${tag}`,
    '',
    `**Duration:** about 4 hours for ${tag}`,
    `**Agents:** 2 (ARCHITECT_${tag}, QA_TESTER_${tag})`,
    `**Owner ${tag}:** someone`,
    '',
    `### Objectives of ${tag}`,
    '1. One objective',
    '',
    '### Deliverables',
    `- \`src/${tag}/*.test.ts\``,
    '',
    `| # | Task | File | Status → Target | Notes ${tag} |`,
    '|---|---|---|---|---|',
    `| 1 | First | \`src/${tag}/a.ts\` | Partial ${tag} → Full | n |`,
    '',
  ].join('\n');
  const line = `Prose that only pads the plan for ${tag}, so a plan kept alive by mistake shows in the heap.\n`;
  return head + '\n' + line.repeat(Math.ceil(chars / line.length));
}

describe('reading keeps nothing of a plan after it is dropped', function () {
  this.timeout(60_000);

  it('the text of a read, checked and dropped 8 MB plan is freed', () => {
    // Warm up: the first read fills the memos with other texts.
    checkPlan(readPlan(planText('warm-up-xxxxxxxxxxxxxxxx', 10_000), 'warm.md').plan, {});
    const before = heapUsed();
    (() => {
      // Random tags: every remembered line is new, so every memo stores a key from this text.
      const tag = `t${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
      const text = planText(tag, 8_000_000);
      const { plan } = readPlan(text, 'retained.md');
      checkPlan(plan, {});
      // The plan was read as written: the memos were used.
      assert.equal(plan.sessions[0]?.tasks[0]?.status?.from, `Partial ${tag}`);
      assert.equal(plan.sessions[0]?.agents[0]?.role, `ARCHITECT_${tag}`);
      assert.equal(plan.sessions[0]?.hours?.text, `about 4 hours for ${tag}`);
    })();
    const retainedMb = (heapUsed() - before) / 1e6;
    // The text alone is 8 MB; what may stay is a few small memo entries.
    assert.ok(retainedMb < 1, `${retainedMb.toFixed(2)} MB stayed alive after the plan was dropped`);
  });
});
