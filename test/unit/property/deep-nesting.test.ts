// Deeply nested input must not abort the process. Each case reads the input 20 times in a child
// process, since a fatal abort there would otherwise take the whole mocha run down with it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../../../bench/corpus';
import { DEEP_INPUTS } from './deep-inputs';

const CHILD = path.join(__dirname, 'deep-nesting-child.ts');
const DEPTH = 2000;

describe('property: deeply nested input does not abort the process', function () {
  this.timeout(60_000);
  for (const fileName of ['x.marathon.yaml', 'x.md']) {
    for (const kind of Object.keys(DEEP_INPUTS)) {
      it(`${fileName}: ${kind}, ${DEPTH} levels, read 20 times`, function () {
        const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, kind, fileName, String(DEPTH), '20'], {
          cwd: REPO_ROOT,
          encoding: 'utf8',
          timeout: 50_000,
        });
        const fatal = child.stderr.split('\n').find((l) => /FATAL|Error/.test(l)) ?? child.stderr.slice(0, 300);
        assert.ok(
          child.status === 0 && child.signal === null,
          `the reader process died (status ${String(child.status)}, signal ${String(child.signal)}): ${fatal}`,
        );
      });
    }
  }
});
