// Figures, not timed assertions: activation time and the first expand of a 1,000-session plan,
// printed in the suite's output (speed targets live in figures; see README "Performance").
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generatePlan } from '../../../bench/generate';
import type { MarathonApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor } from './helpers';

describe('performance figures', () => {
  it('logs activation time and the first expand of a 1,000-session plan', async () => {
    const a = await vscode.extensions.getExtension<MarathonApi>(EXTENSION_ID)!.activate();
    await a.ready;
    console.log(`      [figure] activate(): ${a.activationMs.toFixed(1)} ms (target ≤ 15 ms)`);
    const folder = vscode.workspace.workspaceFolders![1]!;
    const file = path.join(folder.uri.fsPath, 'big.marathon.md');
    fs.writeFileSync(file, generatePlan(1000, 10));
    try {
      const entry = await waitFor(() => a.plans.plans.find((p) => p.relPath === 'big.marathon.md'), { timeoutMs: 20_000, what: 'the big plan to be read' });
      const started = performance.now();
      const roots = await a.tree.getChildren();
      const root = roots.find((n) => n.kind === 'plan' && n.entry === entry)!;
      const sessions = await a.tree.getChildren(root);
      for (const s of sessions) a.tree.getTreeItem(s);
      const ms = performance.now() - started;
      assert.equal(sessions.length, 1000);
      console.log(`      [figure] first expand of a 1,000-session plan: ${ms.toFixed(1)} ms (target ≤ 50 ms)`);
    } finally {
      fs.rmSync(file, { force: true });
      await waitFor(() => !a.plans.plans.some((p) => p.relPath === 'big.marathon.md'), { timeoutMs: 20_000, what: 'the big plan to go' });
    }
  });
});
