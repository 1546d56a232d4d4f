import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadShippedEngine } from '../../../bench/engine';
import { generatePlan } from '../../../bench/generate';
import { readPlan } from '../../../src/core/plan';
import { checkPlan } from '../../../src/core/checks';

// The bench times the reader and the checks bundled as shipped: that bundle must be the same
// engine as the source, giving the same model and the same problems.
describe('bench: the shipped engine it times', () => {
  const engine = loadShippedEngine();

  it('is written to bench/out and exports the reader, the checks and each check', () => {
    assert.ok(fs.existsSync(engine.bundle));
    assert.equal(path.basename(path.dirname(engine.bundle)), 'out');
    assert.equal(typeof engine.readPlan, 'function');
    assert.equal(typeof engine.checkPlan, 'function');
    assert.ok(Object.keys(engine.CHECKS).length >= 5);
  });

  it('reads and checks as the source does', () => {
    const fixtures = path.resolve(__dirname, '..', '..', 'fixtures');
    const texts: [string, string][] = [['generated.md', generatePlan(20, 4)]];
    for (const dir of ['markdown', 'yaml']) {
      for (const f of fs.readdirSync(path.join(fixtures, dir))) {
        if (/\.(md|txt|ya?ml)$/.test(f)) texts.push([f, fs.readFileSync(path.join(fixtures, dir, f), 'utf8')]);
      }
    }
    assert.ok(texts.length > 5);
    for (const [name, text] of texts) {
      const shipped = engine.readPlan(text, name);
      const source = readPlan(text, name);
      assert.deepEqual(JSON.parse(JSON.stringify(shipped)), JSON.parse(JSON.stringify(source)), name);
      assert.deepEqual(JSON.parse(JSON.stringify(engine.checkPlan(shipped.plan, {}))), JSON.parse(JSON.stringify(checkPlan(source.plan, {}))), name);
    }
  });
});
