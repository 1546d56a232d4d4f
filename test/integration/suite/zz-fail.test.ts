import * as assert from 'node:assert/strict';
describe('deliberate failure', () => {
  it('fails', () => { assert.equal(1, 2); });
});
