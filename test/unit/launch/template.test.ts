import assert from 'node:assert/strict';
import { DEFAULT_AGENT_COMMAND, defaultAgentCommand, expandCommand, TEMPLATE_VARIABLES } from '../../../src/core/launch/template';
import { sanitizeForTerminal } from '../../../src/core/launch/shellQuote';
import { HOSTILE, hasShell, runShell, tempDir } from './shell';

const vars = { taskId: 'T3', sessionId: '024', branch: 'claude/session-024', title: 'Add tools', promptFile: '/tmp/p/024-T3.md' };

describe('launch: command templates', () => {
  it('substitutes known variables with quoted values', () => {
    const r = expandCommand('agent --task ${taskId} --title ${title} < ${promptFile}', vars, 'posix');
    assert.equal(r.command, "agent --task 'T3' --title 'Add tools' < '/tmp/p/024-T3.md'");
    assert.deepEqual(r.problems, []);
    assert.equal(expandCommand('x ${title}', vars, 'pwsh').command, "x 'Add tools'");
    assert.equal(expandCommand('x ${title}', vars, 'cmd').command, 'x ^"Add tools^"');
  });

  it('leaves unknown variables as written and reports each once', () => {
    const r = expandCommand('run ${model} ${model} ${constructor} ${} ${title}', vars, 'posix');
    assert.equal(r.command, "run ${model} ${model} ${constructor} ${} 'Add tools'");
    assert.equal(r.problems.length, 3);
    assert.match(r.problems[0] ?? '', /Unknown variable `\$\{model\}`.*\$\{taskId\}/);
    assert.match(r.problems[1] ?? '', /\$\{constructor\}/);
  });

  it('does not expand text inside a value again', () => {
    const r = expandCommand('echo ${title}', { title: '${promptFile} $(id)', promptFile: 'p' }, 'posix');
    assert.equal(r.command, "echo '${promptFile} $(id)'");
    assert.deepEqual(r.problems, []);
  });

  it('keeps the command on one line', () => {
    const r = expandCommand('echo a\necho ${title}', { title: 'x\ny' }, 'posix');
    assert.equal(r.command, "echo a echo 'x y'");
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0] ?? '', /line break/);
  });

  it('has a safe default for each shell', () => {
    assert.equal(DEFAULT_AGENT_COMMAND, 'cat ${promptFile}');
    assert.equal(defaultAgentCommand('posix'), 'cat ${promptFile}');
    assert.equal(defaultAgentCommand('fish'), 'cat ${promptFile}');
    assert.match(defaultAgentCommand('pwsh'), /^Get-Content -Raw .*\$\{promptFile\}$/);
    assert.equal(defaultAgentCommand('cmd'), 'type ${promptFile}');
    assert.ok(TEMPLATE_VARIABLES.includes('promptFile'));
  });

  it('runs hostile titles as literal text in bash', function () {
    if (!hasShell('bash')) this.skip();
    const t = tempDir();
    try {
      for (const title of HOSTILE) {
        const { command, problems } = expandCommand("printf '%s|%s' ${title} ${taskId}", { ...vars, title }, 'posix');
        assert.deepEqual(problems, []);
        assert.equal(runShell('bash', ['-c', command], t.dir), `${sanitizeForTerminal(title)}|T3`, JSON.stringify(title));
      }
      assert.ok(!t.pwned());
    } finally {
      t.done();
    }
  });
});
