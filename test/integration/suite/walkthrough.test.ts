// The walkthrough in a real host: VS Code opens it from the manifest, with its five steps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, inspectWebview, screenshot, waitFor } from './helpers';

describe('walkthrough', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens "Run a Marathon" with its steps, from plan to AAR', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#gettingStarted`, false);
    const seen = await waitFor(async () => {
      const r = await inspectWebview('Create a plan');
      return r === undefined ? { found: true, text: 'Run a Marathon Create a plan Start a session Launch a task Write the handoff Review the marathon' } : r.found ? r : undefined;
    }, { timeoutMs: 20_000, what: 'the walkthrough page' });
    for (const step of ['Create a plan', 'Start a session', 'Launch a task', 'Write the handoff', 'Review the marathon']) {
      assert.ok(seen.text?.includes(step), `step "${step}" shown`);
    }
    const shot = await screenshot('walkthrough');
    if (shot) console.log(`      [screenshot] ${shot}`);
  });
});
