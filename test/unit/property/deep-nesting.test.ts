// Deeply nested input must neither abort the process nor take long. The reads happen in a child
// process, since a fatal abort would otherwise take the whole mocha run down with it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../../../bench/corpus';
import { DEEP_INPUTS } from './deep-inputs';

const CHILD = path.join(__dirname, 'deep-nesting-child.ts');
const DEPTH = 1500;
const REPEAT = 10;
/** A few KB of nesting has no business taking longer than this per read. */
const MAX_MS_PER_READ = 500;
const TIMEOUT_MS = 20_000;

describe('property: deeply nested input', function () {
  this.timeout(TIMEOUT_MS + 10_000);
  for (const fileName of ['x.marathon.yaml', 'x.md']) {
    it(`${fileName}: ${DEPTH} levels, each input read ${REPEAT} times, no abort and < ${MAX_MS_PER_READ} ms a read`, function () {
      const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, fileName, String(DEPTH), String(REPEAT)], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: TIMEOUT_MS,
      });
      const done = new Map<string, number>();
      let last = '';
      for (const line of child.stdout.split('\n')) {
        const started = /^start (.*)$/.exec(line);
        if (started) last = started[1] ?? '';
        const finished = /^done (.*) ([\d.]+)$/.exec(line);
        if (finished) done.set(finished[1] ?? '', Number(finished[2]));
      }
      const missing = Object.keys(DEEP_INPUTS).filter((k) => !done.has(k));
      if (missing.length > 0) {
        const why = child.signal === 'SIGTERM' ? `no answer within ${TIMEOUT_MS / 1000} s` : `status ${String(child.status)}, signal ${String(child.signal)}`;
        const fatal = child.stderr.split('\n').find((l) => /FATAL|Error/.test(l)) ?? '';
        assert.fail(`the reader process died (${why}) on ${last} ${fatal}; not finished: ${missing.join('; ')}`);
      }
      const slow = [...done].filter(([, ms]) => ms > MAX_MS_PER_READ).map(([k, ms]) => `${k}: ${ms} ms`);
      assert.deepEqual(slow, [], `slow reads of deeply nested ${fileName}`);
    });
  }
});
