// Figures, not timed assertions: activation time and the first expand of a 1,000-session plan,
// printed in the suite's output (speed targets live in figures; see README "Performance").
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generatePlan } from '../../../bench/generate';
import type { MarathonApi } from '../../../src/extension';
import { EAGER_LENS_LIMIT, PlanCodeLenses } from '../../../src/vscode/codeLens';
import { EXTENSION_ID, waitFor } from './helpers';

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

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
      const items = sessions.map((s) => a.tree.getTreeItem(s));
      const ms = performance.now() - started;
      assert.equal(sessions.length, 1000);
      console.log(`      [figure] first expand of a 1,000-session plan: ${ms.toFixed(1)} ms (target ≤ 50 ms)`);
      // What each refresh also paid while every session's tooltip was made with its item; now it
      // is made for the session the pointer rests on.
      const tooltipsStarted = performance.now();
      items.forEach((item, i) => assert.ok(a.tree.resolveTreeItem(item, sessions[i]!).tooltip));
      console.log(`      [figure] the tooltips of those 1,000 sessions, made on hover one at a time: ${(performance.now() - tooltipsStarted).toFixed(1)} ms for all`);

      // The code lenses of the whole plan, as the editor asks for them after each change (built
      // from the parse the store holds): one above each session, terminal line and task row; then
      // the commands of a screenful of them, which the editor resolves as it shows them.
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      const provider = new PlanCodeLenses(a.plans, a.runLog);
      try {
        const times: number[] = [];
        const resolveTimes: number[] = [];
        let count = 0;
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now();
          const lenses = provider.provideCodeLenses(document);
          const t1 = performance.now();
          // Over EAGER_LENS_LIMIT: ranges only, commands made as the editor shows them.
          assert.ok(lenses.every((l) => !l.command), 'the lenses of a 14,000-lens plan arrive without commands');
          for (const lens of lenses.slice(0, 60)) assert.ok(provider.resolveCodeLens(lens).command?.title);
          resolveTimes.push(performance.now() - t1);
          times.push(t1 - t0);
          count = lenses.length;
        }
        assert.equal(count, 1000 + 3000 + 10_000);
        const first = times[0]!;
        console.log(
          `      [figure] code lenses of a 1,000-session plan (${count}): ${first.toFixed(1)} ms the first time, ${median(times).toFixed(1)} ms median of 5; ` +
            `resolving 60 of them ${median(resolveTimes).toFixed(2)} ms`,
        );
      } finally {
        provider.dispose();
      }
    } finally {
      fs.rmSync(file, { force: true });
      await waitFor(() => !a.plans.plans.some((p) => p.relPath === 'big.marathon.md'), { timeoutMs: 20_000, what: 'the big plan to go' });
    }
  });
  it('logs the code lenses of a plan just under the limit for making them all at once', async () => {
    const a = await vscode.extensions.getExtension<MarathonApi>(EXTENSION_ID)!.activate();
    const folder = vscode.workspace.workspaceFolders![1]!;
    const file = path.join(folder.uri.fsPath, 'mid.marathon.md');
    // 35 sessions of 10 tasks: 35 session lenses, 105 on terminal lines, 350 on task rows.
    fs.writeFileSync(file, generatePlan(35, 10));
    const provider = new PlanCodeLenses(a.plans, a.runLog);
    try {
      await waitFor(() => a.plans.plans.find((p) => p.relPath === 'mid.marathon.md'), { timeoutMs: 20_000, what: 'the 35-session plan to be read' });
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const lenses = provider.provideCodeLenses(document);
        times.push(performance.now() - t0);
        assert.equal(lenses.length, 490);
        assert.ok(lenses.length <= EAGER_LENS_LIMIT);
        // Made at once, so the editor draws their titles without waiting to resolve them.
        assert.ok(lenses.every((l) => l.command?.title && l.command.command.startsWith('marathon.')), 'every lens comes with its command');
      }
      console.log(`      [figure] code lenses of a 35-session plan (490, commands made at once): ${median(times).toFixed(1)} ms median of 5`);
    } finally {
      provider.dispose();
      fs.rmSync(file, { force: true });
      await waitFor(() => !a.plans.plans.some((p) => p.relPath === 'mid.marathon.md'), { timeoutMs: 20_000, what: 'the 35-session plan to go' });
    }
  });
});
