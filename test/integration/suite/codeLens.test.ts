// Code lenses in plan files, in a real extension host: Start / Pause · timer / Resume · timer / Stop
// above session headings, Launch above terminal allocations and task rows. The lenses Marathon
// registered are read through `vscode.executeCodeLensProvider`, as the editor would ask for them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyzePlan } from '../../../src/core/analyze';
import type { MarathonApi } from '../../../src/extension';
import { EAGER_LENS_LIMIT, PlanCodeLenses } from '../../../src/vscode/codeLens';
import type { PlanEntry, PlanStore } from '../../../src/vscode/planStore';
import { EXTENSION_ID, screenshot, waitFor, waitForEvent } from './helpers';

type Lens = { line: number; title: string; command: string; arg: Record<string, unknown> | undefined };

/**
 * The lenses every provider gives for uri, resolved as the editor resolves those on screen, as
 * `{ line (1-based), title, command, arg }`, by line.
 */
async function lensesOf(uri: vscode.Uri): Promise<Lens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100_000)) ?? [];
  return lenses.map(simplify).sort((a, b) => a.line - b.line);
}

/** A provider's lenses for document, each resolved, simplified, by line. */
function resolvedBy(provider: PlanCodeLenses, document: vscode.TextDocument): Lens[] {
  return provider.provideCodeLenses(document).map((l) => simplify(provider.resolveCodeLens(l))).sort((a, b) => a.line - b.line);
}

function simplify(lens: vscode.CodeLens): Lens {
  return {
    line: lens.range.start.line + 1,
    title: lens.command?.title ?? '',
    command: lens.command?.command ?? '',
    arg: lens.command?.arguments?.[0] as Record<string, unknown> | undefined,
  };
}

const marathon = (l: Lens) => l.command.startsWith('marathon.');

