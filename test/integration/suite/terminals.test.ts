// Task terminals in a real extension host (workspace trusted): Launch Task writes the prompt and
// opens a named terminal in the plan's folder, hostile plan text reaches the shell as one quoted
// argument and runs nothing, Launch Session Terminals opens one terminal per slot, and closing a
// terminal is recorded in the run log and shown in the tree.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';
import { analyzePlan } from '../../../src/core/analyze';
import { sanitizeForTerminal } from '../../../src/core/launch';
import type { RunEvent } from '../../../src/core/model';
import type { MarathonApi } from '../../../src/extension';
import type { Node } from '../../../src/vscode/sessionsTree';
import { EXTENSION_ID, screenshot, waitFor, waitForEvent } from './helpers';

type SlotNode = Extract<Node, { kind: 'slot' }>;
type TaskNode = Extract<Node, { kind: 'task' }>;

const HOSTILE = 'x $(touch PWNED1) `touch PWNED2` "; touch PWNED3; echo " | touch PWNED4';
const NEWLINE = "y'; touch PWNED5\ntouch PWNED6 #\r\n$(touch PWNED7)\t&& touch PWNED8 \\";
const SECRET = 'Rotate secrets/api.key and .env now';
const HOSTILE_PLAN = `# A plan whose task titles try to run commands when typed into a shell.
title: Hostile plan
neverShare: [".env", "secrets/"]
sessions:
  - id: "900"
    title: Hostile titles
    branch: ${JSON.stringify('marathon/$(touch PWNED9)')}
    objectives:
      - Survive hostile task titles
    terminals:
      - "1-2: Hostile terminals (tasks 1-3)"
    criteria:
      - "[ ] Nothing is pwned"
    tasks:
      - id: "1"
        title: ${JSON.stringify(HOSTILE)}
      - id: "2"
        title: ${JSON.stringify(NEWLINE)}
      - id: "3"
        title: ${JSON.stringify(SECRET)}
`;

