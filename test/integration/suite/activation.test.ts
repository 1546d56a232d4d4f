// Smoke test: in a real extension host, with the demo workspace open, Marathon is found, activates
// through its workspaceContains activation event (not only when asked), and the workbench shows it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, screenshot, waitFor } from './helpers';

describe('activation', () => {
  it('finds the Marathon extension under development', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not in the extension host`);
    assert.equal(extension.packageJSON.name, 'marathon');
    assert.equal(path.basename(extension.packageJSON.main as string), 'extension.js');
  });

  it('opens the multi-root demo workspace: a folder holding DEMO.marathon.md and a second one', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 2, 'two workspace folders');
    assert.equal(path.basename(folders[1]!.uri.path), 'ops-folder');
    const folder = folders[0]!;
    assert.equal(path.basename(folder.uri.path), 'marathon-demo');
    const demo = vscode.Uri.joinPath(folder.uri, 'DEMO.marathon.md');
    const stat = await vscode.workspace.fs.stat(demo);
    assert.equal(stat.type, vscode.FileType.File);
    // The folder is a git repository, as the runner made it.
    assert.ok(fs.existsSync(path.join(folder.uri.fsPath, '.git')), 'the workspace is a git repository');
  });

  it('activates by itself through workspaceContains, without error', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    // No activate() call first: the activation event has to do it.
    await waitFor(() => extension.isActive, { timeoutMs: 15_000, what: `${EXTENSION_ID} to activate` });
    // Settles with activate()'s outcome: rejects if it threw.
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every contributed command in the host', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length >= 10);
    for (const id of contributed) assert.ok(registered.has(id), `${id} is contributed but not registered`);
  });

  it('shows the workbench with the demo folder open (activation.png)', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    await vscode.commands.executeCommand('workbench.view.explorer');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'DEMO.marathon.md'));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    assert.equal(path.basename(editor.document.uri.path), 'DEMO.marathon.md');
    const file = await screenshot('activation', {
      selector: '.explorer-folders-view .monaco-list-row:has-text("tide.marathon.yaml")',
    });
    assert.ok(file === undefined || fs.existsSync(file), `screenshot saved: ${file}`);
  });
});
