// The plan grammar in a real host: VS Code's own tokenizer (the command its colorizer tests use)
// gives plan markers the injected `.marathon` scopes inside markdown, and the editor shows them.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarathonApi } from '../../../src/extension';
import { EXTENSION_ID, screenshot, waitFor } from './helpers';

interface Token {
  c: string;
  t: string;
}

describe('plan grammar', () => {
  it('scopes session headings, field labels, durations, branches, checkboxes and task ids in a markdown plan', async () => {
    const a = await vscode.extensions.getExtension<MarathonApi>(EXTENSION_ID)!.activate();
    await a.ready;
    const uri = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'DEMO.marathon.md'));
    await vscode.window.showTextDocument(uri, { preview: false });
    const tokens = await waitFor(
      async () => {
        const list = (await vscode.commands.executeCommand<Token[]>('_workbench.captureSyntaxTokens', uri)) ?? [];
        return list.some((t) => t.t.includes('.marathon')) ? list : undefined;
      },
      { timeoutMs: 20_000, what: 'marathon scopes in the tokens' },
    );
    const scopesOf = (text: string) => tokens.filter((t) => t.c.includes(text)).map((t) => t.t).join(' | ');
    assert.match(scopesOf('Session'), /keyword\.other\.session\.marathon/);
    assert.match(scopesOf('001'), /constant\.numeric\.session-id\.marathon/);
    assert.match(scopesOf('Duration'), /support\.type\.property-name\.marathon/);
    assert.match(scopesOf('4 hours'), /constant\.numeric\.duration\.marathon/);
    assert.match(scopesOf('marathon/session-001-tide-model'), /string\.other\.link\.branch\.marathon/);
    assert.match(scopesOf('[x]'), /constant\.language\.checkbox\.checked\.marathon/);
    // Markdown keeps its own scopes around the injected ones.
    assert.match(scopesOf('Session'), /markup\.heading\.markdown/);
    const shot = await screenshot('grammar-highlight');
    if (shot) console.log(`      [screenshot] ${shot}`);
  });
});