/** Every file under dir (not .git) whose name starts with PWNED. */
function pwned(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const full = path.join(d, e.name);
      if (e.name.startsWith('PWNED')) found.push(full);
      if (e.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return found;
}

describe('task terminals', () => {
  let a: MarathonApi;
  let folder: vscode.WorkspaceFolder;
  const opened: vscode.Terminal[] = [];
  let track: vscode.Disposable | undefined;

  before(async () => {
    const ext = vscode.extensions.getExtension<MarathonApi>(EXTENSION_ID);
    assert.ok(ext);
    a = await ext.activate();
    await waitFor(() => a.plans.plans.some((p) => p.relPath === 'DEMO.marathon.md'), { what: 'the demo plan' });
    folder = vscode.workspace.workspaceFolders![0]!;
    assert.equal(vscode.workspace.isTrusted, true);
    track = vscode.window.onDidOpenTerminal((t) => opened.push(t));
    // Earlier suites edit and revert DEMO.marathon.md: wait until the store holds its current text.
    const demo = a.plans.plans.find((p) => p.relPath === 'DEMO.marathon.md')!.uri;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === demo.toString());
    const text = doc ? doc.getText() : fs.readFileSync(demo.fsPath, 'utf8');
    const want = analyzePlan(text, demo.path).plan.sessions.map((s) => s.criteria.map((c) => c.text));
    await waitFor(() => isDeepStrictEqual(a.plans.get(demo)?.plan.sessions.map((s) => s.criteria.map((c) => c.text)), want), { what: 'the store to hold the current demo plan' });
  });

  after(async () => {
    track?.dispose();
    await vscode.workspace.getConfiguration('marathon', folder.uri).update('agentCommand', undefined, vscode.ConfigurationTarget.Workspace);
    for (const t of opened) t.dispose();
    const hostile = path.join(folder.uri.fsPath, 'hostile.marathon.yaml');
    if (fs.existsSync(hostile)) {
      fs.rmSync(hostile);
      await a.plans.discover();
      assert.ok(!a.plans.plans.some((p) => p.relPath === 'hostile.marathon.yaml'), 'the hostile plan left the store');
    }
  });

  function events(): RunEvent[] {
    return a.runLog.events(folder);
  }

  async function demoSlots(sessionIndex: number): Promise<SlotNode[]> {
    const roots = await a.tree.getChildren();
    const demo = roots.find((n) => n.kind === 'plan' && n.entry.relPath === 'DEMO.marathon.md');
    assert.ok(demo);
    const sessions = await a.tree.getChildren(demo);
    const groups = await a.tree.getChildren(sessions[sessionIndex]);
    const tasks = groups.find((g) => g.kind === 'group' && g.group === 'tasks');
    assert.ok(tasks);
    return (await a.tree.getChildren(tasks)) as SlotNode[];
  }

  it('Launch Task opens a named terminal in the plan folder, writes the prompt and logs task.launch (terminals.png)', async () => {
    const [slot] = await demoSlots(0);
    assert.ok(slot);
    const name = '001 · Terminal 1 · Tide model and constituent maths';
    const opening = waitForEvent(vscode.window.onDidOpenTerminal, (t) => t.name === name, { what: `terminal ${name}` });
    await vscode.commands.executeCommand('marathon.launchTask', slot);
    const terminal = await opening;
    const options = terminal.creationOptions as vscode.TerminalOptions;
    assert.equal((options.cwd as vscode.Uri).fsPath, folder.uri.fsPath, 'the terminal starts in the plan\'s workspace folder');

    const file = path.join(folder.uri.fsPath, '.marathon', 'prompts', 'DEMO-001-terminal-1.md');
    const prompt = fs.readFileSync(file, 'utf8');
    const session = a.plans.plans.find((p) => p.relPath === 'DEMO.marathon.md')!.plan.sessions[0]!;
    assert.match(prompt, /^# Session 001: Tide Model and Data Feed/);
    assert.ok(prompt.includes('you are terminal 1'), prompt);
    for (const o of session.objectives) assert.ok(prompt.includes(o.text), `objective "${o.text}" in the prompt`);
    for (const c of session.criteria) assert.ok(prompt.includes(c.text), `criterion "${c.text}" in the prompt`);
    assert.ok(prompt.includes('`README.md`'), 'the context files are listed');
    assert.ok(!prompt.includes('.env'), 'no never-share path in the prompt');
    assert.ok(!prompt.includes('secrets/'), 'no never-share path in the prompt');

    const launched = await waitFor(() => events().find((e) => e.event === 'task.launch' && e.terminal === name), { what: 'task.launch in the run log' });
    assert.deepEqual({ ...launched, time: '' }, {
      event: 'task.launch', plan: 'DEMO.marathon.md', session: '001', task: 'terminal-1', terminal: name,
      promptFile: '.marathon/prompts/DEMO-001-terminal-1.md', time: '',
    });
    const onDisk = fs.readFileSync(path.join(folder.uri.fsPath, '.marathon', 'runlog.jsonl'), 'utf8');
    assert.ok(onDisk.split('\n').some((l) => l.includes('"task.launch"') && l.includes('001 · Terminal 1')), 'task.launch is in .marathon/runlog.jsonl');

    // The tree shows the allocation running, with the focus action.
    const item = a.tree.getTreeItem((await demoSlots(0))[0]!);
    assert.equal(item.contextValue, 'slot.running');
    assert.match(String(item.description), /running/);

    // Launching again reveals the open terminal: no second one, no second launch event.
    const count = vscode.window.terminals.length;
    const launches = events().filter((e) => e.event === 'task.launch').length;
    await vscode.commands.executeCommand('marathon.launchTask', slot);
    assert.equal(vscode.window.terminals.length, count);
    assert.equal(events().filter((e) => e.event === 'task.launch').length, launches);
    await waitFor(() => vscode.window.activeTerminal?.name === name, { what: 'the open terminal to be revealed' });

    // The default command prints the prompt: the screenshot shows the named terminal and its text.
    await vscode.commands.executeCommand('workbench.view.extension.marathon');
    await vscode.commands.executeCommand('notifications.clearAll');
    await a.view.reveal((await demoSlots(0))[0]!, { expand: true, focus: false, select: true });
    terminal.show(false);
    const shot = await screenshot('terminals', {
      selector: `.part.panel :is(.single-terminal-tab, .terminal-tabs-entry):has-text("${name}")`,
    });
    assert.ok(shot === undefined || fs.existsSync(shot));
  });

  it('types hostile task titles as one quoted argument: nothing runs, never-share paths are left out', async () => {
    const planFile = path.join(folder.uri.fsPath, 'hostile.marathon.yaml');
    fs.writeFileSync(planFile, HOSTILE_PLAN);
    // Marathon: Refresh's re-discovery, not the file watcher: this test is about launching.
    const read = waitForEvent(a.plans.onDidChange, () => a.plans.plans.some((p) => p.relPath === 'hostile.marathon.yaml'), { what: 'the plan store to read the hostile plan' });
    await vscode.commands.executeCommand('marathon.refresh');
    await read;
    const entry = a.plans.plans.find((p) => p.relPath === 'hostile.marathon.yaml')!;
    assert.deepEqual(entry.problems.filter((p) => p.severity === 'error'), []);
    const session = entry.plan.sessions[0]!;
    assert.deepEqual(session.tasks.map((t) => t.title), [HOSTILE, NEWLINE, SECRET], 'the reader keeps the titles as written');

    const out = path.join(folder.uri.fsPath, '.marathon', 'echo-out.txt');
    const done = path.join(folder.uri.fsPath, '.marathon', 'echo-done.txt');
    await vscode.workspace
      .getConfiguration('marathon', folder.uri)
      .update('agentCommand', 'echo ${title} > .marathon/echo-out.txt && echo ${taskId} ${branch} > .marathon/echo-done.txt', vscode.ConfigurationTarget.Workspace);

    const expected = [sanitizeForTerminal(HOSTILE), sanitizeForTerminal(NEWLINE), 'Rotate [omitted] and [omitted] now'];
    for (const [i, task] of session.tasks.entries()) {
      fs.rmSync(out, { force: true });
      fs.rmSync(done, { force: true });
      const node: TaskNode = { kind: 'task', entry, session, task };
      const opening = waitForEvent(vscode.window.onDidOpenTerminal, (t) => t.name.startsWith('900 · T'), { what: `the terminal of task ${task.id}` });
      await vscode.commands.executeCommand('marathon.launchTask', node);
      const terminal = await opening;
      assert.ok(!/[\r\n\t]/.test(terminal.name), 'no control character in the terminal name');
      // The sentinel is written after the echo: everything the command line ran has finished.
      // The redirection creates the file before echo writes: wait for the whole line.
      const finished = await waitFor(() => (fs.existsSync(done) && fs.readFileSync(done, 'utf8').endsWith('\n') ? fs.readFileSync(done, 'utf8') : undefined), { timeoutMs: 15_000, what: `the command of task ${task.id} to finish` });
      assert.equal(finished, `${task.id} marathon/$(touch PWNED9)\n`);
      assert.equal(fs.readFileSync(out, 'utf8'), `${expected[i]}\n`, `task ${task.id}: echo got the title as one literal argument`);
      const prompt = fs.readFileSync(path.join(folder.uri.fsPath, '.marathon', 'prompts', `hostile-900-T${task.id}.md`), 'utf8');
      assert.ok(!prompt.includes('.env') && !prompt.includes('secrets/'), 'no never-share path in the prompt');
    }
    for (const f of vscode.workspace.workspaceFolders ?? []) assert.deepEqual(pwned(f.uri.fsPath), [], 'no PWNED file anywhere in the workspace');
    await vscode.workspace.getConfiguration('marathon', folder.uri).update('agentCommand', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('Launch Session Terminals opens one terminal per slot of the allocation, once', async () => {
    const entry = a.plans.plans.find((p) => p.relPath === 'DEMO.marathon.md')!;
    const session = entry.plan.sessions.find((s) => s.id === '002')!;
    const names = [
      '002 · Terminal 1 · Clock face component and animation',
      '002 · Terminal 2 · Clock face component and animation',
      '002 · Terminal 3 · Harbour search and saved harbour',
      '002 · Terminal 4 · Harbour search and saved harbour',
    ];
    const before = opened.length;
    await vscode.commands.executeCommand('marathon.launchSessionTerminals', { kind: 'session', entry, session });
    await waitFor(() => opened.length - before >= 4, { what: 'four terminals' });
    assert.deepEqual(opened.slice(before).map((t) => t.name), names);
    for (const n of [1, 2, 3, 4]) {
      const prompt = fs.readFileSync(path.join(folder.uri.fsPath, '.marathon', 'prompts', `DEMO-002-terminal-${n}.md`), 'utf8');
      assert.ok(prompt.includes(`you are terminal ${n}`), `prompt ${n} names its terminal`);
      assert.ok(prompt.includes(n <= 2 ? 'Terminals 1-2: Clock face component and animation (tasks 1-3)' : 'Terminals 3-4: Harbour search and saved harbour (tasks 4-6)'));
    }
    const slots = await demoSlots(1);
    assert.deepEqual(slots.map((s) => a.tree.getTreeItem(s).contextValue), ['slot.running', 'slot.running']);

    // Again: every slot already has its terminal, nothing new opens.
    const count = vscode.window.terminals.length;
    await vscode.commands.executeCommand('marathon.launchSessionTerminals', { kind: 'session', entry, session });
    assert.equal(vscode.window.terminals.length, count);

    // Focus Task Terminal on the second allocation reveals its first terminal.
    await vscode.commands.executeCommand('marathon.focusTaskTerminal', slots[1]);
    await waitFor(() => vscode.window.activeTerminal?.name === names[2], { what: `${names[2]} to be revealed` });
  });

  it('after a window reload, tracks a restored terminal again by its name instead of opening another', async () => {
    // A reloaded window restores the terminals (the host opens them, not Marathon) and Marathon's
    // memory of them is gone: a terminal opened here with a slot's name stands for one.
    const name = '003 · Terminal 3 · Manifest, icons and release notes';
    const slot = (await demoSlots(2))[1]!;
    const key = `slot:${slot.slot.from}-${slot.slot.to}`;
    assert.equal(a.terminals.state(slot.entry, slot.session, key), undefined);
    const restored = vscode.window.createTerminal({ name });
    await waitFor(() => a.terminals.state(slot.entry, slot.session, key)?.running === true, { what: 'the restored terminal to be tracked' });
    const count = vscode.window.terminals.length;
    await vscode.commands.executeCommand('marathon.launchTask', slot);
    assert.equal(vscode.window.terminals.length, count, 'the restored terminal is revealed, not doubled');
    await waitFor(() => vscode.window.activeTerminal === restored, { what: 'the restored terminal to be revealed' });
  });

  it('closing a task terminal records task.exit and the tree shows it no longer running', async () => {
    const entry = a.plans.plans.find((p) => p.relPath === 'hostile.marathon.yaml')!;
    const session = entry.plan.sessions[0]!;
    const task = session.tasks[0]!;
    const terminal = opened.find((t) => t.name.startsWith('900 · T1 · '));
    assert.ok(terminal);
    const node: TaskNode = { kind: 'task', entry, session, task, slot: session.terminals[0]! };
    assert.equal(a.tree.getTreeItem(node).contextValue, 'task.running');
    if (terminal.shellIntegration) {
      // Shell integration reported the command's end: the state already has its exit code.
      await waitFor(() => a.terminals.state(entry, session, `task:${task.id}`)?.exitCode === 0, { what: 'the exit code from shell integration' });
    }
    const closing = waitForEvent(vscode.window.onDidCloseTerminal, (t) => t === terminal, { what: 'the terminal to close' });
    terminal.dispose();
    await closing;
    const exit = await waitFor(() => events().find((e) => e.event === 'task.exit' && e.session === '900' && e.task === task.id), { what: 'task.exit in the run log' });
    assert.equal(exit.event === 'task.exit' && exit.terminal, terminal.name);
    const state = a.terminals.state(entry, session, `task:${task.id}`);
    assert.equal(state?.running, false);
    const item = a.tree.getTreeItem(node);
    assert.equal(item.contextValue, 'task.idle');
    assert.match(String(item.description), state?.exitCode === undefined ? /closed/ : new RegExp(`exited ${state.exitCode}`));

    // Focus on a closed task's terminal reveals nothing and opens nothing.
    const count = vscode.window.terminals.length;
    void vscode.commands.executeCommand('marathon.focusTaskTerminal', node);
    assert.equal(vscode.window.terminals.length, count);
  });
});
