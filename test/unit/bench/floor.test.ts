import * as assert from 'node:assert/strict';
import { floorMatches, floorRead } from '../../../bench/floor';
import { generatePlan } from '../../../bench/generate';
import { readPlan } from '../../../src/core/plan';

// The bench's floor is only a floor if it does the same work: it must build, field for field, the
// model Marathon's reader builds from the generated plan.
describe('bench: the floor reader', () => {
  for (const [sessions, tasks] of [[1000, 10], [3, 1], [2, 2], [4, 0], [1, 25]] as const) {
    it(`builds the model readPlan builds from a generated ${sessions}-session plan with ${tasks} task(s) each`, () => {
      const text = generatePlan(sessions, tasks);
      const marathon = readPlan(text, 'generated.md').plan;
      assert.deepStrictEqual(floorRead(text), marathon);
      assert.equal(floorMatches(text, marathon), true);
    });
  }

  it('reads only the generated shape: a changed status cell is no longer the same model, and the bench then times no floor', () => {
    const text = generatePlan(20, 10).replace('Partial → Full', 'Done');
    const marathon = readPlan(text, 'generated.md').plan;
    assert.equal(marathon.sessions[0]!.tasks[0]!.status?.from, 'Done');
    assert.equal(floorMatches(text, marathon), false);
  });
});
