// Git truth in a real extension host: a change outside a running session's scope becomes a
// `scope-creep` diagnostic on the session heading; the "Add … to deliverables" quick fix edits the
// (unsaved) plan and the diagnostic goes away. The Problems view is photographed.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarathonApi } from '../../../src/extension';
import { EXTENSION_ID, screenshot, waitFor } from './helpers';

const PLAN = 'scope.marathon.md';
const planText = [
  '# Scope Marathon',
  '',
  '## Session S1: Harbour Feed',
  '',
  '**Duration:** 2 hours',
  '',
  '### Deliverables',
  '',
  '- `src/harbour/feed.ts`',
  '- `src/harbour/*.test.ts`',
  '',
].join('\n');

function scopeDiagnostics(uri: vscode.Uri, code = 'scope-creep'): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'marathon' && typeof d.code === 'object' && d.code.value === code);
}

describe('git-aware diagnostics', () => {
  let a: MarathonApi;
  let root: string;
  let planUri: vscode.Uri;
  const stray = 'tools/stray-script.ts';

  before(async () => {
    a = await vscode.extensions.getExtension<MarathonApi>(EXTENSION_ID)!.activate();
    await a.ready;
    root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    fs.writeFileSync(path.join(root, PLAN), planText);
    planUri = vscode.Uri.file(path.join(root, PLAN));
    await waitFor(() => a.plans.get(planUri), { timeoutMs: 20_000, what: 'the scope plan' });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const entry = a.plans.get(planUri);
    const s = entry?.plan.sessions[0];
    if (entry && s && a.runLog.run(entry.folder, entry.relPath, s.id)?.state === 'running') {
      await vscode.commands.executeCommand('marathon.stopSession', { entry, session: s }, 'abandoned');
    }
    fs.rmSync(path.join(root, PLAN), { force: true });
    fs.rmSync(path.join(root, 'tools'), { recursive: true, force: true });
    fs.rmSync(path.join(root, 'src', 'harbour'), { recursive: true, force: true });
  });

  it('shows scope-creep for a file changed outside the session, and the quick fix clears it', async () => {
    const entry = a.plans.get(planUri)!;
    await vscode.commands.executeCommand('marathon.startSession', { entry, session: entry.plan.sessions[0] });
    await waitFor(() => a.runLog.run(entry.folder, entry.relPath, 'S1')?.state === 'running', { what: 'session S1 to run' });

    // In scope: a deliverable. Out of scope: a script elsewhere, written and saved in the editor.
    fs.mkdirSync(path.join(root, 'src', 'harbour'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'harbour', 'feed.ts'), 'export const feed = (): string[] => ["north", "south"];\n');
    fs.mkdirSync(path.join(root, 'tools'), { recursive: true });
    const strayUri = vscode.Uri.file(path.join(root, stray));
    fs.writeFileSync(strayUri.fsPath, '// scratch\n');
    const doc = await vscode.workspace.openTextDocument(strayUri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'export const depth = 3;\n'));
    const appeared = waitFor(() => scopeDiagnostics(planUri)[0], { timeoutMs: 20_000, what: 'a scope-creep diagnostic' });
    await doc.save();
    const creep = await appeared;

    assert.equal(creep.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(creep.range.start.line, 2, 'on the session heading');
    assert.match(creep.message, /S1/);
    const related = (creep.relatedInformation ?? []).map((r) => vscode.workspace.asRelativePath(r.location.uri, false));
    assert.ok(related.includes(stray), `related files: ${related.join(', ')}`);
    assert.ok(!related.includes('src/harbour/feed.ts'), 'the deliverable is in scope');
    assert.ok(!related.includes(PLAN), 'the plan itself is never creep');
    const code = creep.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.fragment, 'scope-creep', 'the code links to the README');

    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const shot = await screenshot('problems-scope-creep');
    if (shot) console.log(`      [screenshot] ${shot}`);

    // Code actions are asked of an open editor model.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(planUri));
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', planUri, creep.range)) ?? [];
    const titles = actions.map((x) => x.title);
    const add = actions.find((x) => x.title.includes(stray) && /deliverables/i.test(x.title));
    assert.ok(add?.edit, `an "Add ${stray} to deliverables" fix among: ${titles.join(' | ')}`);
    assert.ok(titles.some((t) => /ignore/i.test(t)), `an ignore fix among: ${titles.join(' | ')}`);

    const gone = waitFor(() => scopeDiagnostics(planUri).length === 0, { timeoutMs: 20_000, what: 'the scope-creep diagnostic to go' });
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    // The quick fix is an edit of the open document, not a write of the file (code-server's own
    // files.autoSave = afterDelay may save it a second later, as it would any edit).
    const planDoc = await vscode.workspace.openTextDocument(planUri);
    assert.ok(planDoc.isDirty, 'the fix edits the open document');
    assert.doesNotMatch(fs.readFileSync(planUri.fsPath, 'utf8'), /stray-script/, 'nothing was written behind the editor');
    assert.match(planDoc.getText(), new RegExp('- `' + stray.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') + '`'));
    await gone;
    await vscode.window.showTextDocument(planDoc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Ignore for Scope clears the warning, and the settings file it writes is not scope creep', async () => {
    // The plan as it was, without the stray script among the deliverables (the quick fix above may
    // have been saved by code-server's auto save): the warning comes back.
    const back = waitFor(() => scopeDiagnostics(planUri)[0], { timeoutMs: 20_000, what: 'the scope-creep diagnostic again' });
    fs.writeFileSync(planUri.fsPath, planText);
    const creep = await back;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(planUri));
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', planUri, creep.range)) ?? [];
    const ignore = actions.find((x) => /ignore/i.test(x.title) && x.command?.command === 'marathon.ignoreForScope');
    assert.ok(ignore?.command?.arguments, `an ignore fix among: ${actions.map((x) => x.title).join(' | ')}`);
    const folder = vscode.workspace.workspaceFolders![0]!;
    const config = () => vscode.workspace.getConfiguration('marathon', folder.uri);
    const before = config().inspect<string[]>('scope.ignore')?.workspaceFolderValue;
    const settingsFile = path.join(root, '.vscode', 'settings.json');
    try {
      const runs = a.diagnostics.gitRuns;
      await vscode.commands.executeCommand(ignore.command.command, ...ignore.command.arguments);
      assert.match(fs.readFileSync(settingsFile, 'utf8'), /"marathon\.scope\.ignore"/, 'written to the folder settings');
      // Recomputed with the new setting, after VS Code wrote the settings file: no warning at all,
      // not one that names .vscode/settings.json instead of the script.
      await waitFor(() => a.diagnostics.gitRuns > runs, { timeoutMs: 20_000, what: 'a recomputation after the setting changed' });
      await settle();
      assert.deepEqual(scopeDiagnostics(planUri).map((d) => d.message), []);
    } finally {
      await config().update('scope.ignore', before, vscode.ConfigurationTarget.WorkspaceFolder);
      await settle();
    }
  });

  it('recomputes once for a checkout that touches 10,000 files', async function () {
    this.timeout(180_000);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'user.name=Marathon Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: root, stdio: 'ignore' });
    const branch = (execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: root }).toString()).trim();
    const bulk = path.join(root, 'bulk');
    git('checkout', '-q', '-b', 'marathon-it-bulk');
    fs.mkdirSync(bulk, { recursive: true });
    for (let i = 0; i < 10_000; i++) fs.writeFileSync(path.join(bulk, `f${i}.txt`), `${i}\n`);
    git('add', '-A', 'bulk');
    git('commit', '-q', '-m', 'bulk');
    git('checkout', '-q', branch);
    // Session S1 stays on the clock, but paused: while a session runs, the diagnostics also
    // recompute once a minute (for time overruns), and such a tick falling inside the checkout
    // was counted as a second recomputation (seen once in CI).
    const entry = a.plans.get(planUri)!;
    const s1 = { entry, session: entry.plan.sessions[0]! };
    await vscode.commands.executeCommand('marathon.pauseSession', s1);
    await waitFor(() => a.runLog.run(entry.folder, entry.relPath, 'S1')?.state === 'paused', { what: 'session S1 to pause' });
    try {
      await settle();
      const before = a.diagnostics.gitRuns;
      git('checkout', '-q', 'marathon-it-bulk');
      await waitFor(() => a.diagnostics.gitRuns > before, { timeoutMs: 20_000, what: 'a recomputation' });
      await settle();
      const runs = a.diagnostics.gitRuns - before;
      console.log(`      [figure] checkout of 10,000 files: ${runs} recomputation(s)`);
      assert.equal(runs, 1);
    } finally {
      git('checkout', '-q', branch);
      git('branch', '-q', '-D', 'marathon-it-bulk');
      fs.rmSync(bulk, { recursive: true, force: true });
      await vscode.commands.executeCommand('marathon.resumeSession', s1);
      await settle();
    }
  });

  // Waits until no recomputation has started for 2 s (debounce 0.5 s plus the run itself).
  async function settle(): Promise<void> {
    let last = a.diagnostics.gitRuns;
    let quietSince = Date.now();
    await waitFor(() => {
      if (a.diagnostics.gitRuns !== last) {
        last = a.diagnostics.gitRuns;
        quietSince = Date.now();
      }
      return Date.now() - quietSince >= 2_000 && !a.diagnostics.busy;
    }, { timeoutMs: 60_000, what: 'git checks to settle' });
  }
});
