import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodePlanBytes, formatSize, MAX_PLAN_BYTES } from '../../../src/cli/load';
import { hasStackTrace, makeTempDir, runCli } from './helpers';

describe('cli: bad inputs', () => {
  let dir = '';
  let cleanup = () => {};
  const p = (name: string) => path.join(dir, name);

  before(() => {
    ({ dir, cleanup } = makeTempDir());
    fs.writeFileSync(p('binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    fs.writeFileSync(p('noise.md'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256).filter((b) => b !== 0)));
    fs.writeFileSync(p('utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Plan\n', 'utf16le')]));
    fs.writeFileSync(p('empty.md'), '');
    fs.writeFileSync(p('bom.md'), '\ufeff# Plan with a BOM\n');
    fs.writeFileSync(p('latin1.md'), Buffer.from('# Caf\xe9 plan\n\nSome text about the caf\xe9.\n', 'latin1'));
    fs.mkdirSync(p('folder.md'));
    // Sparse: 50 MB of nothing on disk, created instantly, never read by the CLI.
    fs.writeFileSync(p('huge.md'), '');
    fs.truncateSync(p('huge.md'), 50 * 1024 * 1024);
  });
  after(() => cleanup());

  const cases: { name: string; file: string; code: string; message: RegExp }[] = [
    { name: 'a missing path', file: 'missing.md', code: 'file-unreadable', message: /no such file/ },
    { name: 'a directory', file: 'folder.md', code: 'file-unreadable', message: /is a directory/ },
    { name: 'a binary file (NUL bytes)', file: 'binary.md', code: 'file-binary', message: /binary/ },
    { name: 'a binary file (not UTF-8)', file: 'noise.md', code: 'file-binary', message: /binary/ },
    { name: 'a UTF-16 file', file: 'utf16.md', code: 'file-binary', message: /UTF-16/ },
    { name: 'a 50 MB file', file: 'huge.md', code: 'file-too-large', message: /50 MB, over the 10 MB limit/ },
  ];

  for (const c of cases) {
    it(`check reports ${c.name} as ${c.code} on line 1, exit 1`, async () => {
      const r = await runCli(['check', c.file, '--format', 'json'], dir);
      assert.equal(r.code, 1);
      assert.equal(r.stderr, '');
      const rows = JSON.parse(r.stdout) as { file: string; line: number; severity: string; code: string; message: string }[];
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.file, c.file);
      assert.equal(rows[0]?.line, 1);
      assert.equal(rows[0]?.severity, 'error');
      assert.equal(rows[0]?.code, c.code);
      assert.match(rows[0]?.message ?? '', c.message);
    });

    it(`parse prints one line for ${c.name}, exit 1`, async () => {
      const r = await runCli(['parse', c.file], dir);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.split('\n').length, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`^marathon: ${c.file.replace('.', '\\.')}: `));
      assert.match(r.stderr, c.message);
      assert.ok(!hasStackTrace(r.stderr));
    });
  }

  it('check keeps going past an unreadable file and reports the others', async () => {
    const r = await runCli(['check', 'missing.md', 'bom.md'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^missing\.md:1:1 error file-unreadable no such file$/m);
    assert.match(r.stdout, /^2 files checked: /m);
  });

  it('an empty file is a warning, exit 0', async () => {
    const check = await runCli(['check', 'empty.md'], dir);
    assert.equal(check.code, 0, check.stdout);
    assert.match(check.stdout, /^empty\.md:1:1 warning empty-plan /m);
    const parse = await runCli(['parse', 'empty.md', '--json'], dir);
    assert.equal(parse.code, 0);
    const plan = JSON.parse(parse.stdout) as { problems: { code: string }[] };
    assert.ok(plan.problems.some((x) => x.code === 'empty-plan'));
  });

  it('reads through a BOM and warns about bytes that are not UTF-8', async () => {
    const bom = await runCli(['parse', 'bom.md', '--json'], dir);
    assert.equal(bom.code, 0);
    assert.ok(!bom.stdout.includes('\ufeff'));
    const latin = await runCli(['check', 'latin1.md'], dir);
    assert.match(latin.stdout, /^latin1\.md:1:1 warning file-encoding 2 byte sequences are not valid UTF-8/m);
  });
});

describe('cli: decodePlanBytes', () => {
  it('strips a BOM and keeps plain text as is', () => {
    const r = decodePlanBytes(Buffer.from('\ufeff# T\n'));
    assert.deepEqual(r, { ok: true, text: '# T\n', warnings: [] });
  });

  it('does not count a U+FFFD written on purpose as an encoding error', () => {
    const r = decodePlanBytes(Buffer.from('# T \ufffd\n'));
    assert.ok(r.ok && r.warnings.length === 0);
  });

  it('names sizes the way people read them', () => {
    assert.equal(formatSize(MAX_PLAN_BYTES), '10 MB');
    assert.equal(formatSize(1536), '1.5 KB');
    assert.equal(formatSize(1), '1 byte');
  });
});
