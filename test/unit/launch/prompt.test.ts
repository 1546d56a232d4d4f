import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { buildPrompt, promptFileName, terminalName } from '../../../src/core/launch/prompt';
import { fenceFor, inlineText } from '../../../src/core/launch/markdown';
import type { Task } from '../../../src/core/model';
import { deliverable, plan, session, task, terminal } from '../checks/helpers';

const neverShare = [
  { path: '.env', line: 5 },
  { path: 'docs/data/*.json', line: 6 },
  { path: '.sanitize/', line: 7 },
];

function fixture(over: { title?: string; objectives?: string[] } = {}) {
  const rotation: Task = {
    ...task('4', 120),
    title: over.title ?? 'Add rotation template tools',
    files: ['server.py', 'backend/.env'],
    status: { from: 'Missing', to: 'New' },
    dependsOn: ['2'],
    extra: { 'Route File': 'routes/rotation.py' },
  };
  const tools = { ...terminal(1, 3, 40, [1, 10]), label: 'Core scheduling tools' };
  const s = session('024', {
    title: 'MCP Tool Completion',
    branch: 'claude/session-024-mcp-tools',
    objectives: (over.objectives ?? ['Get all tools operational', 'Test the tool chain end-to-end']).map((text, i) => ({ text, line: 20 + i })),
    criteria: [
      { text: 'All tools return real data', done: false, line: 30, column: 3 },
      { text: 'Integration tests pass', done: true, line: 31, column: 3 },
    ],
    deliverables: [deliverable('mcp-server/server.py', 35), deliverable('docs/data/schedule.json', 36)],
    terminals: [tools],
  });
  const stream = { id: 'A', title: 'Tools', tasks: [task('1', 110), task('2', 111), rotation, task('11', 121)], line: 100, endLine: 130 };
  const p = plan({
    neverShare,
    contextFiles: [
      { path: 'docs/ARCHITECTURE.md', line: 8 },
      { path: '.sanitize/map.csv', line: 9 },
      { path: 'docs/data/people.json', line: 10 },
      { path: 'backend/.env', line: 11 },
    ],
    sessions: [s],
    streams: [stream],
  });
  return { p, s, rotation, tools };
}

describe('launch: prompts', () => {
  it('holds the session, the task, objectives, criteria, deliverables, branch and context', () => {
    const { p, s, rotation, tools } = fixture();
    const { markdown } = buildPrompt({ plan: p, planPath: 'docs/PLAN.md', session: s, task: rotation, terminal: tools, contextFiles: ['docs/extra.md', './docs/ARCHITECTURE.md'] });
    assert.match(markdown, /^# Session 024: MCP Tool Completion\n\n## Task 4: Add rotation template tools\n/);
    for (const part of [
      '- **Plan:** `docs/PLAN.md`',
      '- **Branch:** `claude/session-024-mcp-tools`',
      '- **Terminal allocation:** Terminals 1-3: Core scheduling tools (tasks 1-10)',
      '```text\nTask 4: Add rotation template tools\nStatus: Missing → New\nDepends on: 2\nRoute File: routes/rotation.py\n```',
      '## Files\n\n- `server.py`\n',
      '1. Get all tools operational\n2. Test the tool chain end-to-end',
      '- [ ] All tools return real data\n- [x] Integration tests pass',
      '- `mcp-server/server.py`',
      '- `docs/ARCHITECTURE.md`\n- `docs/extra.md`\n',
    ]) {
      assert.ok(markdown.includes(part), `missing ${JSON.stringify(part)}\n${markdown}`);
    }
    assert.equal(markdown.split('docs/ARCHITECTURE.md').length, 2, 'context files are listed once');
  });

  it('leaves out never-share paths without naming them', () => {
    const { p, s, rotation } = fixture({ objectives: ['Never copy .sanitize/map.csv or docs/data/people.json into prompts.'] });
    const { markdown, omitted } = buildPrompt({ plan: p, planPath: 'docs/PLAN.md', session: s, task: rotation, contextFiles: ['/home/me/ws/.sanitize/names.csv'] });
    assert.deepEqual(
      [...omitted].sort(),
      ['.sanitize/map.csv', '/home/me/ws/.sanitize/names.csv', 'backend/.env', 'docs/data/people.json', 'docs/data/schedule.json'].sort(),
    );
    for (const secret of ['.sanitize', 'map.csv', 'names.csv', '.env', 'docs/data', 'people.json', 'schedule.json']) {
      assert.ok(!markdown.includes(secret), `${secret} appears in\n${markdown}`);
    }
    assert.match(markdown, /1\. Never copy \[omitted\] or \[omitted\] into prompts\./);
    assert.match(markdown, /## Private files\n\nThe plan marks some files as never to be shared/);
  });

  it('has no private-files note when nothing was left out', () => {
    const { s, rotation } = fixture();
    const { markdown, omitted } = buildPrompt({ plan: plan({ sessions: [s] }), planPath: 'PLAN.md', session: s, task: rotation });
    assert.deepEqual(omitted, []);
    assert.ok(!markdown.includes('## Private files'));
    assert.ok(!markdown.includes('## Context files'));
  });

  it('keeps plan text as markdown text: no HTML, no control characters, fences that hold', () => {
    const { p, s, rotation } = fixture({
      title: 'Fix ```` fence \u001b[2J and `x`',
      objectives: ['<script>alert(1)</script> & <img src=x onerror=alert(1)>', 'keep `<b>` in code', 'a\\<b>'],
    });
    const { markdown } = buildPrompt({ plan: p, planPath: 'docs/PLAN.md', session: s, task: rotation });
    assert.ok(!/\p{Cc}/u.test(markdown.replace(/\n/g, '')), 'no control characters');
    assert.ok(markdown.includes('`````text\nTask 4: Fix ```` fence [2J and `x`'), markdown);
    const html = new MarkdownIt({ html: true }).render(markdown);
    assert.ok(!/<(script|img|b)\b/i.test(html), html);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), html);
    assert.ok(html.includes('<code>&lt;b&gt;</code>'), html);
    const fence = /<pre><code class="language-text">([\s\S]*?)<\/code><\/pre>/.exec(html);
    assert.ok(fence?.[1]?.includes('Route File: routes/rotation.py'), 'the fence closes after the task, not inside the title');
  });

  it('builds a terminal-slot prompt with the tasks of its range', () => {
    const { p, s, tools } = fixture();
    const { markdown } = buildPrompt({ plan: p, planPath: 'docs/PLAN.md', session: s, terminal: tools, slot: 2 });
    assert.match(markdown, /^# Session 024: MCP Tool Completion\n\n## Terminals 1-3: Core scheduling tools \(tasks 1-10\) — you are terminal 2\n/);
    assert.ok(markdown.includes('```text\nTask 1: Task 1\nTask 2: Task 2\nTask 4: Add rotation template tools (server.py)\n```'), markdown);
    assert.ok(!markdown.includes('Task 11'));
  });

  it('escapes inline text and sizes fences', () => {
    assert.equal(inlineText('a <b> `<c>` \\< d\ne'), 'a \\<b> `<c>` \\\\\\< d e');
    assert.equal(inlineText('C:\\dir\\file'), 'C:\\dir\\file');
    assert.equal(fenceFor('no ticks'), '```');
    assert.equal(fenceFor('has ``` three'), '````');
    assert.equal(fenceFor('`````'), '``````');
  });

  it('re-exports the names', () => {
    assert.equal(promptFileName('024', 'T3'), '024-T3.md');
    assert.equal(terminalName('024', 'T3', 'Add rotation template tools'), '024 · T3 · Add rotation template tools');
  });
});
