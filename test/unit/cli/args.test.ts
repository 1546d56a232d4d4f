import * as assert from 'node:assert/strict';
import { parseCommandLine } from '../../../src/cli/args';
import { UsageError } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { hasStackTrace, runCli } from './helpers';
import { version } from '../../../package.json';

describe('cli: command line', () => {
  it('reads parse and check with their options', () => {
    assert.deepEqual(parseCommandLine(['parse', 'a.md', '--json']), { kind: 'parse', file: 'a.md', json: true });
    assert.deepEqual(parseCommandLine(['check', 'a.md', 'b.yaml', '--format=github', '--root', 'ws']), {
      kind: 'check',
      files: ['a.md', 'b.yaml'],
      format: 'github',
      root: 'ws',
      git: false,
    });
    assert.deepEqual(parseCommandLine(['check', '-f', 'json', 'a.md']), { kind: 'check', files: ['a.md'], format: 'json', git: false });
    assert.deepEqual(parseCommandLine(['check', 'a.md', '--git', '-s', '024', '--base', 'main~3']), {
      kind: 'check',
      files: ['a.md'],
      format: 'text',
      git: true,
      session: '024',
      base: 'main~3',
    });
  });

  it('refuses --session and --base without --git, and empty values', () => {
    assert.throws(() => parseCommandLine(['check', 'a.md', '--session', '024']), /--session works with --git/);
    assert.throws(() => parseCommandLine(['check', 'a.md', '--git', '--base=']), /--base needs a value/);
  });

  it('routes the report and planning commands, and their help', () => {
    assert.equal(parseCommandLine(['plan', 'p.md', '--instances', '1-3']).kind, 'plan');
    assert.equal(parseCommandLine(['handoff', 'p.md', '--session', '1']).kind, 'handoff');
    assert.equal(parseCommandLine(['aar', 'p.md']).kind, 'aar');
    assert.equal(parseCommandLine(['verify', 'd.md', '--repo', '.']).kind, 'verify');
    for (const c of ['plan', 'handoff', 'aar', 'verify']) assert.deepEqual(parseCommandLine([c, '--help']), { kind: 'help', topic: c });
  });

  it('reads help and version in their spellings', () => {
    assert.deepEqual(parseCommandLine(['--help']), { kind: 'help' });
    assert.deepEqual(parseCommandLine(['help', 'check']), { kind: 'help', topic: 'check' });
    assert.deepEqual(parseCommandLine(['parse', '-h']), { kind: 'help', topic: 'parse' });
    assert.deepEqual(parseCommandLine(['--version']), { kind: 'version' });
  });

  for (const [argv, expected] of [
    [[], /missing command/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['--frob'], /unknown option '--frob'/],
    [['parse'], /parse: missing FILE/],
    [['check'], /check: missing FILE/],
    [['parse', 'a.md', 'b.md'], /parse takes one FILE/],
    [['parse', 'a.md', '--yaml'], /parse: unknown option '--yaml'/],
    [['check', 'a.md', '--format', 'xml'], /check: bad --format 'xml'/],
    [['check', 'a.md', '--format'], /check: option '--format' needs a value/],
    [['parse', 'a.md', '--json=yes'], /parse: option '--json' takes no value/],
    [['help', 'frob'], /no help for 'frob'/],
  ] as const) {
    it(`refuses ${JSON.stringify(argv)}`, () => {
      assert.throws(() => parseCommandLine(argv), (err: unknown) => err instanceof UsageError && expected.test(err.message));
    });
  }

  it('prints a usage error as one line plus a hint, exit 2', async () => {
    const r = await runCli(['check', 'x.md', '--format', 'xml']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [
      "marathon: check: bad --format 'xml' (use text, json, github)",
      "Run 'marathon help check' for usage.",
    ]);
    const unknown = await runCli(['lint']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^marathon: unknown command 'lint'\nRun 'marathon --help' for usage\.\n$/);
    assert.ok(!hasStackTrace(unknown.stderr));
  });

  it('turns anything thrown inside into one internal-error line, exit 70', async () => {
    let stderr = '';
    const code = await main(['--version'], {
      stdout: {
        write: () => {
          throw new Error('disk on fire\n    at somewhere (x.js:1:1)');
        },
      },
      stderr: { write: (t: string) => (stderr += t) },
      cwd: process.cwd(),
    });
    assert.equal(code, 70);
    assert.equal(stderr, 'marathon: internal error: disk on fire at somewhere (x.js:1:1)\n');
  });

  it('prints help and the version to stdout, exit 0', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /marathon parse FILE/);
    assert.match(help.stdout, /marathon check FILE/);
    const checkHelp = await runCli(['help', 'check']);
    assert.match(checkHelp.stdout, /--format text\|json\|github/);
    assert.match((await runCli(['parse', '--help'])).stdout, /Usage: marathon parse FILE \[--json\]/);
    const v = await runCli(['--version']);
    assert.equal(v.code, 0);
    assert.equal(v.stdout, `${version}\n`);
  });
});
