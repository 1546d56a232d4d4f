// The plan grammar in a real host: with the cursor on a plan marker, VS Code's own "Inspect
// Editor Tokens and Scopes" widget lists the injected `.marathon` scope inside markdown's, as read
// from the page by the runner's browser. The picture shows the highlighted plan and the widget.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarathonApi } from '../../../src/extension';
import { EXTENSION_ID, inspectWebview, screenshot, waitFor } from './helpers';

describe('plan grammar', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives plan markers their .marathon scopes inside markdown, in the editor', async function () {
    const a = await vscode.extensions.getExtension<MarathonApi>(EXTENSION_ID)!.activate();
    await a.ready;
    const uri = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'DEMO.marathon.md'));
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const at = async (needle: string, scope: RegExp) => {
      const line = editor.document.getText().split('\n').findIndex((l) => l.includes(needle));
      assert.ok(line >= 0, needle);
      const col = editor.document.lineAt(line).text.indexOf(needle) + 1;
      editor.selection = new vscode.Selection(line, col, line, col);
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
      const seen = await waitFor(async () => {
        const r = await inspectWebview(scope.source.replace(/\\/g, ''));
        return r === undefined ? { found: true, text: '' } : r.found ? r : undefined;
      }, { timeoutMs: 15_000, what: `the scope of "${needle}" in the inspector` });
      return seen.text ?? '';
    };
    await vscode.commands.executeCommand('editor.action.inspectTMScopes');
    const session = await at('Session 001', /keyword\.other\.session\.marathon/);
    if (process.env.MARATHON_TEST_SCREENSHOT_URL !== 'off') assert.match(session, /markup\.heading\.markdown/, 'markdown keeps its heading scope');
    await at('4 hours', /constant\.numeric\.duration\.marathon/);
    await at('marathon/session-001-tide-model', /string\.other\.link\.branch\.marathon/);
    const shot = await screenshot('grammar-highlight');
    if (shot) console.log(`      [screenshot] ${shot}`);
    await vscode.commands.executeCommand('editor.action.inspectTMScopes');
  });
});
