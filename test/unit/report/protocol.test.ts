// The message protocol's validation, and where `open` may lead: only to files inside a workspace folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseWebviewMessage } from '../../../src/vscode/report/protocol';
import { isInside, resolveInWorkspace } from '../../../src/vscode/report/resolve';

describe('report protocol', function () {
  it('accepts the four webview messages', function () {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'export', extra: 1 }), { type: 'export' });
    assert.deepEqual(parseWebviewMessage({ type: 'painted', ms: 123.4 }), { type: 'painted', ms: 123.4 });
    assert.deepEqual(parseWebviewMessage({ type: 'open', file: 'a.md', line: 3 }), { type: 'open', file: 'a.md', line: 3 });
    assert.deepEqual(parseWebviewMessage({ type: 'open', file: 'a.md', line: 3, column: 2, x: 1 }), { type: 'open', file: 'a.md', line: 3, column: 2 });
  });

  it('refuses anything else', function () {
    for (const bad of [
      null, 'ready', 42, {}, { type: 'update', body: '' }, { type: 'painted', ms: -1 }, { type: 'painted', ms: NaN },
      { type: 'open', file: '', line: 1 }, { type: 'open', file: 'a', line: 0 }, { type: 'open', file: 'a', line: 1.5 },
      { type: 'open', file: 'a', line: '1' }, { type: 'open', file: 'a', line: 1, column: 0 }, { type: 'open', file: 'a\0b', line: 1 },
      { type: 'open', file: ['a'], line: 1 },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('report: files the webview may open', function () {
  let tmp: string;
  let ws: string;
  let outside: string;
  before(function () {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-report-')));
    ws = path.join(tmp, 'ws');
    outside = path.join(tmp, 'outside');
    fs.mkdirSync(path.join(ws, 'docs'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(ws, 'src', 'a.ts'), '');
    fs.writeFileSync(path.join(ws, 'docs', 'notes.md'), '');
    fs.writeFileSync(path.join(ws, '..hidden'), '');
    fs.writeFileSync(path.join(outside, 'secret.txt'), '');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'link-out'));
    fs.symlinkSync(path.join(ws, 'src', 'a.ts'), path.join(ws, 'link-in'));
  });
  after(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('resolves workspace-relative paths, then paths relative to the report', async function () {
    assert.equal(await resolveInWorkspace('src/a.ts', [ws], ws, path.join(ws, 'docs')), path.join(ws, 'src', 'a.ts'));
    assert.equal(await resolveInWorkspace('notes.md', [ws], ws, path.join(ws, 'docs')), path.join(ws, 'docs', 'notes.md'));
    assert.equal(await resolveInWorkspace('../src/a.ts', [ws], ws, path.join(ws, 'docs')), path.join(ws, 'src', 'a.ts'));
    assert.equal(await resolveInWorkspace(path.join(ws, 'src', 'a.ts'), [ws]), path.join(ws, 'src', 'a.ts'));
    assert.equal(await resolveInWorkspace('..hidden', [ws], ws), path.join(ws, '..hidden'));
    assert.equal(await resolveInWorkspace('link-in', [ws], ws), path.join(ws, 'src', 'a.ts'));
  });

  it('refuses files outside every workspace folder, through .., absolute paths or symlinks', async function () {
    assert.equal(await resolveInWorkspace('../outside/secret.txt', [ws], ws), undefined);
    assert.equal(await resolveInWorkspace(path.join(outside, 'secret.txt'), [ws]), undefined);
    assert.equal(await resolveInWorkspace('link-out', [ws], ws), undefined);
    assert.equal(await resolveInWorkspace('src', [ws], ws), undefined); // a directory
    assert.equal(await resolveInWorkspace('nope.ts', [ws], ws), undefined);
    assert.equal(await resolveInWorkspace('src/a.ts', [], undefined), undefined);
    assert.equal(await resolveInWorkspace('src/a.ts\0', [ws], ws), undefined);
  });

  it('isInside compares whole path segments', function () {
    assert.ok(isInside('/w', '/w/a'));
    assert.ok(isInside('/w', '/w/..a'));
    assert.ok(!isInside('/w', '/w2/a'));
    assert.ok(!isInside('/w', '/a'));
  });
});