describe('code lenses', () => {
  let api: MarathonApi;
  let folder: vscode.WorkspaceFolder;
  let demo: vscode.Uri;
  let probe: PlanCodeLenses;
  let started: { entry: PlanEntry; session: PlanEntry['plan']['sessions'][number] } | undefined;
  let branchSetting: { value: boolean | undefined } | undefined;

  before(async () => {
    const extension = vscode.extensions.getExtension<MarathonApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    const found = vscode.workspace.workspaceFolders?.find((f) => path.basename(f.uri.path) === 'marathon-demo');
    assert.ok(found, 'the demo folder is open');
    folder = found;
    demo = vscode.Uri.joinPath(folder.uri, 'DEMO.marathon.md');
    await waitFor(() => api.plans.get(demo), { what: 'DEMO.marathon.md in the plan store' });
    // Starting a session that names a branch would offer a checkout in a modal-less prompt the
    // test cannot answer: switch the offer off for this suite (restored in after()).
    const config = vscode.workspace.getConfiguration('marathon', folder.uri);
    if (config.get<boolean>('offerBranchCheckout') !== false) {
      branchSetting = { value: config.inspect<boolean>('offerBranchCheckout')?.workspaceValue };
      const rediscovered = waitForEvent(api.plans.onDidChange, () => true, { what: 'the plan store to re-read after the setting change' });
      await config.update('offerBranchCheckout', false, vscode.ConfigurationTarget.Workspace);
      await rediscovered;
    }
    // A second, unregistered provider over the same stores: its change event and refresh timer
    // are observable, and it answers exactly what the registered one answers.
    probe = new PlanCodeLenses(api.plans, api.runLog);
  });

  after(async () => {
    if (started && ['running', 'paused'].includes(api.runLog.run(started.entry.folder, started.entry.relPath, started.session.id)?.state ?? '')) {
      await vscode.commands.executeCommand('marathon.stopSession', started, 'abandoned');
    }
    probe?.dispose();
    if (branchSetting) await vscode.workspace.getConfiguration('marathon', folder.uri).update('offerBranchCheckout', branchSetting.value, vscode.ConfigurationTarget.Workspace);
  });

  it('puts Start session on every session heading and Launch on every terminal allocation of DEMO.marathon.md', async () => {
    const document = await vscode.workspace.openTextDocument(demo);
    const entry = api.plans.get(demo);
    assert.ok(entry);
    assert.equal(entry.plan.sessions.length, 3);
    const lenses = (await lensesOf(demo)).filter(marathon);

    for (const session of entry.plan.sessions) {
      assert.match(document.lineAt(session.line - 1).text, new RegExp(`^## Session ${session.id}:`));
      const state = api.runLog.run(entry.folder, entry.relPath, session.id)?.state ?? 'not-started';
      assert.ok(!['running', 'paused'].includes(state), `session ${session.id} starts this test stopped (it is ${state})`);
      const here = lenses.filter((l) => l.line === session.line);
      assert.deepEqual(here.map((l) => [l.title, l.command]), [['$(play) Start session', 'marathon.startSession']], `session ${session.id}`);
      assert.equal((here[0]!.arg?.session as { id: string }).id, session.id, 'the lens passes {entry, session}');
      assert.equal((here[0]!.arg?.entry as PlanEntry).relPath, 'DEMO.marathon.md');

      assert.equal(session.terminals.length, 2);
      for (const slot of session.terminals) {
        assert.match(document.lineAt(slot.line - 1).text, /^- \*\*Terminals \d-\d:\*\*/);
        const launch = lenses.filter((l) => l.line === slot.line);
        assert.deepEqual(launch.map((l) => [l.title, l.command]), [['$(play) Launch', 'marathon.launchTask']], `allocation on line ${slot.line}`);
        assert.equal(launch[0]!.arg?.kind, 'slot');
        assert.equal((launch[0]!.arg?.slot as { line: number }).line, slot.line);
        assert.equal((launch[0]!.arg?.session as { id: string }).id, session.id);
      }
    }
    // Sessions and allocations only: the demo has no task rows.
    assert.equal(lenses.length, 3 + 6);
    // The registered provider and a fresh one agree.
    assert.deepEqual(resolvedBy(probe, document).map((l) => [l.line, l.title]), lenses.map((l) => [l.line, l.title]));
    assert.equal(probe.ticking, false, 'no refresh timer while nothing runs');
    // As the editor first gets them, before resolving any: a plan this small (at most
    // EAGER_LENS_LIMIT lenses) gets every command at once, so no lens is drawn blank meanwhile.
    const unresolved = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', demo)) ?? [];
    const ours = unresolved.filter((l) => l.command?.command.startsWith('marathon.'));
    assert.deepEqual(ours.map((l) => [l.range.start.line + 1, l.command?.title]).sort((x, y) => Number(x[0]) - Number(y[0])), lenses.map((l) => [l.line, l.title]));
    assert.ok(lenses.length <= EAGER_LENS_LIMIT);
  });

  it('shows the lenses above the session headings in the editor (codelens.png)', async () => {
    const editor = await vscode.window.showTextDocument(demo, { preview: false });
    const session = api.plans.get(demo)!.plan.sessions[0]!;
    editor.revealRange(new vscode.Range(session.line - 1, 0, session.line - 1, 0), vscode.TextEditorRevealType.AtTop);
    const file = await screenshot('codelens', { selector: '.monaco-editor .codelens-decoration a:has-text("Start session")' });
    assert.ok(file === undefined || fs.existsSync(file), `screenshot saved: ${file}`);
  });

  it('after marathon.startSession the heading shows $(debug-pause) Pause · 0:00 / 3:00 and $(debug-stop) Stop, with a refresh timer', async () => {
    const entry = api.plans.get(demo);
    assert.ok(entry);
    // Session 003: other suites expect 001 never started and run 002's clock themselves.
    const session = entry.plan.sessions[2]!;
    assert.equal(session.id, '003');
    const changed = waitForEvent(probe.onDidChangeCodeLenses, () => true, { what: 'the code lenses to change' });
    started = { entry, session };
    await vscode.commands.executeCommand('marathon.startSession', started);
    await changed;
    assert.equal(api.runLog.run(entry.folder, entry.relPath, session.id)?.state, 'running');
    assert.equal(probe.ticking, true, 'a running session refreshes its elapsed time');

    const here = (await lensesOf(demo)).filter((l) => marathon(l) && l.line === session.line);
    assert.deepEqual(here.map((l) => [l.title, l.command]), [
      ['$(debug-pause) Pause · 0:00 / 3:00', 'marathon.pauseSession'],
      ['$(debug-stop) Stop', 'marathon.stopSession'],
    ]);
    const others = (await lensesOf(demo)).filter((l) => marathon(l) && l.command === 'marathon.startSession');
    assert.deepEqual(others.map((l) => l.line), entry.plan.sessions.slice(0, 2).map((s) => s.line), 'the other sessions still offer Start');

    const editor = await vscode.window.showTextDocument(demo, { preview: false });
    editor.revealRange(new vscode.Range(session.line - 1, 0, session.line - 1, 0), vscode.TextEditorRevealType.AtTop);
    const file = await screenshot('codelens-running', { selector: '.monaco-editor .codelens-decoration a:has-text("Pause")' });
    assert.ok(file === undefined || fs.existsSync(file), `screenshot saved: ${file}`);

    // Paused: Resume with the same timer, and the timer stops refreshing.
    const paused = waitForEvent(probe.onDidChangeCodeLenses, () => true, { what: 'the code lenses to change on pause' });
    await vscode.commands.executeCommand('marathon.pauseSession', started);
    await paused;
    const whilePaused = (await lensesOf(demo)).filter((l) => marathon(l) && l.line === session.line);
    assert.deepEqual(whilePaused.map((l) => [l.title, l.command]), [
      ['$(debug-continue) Resume · 0:00 / 3:00', 'marathon.resumeSession'],
      ['$(debug-stop) Stop', 'marathon.stopSession'],
    ]);
    assert.equal(probe.ticking, false, 'nothing runs while paused');

    // Stopped (the cleanup other suites rely on): back to Start session, no timer.
    const stopped = waitForEvent(probe.onDidChangeCodeLenses, () => true, { what: 'the code lenses to change on stop' });
    await vscode.commands.executeCommand('marathon.stopSession', started, 'abandoned');
    await stopped;
    const afterStop = (await lensesOf(demo)).filter((l) => marathon(l) && l.line === session.line);
    assert.deepEqual(afterStop.map((l) => l.title), ['$(play) Start session']);
    assert.equal(probe.ticking, false);
  });

  it('puts Start session on the sessions of the YAML plan too', async () => {
    const yaml = vscode.Uri.joinPath(folder.uri, 'tide.marathon.yaml');
    const entry = await waitFor(() => api.plans.get(yaml), { what: 'tide.marathon.yaml in the plan store' });
    const document = await vscode.workspace.openTextDocument(yaml);
    assert.equal(document.languageId, 'yaml');
    const lenses = (await lensesOf(yaml)).filter(marathon);
    assert.deepEqual(lenses.map((l) => [l.line, l.title]), entry.plan.sessions.map((s) => [s.line, '$(play) Start session']));
  });

  it('gives no lenses to a markdown file that is not a plan', async () => {
    const readme = vscode.Uri.joinPath(folder.uri, 'README.md');
    await vscode.workspace.openTextDocument(readme);
    assert.deepEqual((await lensesOf(readme)).filter(marathon), []);
  });

  it('launches task rows: session tasks and stream tasks inside a session range, none for others', async () => {
    const text = [
      '# Lens Plan', // 1
      '',
      '## Session 010: Own Tasks', // 3
      '',
      '**Duration:** 2 hours',
      '',
      '### Terminal Allocation',
      '',
      '- **Terminals 1-2:** Importers (tasks 1-2)', // 9
      '- **Terminal 3:** Reports (tasks 3-3)', // 10
      '',
      '### Tasks',
      '',
      '| # | Task | File |',
      '|---|------|------|',
      '| 1 | Read CSV | `src/csv.ts` |', // 16
      '| 2 | Read OFX | `src/ofx.ts` |', // 17
      '',
      '## Session 011: Stream Work', // 19
      '',
      '**Duration:** 1 hour',
      '',
      '### Terminal Allocation',
      '',
      '- **Terminal 1:** Shared (tasks 2-3)', // 25
      '',
      '## Stream A: Data (3 Tasks)',
      '',
      '| # | Task | File |',
      '|---|------|------|',
      '| 2 | Map columns | `src/map.ts` |', // 31: task 2 of session 011 (010 has its own task 2)
      '| 3 | Report bad rows | `src/report.ts` |', // 32: in both sessions' ranges
      '| 4 | Orphan task | `src/orphan.ts` |', // 33: in no session
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    const { plan, problems } = analyzePlan(text, '/lens.md', {});
    const entry: PlanEntry = { uri: document.uri, folder: undefined, relPath: 'lens.md', plan, problems, text: document.getText() };
    const emitter = new vscode.EventEmitter<void>();
    const store = { plans: [entry], get: (u: vscode.Uri) => (u.toString() === document.uri.toString() ? entry : undefined), onDidChange: emitter.event };
    const provider = new PlanCodeLenses(store as unknown as PlanStore, api.runLog);
    try {
      const lenses = resolvedBy(provider, document);
      assert.deepEqual(lenses.map((l) => [l.line, l.title]), [
        [3, '$(play) Start session'],
        [9, '$(play) Launch'],
        [10, '$(play) Launch'],
        [16, '$(play) Launch'],
        [17, '$(play) Launch'],
        [19, '$(play) Start session'],
        [25, '$(play) Launch'],
        [31, '$(play) Launch'],
        [32, '$(play) Launch · 010'],
        [32, '$(play) Launch · 011'],
      ]);
      const task = (line: number, title = '$(play) Launch') => lenses.find((l) => l.line === line && l.title === title)!.arg as Record<string, { id?: string; line?: number }> & { kind: string };
      assert.equal(task(16).kind, 'task');
      assert.equal(task(16).task!.id, '1');
      assert.equal(task(16).session!.id, '010');
      assert.equal(task(16).slot!.line, 9, 'the allocation whose range holds the task');
      assert.equal(task(31).session!.id, '011');
      assert.equal(task(31).slot!.line, 25);
      assert.equal(task(32, '$(play) Launch · 010').slot!.line, 10);
      assert.equal(task(32, '$(play) Launch · 011').slot!.line, 25);
      const slot = lenses.find((l) => l.line === 9)!.arg as { kind: string; tasks: { id: string }[] };
      assert.equal(slot.kind, 'slot');
      assert.deepEqual(slot.tasks.map((t) => t.id), ['1', '2']);

      // A plan change re-asks for lenses; a stale parse past the end of the text gets none there.
      const changed = waitForEvent(provider.onDidChangeCodeLenses, () => true, { what: 'a change on plan change' });
      emitter.fire();
      await changed;
      const short = await vscode.workspace.openTextDocument({ language: 'markdown', content: text.split('\n').slice(0, 20).join('\n') });
      const stale = { ...entry, uri: short.uri };
      const staleProvider = new PlanCodeLenses({ ...store, plans: [stale], get: () => stale } as unknown as PlanStore, api.runLog);
      try {
        assert.deepEqual(staleProvider.provideCodeLenses(short).map((l) => l.range.start.line + 1).sort((a, b) => a - b), [3, 9, 10, 16, 17, 19]);
      } finally {
        staleProvider.dispose();
      }
    } finally {
      provider.dispose();
      emitter.dispose();
    }
  });
});
