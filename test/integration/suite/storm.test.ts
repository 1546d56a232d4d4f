// A burst of file events (a checkout touching thousands of files, a plan saved many times in a
// row) costs one re-parse per plan, not one per event.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarathonApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor, waitForEvent } from './helpers';

const plan = (n: number) => `# Storm ${n}\n\n## Session 001: Weather\n\n**Duration:** 1 hour\n\n### Success Criteria\n- [ ] Still standing after write ${n}\n`;

describe('file-event storms', () => {
  it('re-reads a plan written 50 times amid 3,000 other new files once per debounced batch', async () => {
    const a = await vscode.extensions.getExtension<MarathonApi>(EXTENSION_ID)!.activate();
    await a.ready;
    const folder = vscode.workspace.workspaceFolders![1]!.uri.fsPath;
    const file = path.join(folder, 'storm.marathon.md');
    const noise = path.join(folder, 'checkout');
    fs.writeFileSync(file, plan(0));
    await waitFor(() => a.plans.plans.some((p) => p.relPath === 'storm.marathon.md'), { timeoutMs: 20_000, what: 'the storm plan' });
    const before = a.plans.parseCount;
    try {
      const settled = waitForEvent(a.plans.onDidChange, () => a.plans.plans.find((p) => p.relPath === 'storm.marathon.md')?.plan.title === 'Storm 50', { timeoutMs: 20_000, what: 'the last write to be read' });
      fs.mkdirSync(noise, { recursive: true });
      for (let i = 1; i <= 3000; i++) fs.writeFileSync(path.join(noise, `file-${i}.ts`), `export const n = ${i};\n`);
      for (let i = 1; i <= 50; i++) fs.writeFileSync(file, plan(i));
      await settled;
      const parses = a.plans.parseCount - before;
      console.log(`      [figure] 50 writes + 3,000 other files: ${parses} re-parse(s)`);
      // Watcher events can arrive in more than one delivery; each delivery costs one parse.
      assert.ok(parses >= 1 && parses <= 3, `${parses} re-parses for one plan`);
    } finally {
      fs.rmSync(noise, { recursive: true, force: true });
      fs.rmSync(file, { force: true });
      await waitFor(() => !a.plans.plans.some((p) => p.relPath === 'storm.marathon.md'), { timeoutMs: 20_000, what: 'the storm plan to go' });
    }
  });
});
