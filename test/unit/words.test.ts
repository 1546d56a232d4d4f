import * as assert from 'node:assert/strict';
import { num, plural } from '../../src/core/words';

describe('words: numbers and counted nouns', () => {
  it('says one thing in the singular, and none or several in the plural', () => {
    assert.equal(plural(1, 'file'), '1 file');
    assert.equal(plural(0, 'file'), '0 files');
    assert.equal(plural(2, 'timed session'), '2 timed sessions');
  });

  it('takes an irregular plural', () => {
    assert.equal(plural(1, 'criterion', 'criteria'), '1 criterion');
    assert.equal(plural(3, 'criterion', 'criteria'), '3 criteria');
  });

  it('separates thousands', () => {
    assert.equal(num(1234567), '1,234,567');
    assert.equal(plural(10000, 'task'), '10,000 tasks');
  });
});
