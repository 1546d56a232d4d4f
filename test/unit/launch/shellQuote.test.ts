import assert from 'node:assert/strict';
import fc from 'fast-check';
import { quote, sanitizeForTerminal, shellKindOf, type ShellKind } from '../../../src/core/launch/shellQuote';
import { HOSTILE, hasShell, runShell, tempDir, typeInto } from './shell';

describe('launch: shell quoting', () => {
  it('knows the shell kind from its path and the platform', () => {
    const cases: [string | undefined, NodeJS.Platform, ShellKind][] = [
      ['/bin/bash', 'linux', 'posix'],
      ['/usr/bin/zsh', 'darwin', 'posix'],
      ['/bin/sh', 'linux', 'posix'],
      ['dash', 'linux', 'posix'],
      ['/bin/ksh', 'linux', 'posix'],
      ['bash5', 'linux', 'posix'],
      ['C:\\Program Files\\Git\\bin\\bash.exe', 'win32', 'posix'],
      ['/usr/local/bin/fish', 'darwin', 'fish'],
      ['pwsh', 'linux', 'pwsh'],
      ['C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'win32', 'pwsh'],
      ['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'win32', 'pwsh'],
      ['C:\\Windows\\System32\\cmd.exe', 'win32', 'cmd'],
      ['CMD.EXE', 'win32', 'cmd'],
      [undefined, 'linux', 'posix'],
      [undefined, 'win32', 'pwsh'],
      ['', 'darwin', 'posix'],
      ['/opt/nu', 'linux', 'posix'],
      ['nu.exe', 'win32', 'pwsh'],
    ];
    for (const [path, platform, kind] of cases) assert.equal(shellKindOf(path, platform), kind, `${path} on ${platform}`);
  });

  it('replaces control characters with spaces and lone surrogates with U+FFFD', () => {
    assert.equal(sanitizeForTerminal('a\nb\r\nc\td\u001be\u0000f\u007fg\u0085h'), 'a b  c d e f g h');
    assert.equal(sanitizeForTerminal('🚀 ok \ud800 \udc00'), '🚀 ok \uFFFD \uFFFD');
    assert.equal(sanitizeForTerminal('plain ünïcödé'), 'plain ünïcödé');
  });

  it('quotes each kind as a table', () => {
    const table: [string, Record<ShellKind, string>][] = [
      ['plain', { posix: "'plain'", fish: "'plain'", pwsh: "'plain'", cmd: '^"plain^"' }],
      ['', { posix: "''", fish: "''", pwsh: "''", cmd: '^"^"' }],
      ["it's", { posix: "'it'\\''s'", fish: "'it\\'s'", pwsh: "'it''s'", cmd: '^"it\'s^"' }],
      ['a\\b', { posix: "'a\\b'", fish: "'a\\\\b'", pwsh: "'a\\b'", cmd: '^"a\\b^"' }],
      ['$(x) `y` $z', { posix: "'$(x) `y` $z'", fish: "'$(x) `y` $z'", pwsh: "'$(x) `y` $z'", cmd: '^"$^(x^) `y` $z^"' }],
      ['a\nb', { posix: "'a b'", fish: "'a b'", pwsh: "'a b'", cmd: '^"a b^"' }],
      ['‘x’', { posix: "'‘x’'", fish: "'‘x’'", pwsh: "'‘‘x’’'", cmd: '^"‘x’^"' }],
      ['say "hi"', { posix: '\'say "hi"\'', fish: '\'say "hi"\'', pwsh: '\'say "hi"\'', cmd: '^"say \\^"hi\\^"^"' }],
      ['%PATH% & !X! | <a> ^', { posix: "'%PATH% & !X! | <a> ^'", fish: "'%PATH% & !X! | <a> ^'", pwsh: "'%PATH% & !X! | <a> ^'", cmd: '^"^%PATH^% ^& ^!X^! ^| ^<a^> ^^^"' }],
      ['C:\\dir\\', { posix: "'C:\\dir\\'", fish: "'C:\\\\dir\\\\'", pwsh: "'C:\\dir\\'", cmd: '^"C:\\dir\\\\^"' }],
      ['a\\"b', { posix: '\'a\\"b\'', fish: '\'a\\\\"b\'', pwsh: '\'a\\"b\'', cmd: '^"a\\\\\\^"b^"' }],
    ];
    for (const [value, byKind] of table) {
      for (const kind of Object.keys(byKind) as ShellKind[]) assert.equal(quote(value, kind), byKind[kind], `${JSON.stringify(value)} for ${kind}`);
    }
  });

  it('never puts a control character into a quoted value', () => {
    for (const kind of ['posix', 'fish', 'pwsh', 'cmd'] as const) {
      for (const v of HOSTILE) assert.ok(!/[\p{Cc}]/u.test(quote(v, kind)), `${JSON.stringify(v)} for ${kind}`);
    }
  });

  const interactive: Record<string, string[]> = { bash: ['--norc', '--noprofile', '-i'], dash: ['-i'], zsh: ['-f', '-i'] };
  for (const shell of ['bash', 'dash', 'zsh']) {
    describe(`real ${shell}`, function () {
      before(function () {
        if (!hasShell(shell)) this.skip();
      });

      it('prints each hostile value literally and runs nothing', () => {
        const t = tempDir();
        try {
          for (const v of HOSTILE) {
            const out = runShell(shell, ['-c', `printf '%s' ${quote(v, 'posix')}`], t.dir);
            assert.equal(out, sanitizeForTerminal(v), JSON.stringify(v));
            assert.ok(!t.pwned(), `${JSON.stringify(v)} created a file`);
          }
        } finally {
          t.done();
        }
      });

      it('keeps each value one argument', () => {
        const t = tempDir();
        try {
          for (const v of HOSTILE) {
            const out = runShell(shell, ['-c', `set -- ${quote(v, 'posix')} ${quote(v, 'posix')}; printf '%s|' "$#" "$1"`], t.dir);
            assert.equal(out, `2|${sanitizeForTerminal(v)}|`, JSON.stringify(v));
          }
          assert.ok(!t.pwned());
        } finally {
          t.done();
        }
      });

      it('stays one line when typed into an interactive shell', () => {
        const t = tempDir();
        try {
          const typed = HOSTILE.map((v) => `printf '<%s>' ${quote(v, 'posix')}\n`).join('');
          const out = typeInto(shell, interactive[shell] ?? [], `${typed}exit\n`, t.dir);
          assert.equal(out, HOSTILE.map((v) => `<${sanitizeForTerminal(v)}>`).join(''));
          assert.ok(!t.pwned());
        } finally {
          t.done();
        }
      });
    });
  }

  describe('property: bash prints quote(s) as sanitizeForTerminal(s)', function () {
    before(function () {
      if (!hasShell('bash')) this.skip();
    });
    const hostileChar = fc.constantFrom("'", '"', '\\', '$', '`', '(', ')', ';', '&', '|', '<', '>', '\n', '\r', '!', '*', '~', '#', '{', '}', ' ');
    const values = fc.oneof(
      fc.string({ unit: hostileChar, maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
    );

    it('for arbitrary strings', () => {
      const t = tempDir();
      try {
        fc.assert(
          fc.property(values, (s) => {
            assert.equal(runShell('bash', ['-c', `printf '%s' ${quote(s, 'posix')}`], t.dir), sanitizeForTerminal(s));
            assert.ok(!t.pwned());
          }),
          { numRuns: 50 },
        );
      } finally {
        t.done();
      }
    });
  });

  describe('real fish and pwsh (when installed)', () => {
    it('fish prints each hostile value literally', function () {
      if (!hasShell('fish')) this.skip();
      const t = tempDir();
      try {
        for (const v of HOSTILE) {
          assert.equal(runShell('fish', ['--no-config', '-c', `printf '%s' ${quote(v, 'fish')}`], t.dir), sanitizeForTerminal(v), JSON.stringify(v));
        }
        assert.ok(!t.pwned());
      } finally {
        t.done();
      }
    });

    it('pwsh prints each hostile value literally', function () {
      if (!hasShell('pwsh')) this.skip();
      const t = tempDir();
      try {
        for (const v of HOSTILE) {
          const out = runShell('pwsh', ['-NoProfile', '-NonInteractive', '-Command', `[Console]::Out.Write(${quote(v, 'pwsh')})`], t.dir);
          assert.equal(out, sanitizeForTerminal(v), JSON.stringify(v));
        }
        assert.ok(!t.pwned());
      } finally {
        t.done();
      }
    });
  });
});
