// Pre-flight in a real extension host: the user's commands run with a timeout in the workspace
// folder, git is checked, the plan's checklist is listed, the result lands in the run log, and a
// failed pre-flight is what Start Session warns about.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarathonApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor } from './helpers';

describe('pre-flight', () => {
  let a: MarathonApi;
  let folder: vscode.WorkspaceFolder;

  before(async () => {
    a = await vscode.extensions.getExtension<MarathonApi>(EXTENSION_ID)!.activate();
    await a.ready;
    folder = vscode.workspace.workspaceFolders![0]!;
    await waitFor(() => a.plans.plans.some((p) => p.relPath === 'DEMO.marathon.md'), { what: 'the demo plan' });
  });

  after(async () => {
    await vscode.workspace.getConfiguration('marathon.preflight', folder.uri).update('commands', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await vscode.workspace.getConfiguration('marathon.preflight', folder.uri).update('timeoutSeconds', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(folder.uri.fsPath, 'preflight-ran.txt'), { force: true });
    // Later suites start sessions of this plan: leave no failed pre-flight behind (Start Session
    // would ask in a modal dialog, which tests cannot answer). The workspace's own git state is
    // not ours to clean, so the neutral state is written as what it is: a cleanup entry.
    const entry = a.plans.plans.find((p) => p.relPath === 'DEMO.marathon.md');
    if (entry && a.preflight.lastFailure(entry)) {
      await a.runLog.append(folder, { event: 'preflight.result', plan: entry.relPath, session: '', ok: true, checks: [{ name: 'test cleanup', ok: true, detail: 'reset by the pre-flight test' }] });
    }
  });

  it('runs the configured commands in the folder, records the result and reports a failure to Start Session', async () => {
    const config = vscode.workspace.getConfiguration('marathon.preflight', folder.uri);
    await config.update('commands', ['echo ran > preflight-ran.txt', 'node -e "process.exit(3)"', 'sleep 20'], vscode.ConfigurationTarget.WorkspaceFolder);
    await config.update('timeoutSeconds', 5, vscode.ConfigurationTarget.WorkspaceFolder);
    const entry = a.plans.plans.find((p) => p.relPath === 'DEMO.marathon.md')!;
    const session = entry.plan.sessions[0]!;
    const before = a.runLog.events(folder).length;

    const results = (await vscode.commands.executeCommand<{ name: string; ok?: boolean; detail: string; kind: string }[]>('marathon.runPreflight', { entry, session }))!;
    const byName = new Map(results.map((r) => [r.name, r]));
    assert.equal(byName.get('echo ran > preflight-ran.txt')?.ok, true);
    assert.equal(fs.readFileSync(path.join(folder.uri.fsPath, 'preflight-ran.txt'), 'utf8').trim(), 'ran', 'ran in the workspace folder');
    assert.equal(byName.get('node -e "process.exit(3)"')?.ok, false);
    assert.match(byName.get('node -e "process.exit(3)"')!.detail, /exit code 3/);
    assert.match(byName.get('sleep 20')!.detail, /timed out after 5 s/);
    assert.ok(results.some((r) => r.kind === 'git-clean'), 'git was asked whether the tree is clean');
    assert.ok(results.some((r) => r.kind === 'branch' && r.name.includes(session.branch!)), 'and whether the session branch is checked out');

    const logged = a.runLog.events(folder).slice(before).find((e) => e.event === 'preflight.result');
    assert.ok(logged && logged.event === 'preflight.result' && logged.ok === false, 'a failed preflight.result event');
    assert.deepEqual(a.preflight.lastFailure(entry)?.failed.sort(), ['node -e "process.exit(3)"', 'sleep 20', ...results.filter((r) => r.ok === false && r.kind !== 'command').map((r) => r.name)].sort());

    const report = vscode.window.activeTextEditor?.document;
    assert.ok(report && report.isUntitled && /# Pre-flight:/.test(report.getText()), 'the report opens');

    await config.update('commands', ['echo ok'], vscode.ConfigurationTarget.WorkspaceFolder);
    const again = (await vscode.commands.executeCommand<{ ok?: boolean; kind: string }[]>('marathon.runPreflight', { entry }))!;
    const failedNow = again.filter((r) => r.ok === false);
    assert.equal(a.preflight.lastFailure(entry) === undefined, failedNow.length === 0, 'only a fully passing pre-flight clears the warning');
  });
});
