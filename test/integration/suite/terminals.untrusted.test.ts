// The untrusted pass (test/integration/run.ts starts code-server with workspace trust on and never
// trusts the folder): Marathon still reads plans, but launches no terminal and writes no prompt.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarathonApi } from '../../../src/extension';
import type { Node } from '../../../src/vscode/sessionsTree';
import { EXTENSION_ID, screenshot, waitFor } from './helpers';

describe('task terminals in an untrusted workspace', () => {
  let a: MarathonApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<MarathonApi>(EXTENSION_ID);
    assert.ok(ext);
    a = await ext.activate();
    await waitFor(() => a.plans.plans.some((p) => p.relPath === 'DEMO.marathon.md'), { what: 'the demo plan' });
  });

  it('runs in a workspace that is not trusted, with the plans read', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(a.plans.plans.length >= 2, 'plans are shown in restricted mode');
  });

  it('launches nothing: no terminal, no prompt file, no run-log event (untrusted.png)', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!;
    const opened: vscode.Terminal[] = [];
    const track = vscode.window.onDidOpenTerminal((t) => opened.push(t));
    const before = vscode.window.terminals.length;
    try {
      const roots = await a.tree.getChildren();
      const demo = roots.find((n) => n.kind === 'plan' && n.entry.relPath === 'DEMO.marathon.md');
      assert.ok(demo);
      const sessions = await a.tree.getChildren(demo);
      const groups = await a.tree.getChildren(sessions[0]);
      const slots = await a.tree.getChildren(groups.find((g) => g.kind === 'group' && g.group === 'tasks'));
      const slot = slots[0] as Extract<Node, { kind: 'slot' }>;
      assert.equal(slot.kind, 'slot');

      await vscode.commands.executeCommand('marathon.launchTask', slot);
      await vscode.commands.executeCommand('marathon.launchSessionTerminals', sessions[0]);
      // Without an argument it would ask which task: refused before any picker opens.
      await vscode.commands.executeCommand('marathon.launchTask');
      await vscode.commands.executeCommand('marathon.launchSessionTerminals');

      // The commands resolve once a launch has finished: had one started, its terminal would exist.
      assert.equal(vscode.window.terminals.length, before, 'no terminal opened');
      assert.deepEqual(opened.map((t) => t.name), []);
      assert.equal(fs.existsSync(path.join(folder.uri.fsPath, '.marathon', 'prompts')), false, 'no prompt written');
      assert.deepEqual(a.runLog.events(folder).filter((e) => e.event === 'task.launch'), []);
      assert.equal(a.terminals.state(slot.entry, slot.session, `slot:${slot.slot.from}-${slot.slot.to}`), undefined);

      // The warning says why (toasts are hidden in a test run; the notification centre lists it).
      await vscode.commands.executeCommand('notifications.showList');
      const shot = await screenshot('untrusted', { selector: '.notifications-center .notification-list-item:has-text("untrusted workspace")' });
      assert.ok(shot === undefined || fs.existsSync(shot));
    } finally {
      track.dispose();
    }
  });
});
