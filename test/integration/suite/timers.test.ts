// Session clocks in a real extension host: the status-bar timer's text and colour against the
// budget (with an injected clock), pause, and a clock that comes back from the run log alone.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarathonApi } from '../../../src/extension';
import { RunLogStore } from '../../../src/vscode/runLog';
import { EXTENSION_ID, screenshot, waitFor } from './helpers';

const T0 = Date.parse('2026-11-21T08:00:00Z');
const MIN = 60_000;

describe('session timers', () => {
  let a: MarathonApi;
  let now = T0;

  before(async () => {
    const ext = vscode.extensions.getExtension<MarathonApi>(EXTENSION_ID);
    assert.ok(ext);
    a = await ext.activate();
    await waitFor(() => a.plans.plans.some((p) => p.relPath === 'DEMO.marathon.md'), { what: 'the demo plan' });
    a.runLog.clock = { now: () => now };
  });

  after(() => {
    a.runLog.clock = { now: () => Date.now() };
  });

  function ref() {
    const entry = a.plans.plans.find((p) => p.relPath === 'DEMO.marathon.md')!;
    return { entry, session: entry.plan.sessions.find((s) => s.id === '002')! };
  }

  function item(): vscode.StatusBarItem | undefined {
    return [...a.timers.shown.entries()].find(([k]) => k.endsWith('#002'))?.[1];
  }

  it('shows 0:00 / 3:00 without colour, then warning at 80% and error past 100% of the budget', async () => {
    now = T0;
    await vscode.commands.executeCommand('marathon.startSession', ref());
    const timer = await waitFor(item, { what: 'the status-bar timer of session 002' });
    assert.equal(timer.text, '$(watch) 002 0:00 / 3:00');
    assert.equal(timer.backgroundColor, undefined);

    now = T0 + 144 * MIN; // 80% of 3 hours
    a.timers.update();
    assert.equal(timer.text, '$(watch) 002 2:24 / 3:00');
    assert.equal((timer.backgroundColor as vscode.ThemeColor | undefined)?.id, 'statusBarItem.warningBackground');

    now = T0 + 198 * MIN; // 110%
    a.timers.update();
    assert.equal(timer.text, '$(watch) 002 3:18 / 3:00');
    assert.equal((timer.backgroundColor as vscode.ThemeColor | undefined)?.id, 'statusBarItem.errorBackground');
    // The tree shows the running session too, with its timer and the over-budget colour.
    const roots = await a.tree.getChildren();
    const sessions = await a.tree.getChildren(roots[0]);
    const s002 = a.tree.getTreeItem(sessions[1]!);
    assert.equal(s002.contextValue, 'session.running');
    assert.equal(s002.description, '3:18 / 3:00');
    await vscode.commands.executeCommand('workbench.view.extension.marathon');
    const file = await screenshot('status-timer', { selector: '.monaco-list-row:has-text("3:18 / 3:00")' });
    assert.ok(file === undefined || fs.existsSync(file));
  });

  it('stops the clock while paused', async () => {
    await vscode.commands.executeCommand('marathon.pauseSession', ref());
    now = T0 + 258 * MIN; // an hour later, paused all along
    a.timers.update();
    assert.equal(item()?.text, '$(debug-pause) 002 3:18 / 3:00');
  });

  it('comes back from the run log alone, as after a reload or a crash', async () => {
    await vscode.commands.executeCommand('marathon.resumeSession', ref());
    const folder = ref().entry.folder!;
    // A fresh store, as a reloaded window builds: it knows only the file.
    const channel = vscode.window.createOutputChannel('Marathon reload test', { log: true });
    const reloaded = new RunLogStore(channel, { now: () => T0 + 300 * MIN });
    await reloaded.loadAll();
    const run = reloaded.run(folder, 'DEMO.marathon.md', '002');
    assert.equal(run?.state, 'running');
    assert.equal(run?.elapsedMs, (198 + (300 - 258)) * MIN);
    reloaded.dispose();
    channel.dispose();
  });

  it('never loses an appended event to a read of the log that overlapped it', async () => {
    // The file watcher reads the whole log after each change. A read that took the file's text
    // before an append and finished after it used to put back the log without that event, so a
    // session just started read as not started until the next read (in one CI run, Start Next
    // Session offered it again). Here a read, once it has the file's text, is held until the
    // store reports a change (an append done: the old race) or for a second (with the fix, the
    // append waits for the read, so nothing changes meanwhile).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-runlog-'));
    const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(dir), name: 'runlog-race', index: 99 };
    const channel = vscode.window.createOutputChannel('Marathon run log race test', { log: true });
    const store = new RunLogStore(channel);
    // The read the watcher starts (private: a folder outside the workspace has no watcher).
    const read = (store as unknown as { load(f: vscode.WorkspaceFolder): Promise<void> }).load.bind(store);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself, whose readFile the store calls
    const fsp = require('node:fs/promises') as { readFile: (...args: unknown[]) => Promise<unknown> };
    const readFile = fsp.readFile;
    fsp.readFile = async (...args: unknown[]) => {
      const text = await readFile(...args);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 1_000);
        const sub = store.onDidChange(done);
        function done(): void {
          clearTimeout(timer);
          sub.dispose();
          resolve();
        }
      });
      return text;
    };
    try {
      await store.append(folder, { event: 'session.start', plan: 'race.md', session: 'R0' });
      for (let i = 1; i <= 3; i++) {
        await Promise.all([read(folder), store.append(folder, { event: 'session.start', plan: 'race.md', session: `R${i}` })]);
        assert.equal(store.events(folder).length, 1 + i, `events in memory after append ${i}`);
        assert.equal(store.run(folder, 'race.md', `R${i}`)?.state, 'running', `session R${i} after its start`);
      }
      await read(folder);
      assert.equal(store.events(folder).length, 4, 'the file holds what memory held');
    } finally {
      fsp.readFile = readFile;
      store.dispose();
      channel.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes the timer when the session stops', async () => {
    await vscode.commands.executeCommand('marathon.stopSession', ref(), 'abandoned');
    await waitFor(() => item() === undefined, { what: 'the timer to go' });
    const log = fs.readFileSync(vscode.Uri.joinPath(ref().entry.folder!.uri, '.marathon/runlog.jsonl').fsPath, 'utf8');
    assert.deepEqual(log.trim().split('\n').map((l) => (JSON.parse(l) as { event: string }).event).filter((e) => e.startsWith('session.')).slice(-4),
      ['session.start', 'session.pause', 'session.resume', 'session.stop']);
  });
});
