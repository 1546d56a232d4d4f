import assert from 'node:assert/strict';
import { promptFileName, taskKey, terminalName, truncate } from '../../../src/core/launch/names';

describe('launch: names', () => {
  it('gives task keys', () => {
    assert.equal(taskKey('3'), 'T3');
    assert.equal(taskKey('#12'), 'T12');
    assert.equal(taskKey('Task 7'), 'T7');
    assert.equal(taskKey('T3'), 'T3');
    assert.equal(taskKey('DEBT-001'), 'DEBT-001');
  });

  it('makes safe prompt file names', () => {
    assert.equal(promptFileName('024', 'T3'), '024-T3.md');
    assert.equal(promptFileName('024', '3'), '024-T3.md');
    assert.equal(promptFileName('052B', 'DEBT-001'), '052B-DEBT-001.md');
    assert.equal(promptFileName('2026-01-11', 'slot 2'), '2026-01-11-slot_2.md');
    assert.equal(promptFileName('', ''), 'x-x.md');
    for (const [s, k] of [['../../etc', '../passwd'], ['..', '..'], ['a/../b', 'c\\..\\d'], ['.hidden', '-rf'], ['x'.repeat(500), 'é'.repeat(99)], ['a\nb', '\u0000']]) {
      const name = promptFileName(s ?? '', k ?? '');
      assert.match(name, /^[A-Za-z0-9._-]+\.md$/, name);
      assert.ok(!name.includes('..') && !name.startsWith('.') && !name.startsWith('-'), name);
      assert.ok(name.length <= 84, name);
    }
  });

  it('names terminals', () => {
    assert.equal(terminalName('024', '3', 'Add rotation template tools'), '024 · T3 · Add rotation template tools');
    assert.equal(terminalName('024', 'T3', 'a\nb\u001b[31m\tc\u202Ed'), '024 · T3 · a b [31m cd');
    assert.equal(terminalName('024', '', 'Terminals 1-3'), '024 · Terminals 1-3');
    const long = terminalName('024', '3', 'word '.repeat(40));
    assert.ok(Array.from(long).length <= 60 && long.endsWith('…'), long);
    assert.equal(truncate('🚀'.repeat(10), 5), '🚀🚀🚀🚀…');
  });
});
