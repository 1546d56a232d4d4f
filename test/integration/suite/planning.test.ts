// Planning in a real extension host: a checkpoint reminder falls due on an injected clock and the
// answer lands in the run log; Start Next starts ready sessions only, critical path first; the
// Sessions view shows a plan's risk table as a "Risks (N)" group.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarathonApi } from '../../../src/extension';
import type { PlanEntry } from '../../../src/vscode/planStore';
import type { PlanningCommands, ReadySession, Reminders } from '../../../src/vscode/planning';
import type { Node } from '../../../src/vscode/sessionsTree';
import { EXTENSION_ID, inspectWebview, screenshot, waitFor } from './helpers';

/** The extension's API with the planning objects (extension.ts exposes them as `api.planning`). */
type Api = MarathonApi & { planning?: { commands: PlanningCommands; reminders: Reminders } };

const MIN = 60_000;
const LANTERN = 'planning-lantern.marathon.md';
const RELAY = 'planning-relay.marathon.md';

// One checkpoint an hour into the marathon, and a risk table of two rows (lines 23 and 24).
const LANTERN_TEXT = [
  '# Lantern Checkpoint Marathon',
  '',
  '## Session L1: Wire the relay',
  '',
  '**Duration:** 2 hours',
  '',
  '## Session L2: Tune the lantern',
  '',
  '**Duration:** 1 hour',
  '',
  '**Depends on:** Session L1',
  '',
  '## Checkpoints',
  '',
  '### Hour 1 Checkpoint',
  '',
  '**Decision:** Continue or Pivot?',
  '',
  '## Risks',
  '',
  '| Risk | Likelihood | Impact | Mitigation |',
  '|------|------------|--------|------------|',
  '| Relay overheats | Medium | High | Add a heat sink |',
  '| Lantern glass cracks | Low | Medium | Keep a spare |',
  '',
].join('\n');

// R1 → R2 (3 h) → R4 and R1 → R3 (1 h) → R4: R2 is on the critical path, R3 has 2 h of slack.
const RELAY_TEXT = [
  '# Relay Start-Next Marathon',
  '',
  '## Session R1: Survey',
  '',
  '**Duration:** 1 hour',
  '',
  '## Session R2: Build the mast',
  '',
  '**Duration:** 3 hours',
  '',
  '**Depends on:** Session R1',
  '',
  '## Session R3: Paint the housing',
  '',
  '**Duration:** 1 hour',
  '',
  '**Depends on:** Session R1',
  '',
  '## Session R4: Field test',
  '',
  '**Duration:** 1 hour',
  '',
  '**Depends on:** Session R2, Session R3',
  '',
].join('\n');

function labelOf(a: Api, node: Node): string {
  const label = a.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

describe('planning', () => {
  let a: Api;
  let folder: vscode.WorkspaceFolder;
  let planning: NonNullable<Api['planning']>;
  let originalAsk: Reminders['ask'];
  let originalChoose: PlanningCommands['choose'];
  const uriOf = (file: string) => vscode.Uri.joinPath(folder.uri, file);
  const entryOf = (file: string): PlanEntry => {
    const entry = a.plans.get(uriOf(file));
    assert.ok(entry, `${file} is read`);
    return entry;
  };
  const stateOf = (file: string, id: string) => {
    const entry = entryOf(file);
    return a.runLog.run(entry.folder, entry.relPath, id)?.state ?? 'not-started';
  };

  before(async () => {
    a = await vscode.extensions.getExtension<Api>(EXTENSION_ID)!.activate();
    await a.ready;
    assert.ok(a.planning, 'the extension API exposes `planning`');
    planning = a.planning;
    originalAsk = planning.reminders.ask;
    originalChoose = planning.commands.choose;
    folder = vscode.workspace.workspaceFolders![0]!;
    fs.writeFileSync(path.join(folder.uri.fsPath, LANTERN), LANTERN_TEXT);
    fs.writeFileSync(path.join(folder.uri.fsPath, RELAY), RELAY_TEXT);
    await waitFor(() => a.plans.get(uriOf(LANTERN))?.plan.sessions.length === 2 && a.plans.get(uriOf(RELAY))?.plan.sessions.length === 4, {
      timeoutMs: 20_000, what: 'both planning plans to be read',
    });
  });

  after(async () => {
    planning.reminders.ask = originalAsk;
    planning.reminders.clock = { now: () => Date.now() };
    planning.commands.choose = originalChoose;
    for (const file of [LANTERN, RELAY]) {
      const entry = a.plans.get(uriOf(file));
      for (const session of entry?.plan.sessions ?? []) {
        if (['running', 'paused'].includes(stateOf(file, session.id))) await vscode.commands.executeCommand('marathon.stopSession', { entry, session }, 'abandoned');
      }
    }
    a.runLog.clock = { now: () => Date.now() };
    for (const file of [LANTERN, RELAY]) fs.rmSync(path.join(folder.uri.fsPath, file), { force: true });
    // The other suites count the plans of the workspace.
    await waitFor(() => !a.plans.plans.some((p) => p.relPath === LANTERN || p.relPath === RELAY), { timeoutMs: 20_000, what: 'the planning plans to go' });
  });

  it('asks a due checkpoint once, on the injected clock, and records the decision in the run log', async () => {
    const reminders = planning.reminders;
    const t0 = Date.now();
    const asked: { title: string; options: readonly string[] }[] = [];
    // Set before the session starts: the run-log change it causes runs a check too.
    reminders.ask = async (title, options) => {
      asked.push({ title, options });
      return 'Continue';
    };
    reminders.clock = { now: () => t0 };
    a.runLog.clock = { now: () => t0 };

    // No session of the plan has started: nothing is due, whatever the time.
    reminders.clock = { now: () => t0 + 300 * MIN };
    await reminders.check();
    assert.equal(asked.length, 0);

    const entry = entryOf(LANTERN);
    reminders.clock = { now: () => t0 };
    await vscode.commands.executeCommand('marathon.startSession', { entry, session: entry.plan.sessions[0] });
    await waitFor(() => stateOf(LANTERN, 'L1') === 'running', { what: 'session L1 to run' });

    reminders.clock = { now: () => t0 + 59 * MIN };
    await reminders.check();
    assert.equal(asked.length, 0, 'not due before the hour');

    reminders.clock = { now: () => t0 + 61 * MIN };
    await reminders.check();
    assert.equal(asked.length, 1);
    assert.match(asked[0]!.title, /Hour 1 Checkpoint/);
    assert.match(asked[0]!.title, /Continue or Pivot\?/);
    assert.deepEqual(asked[0]!.options, ['Continue', 'Pivot']);
    assert.ok(reminders.shown.includes('hour-1-checkpoint'));

    const decision = await waitFor(
      () => a.runLog.events(folder).find((e) => e.event === 'checkpoint.decision' && e.plan === LANTERN),
      { what: 'the checkpoint.decision event' },
    );
    assert.ok(decision.event === 'checkpoint.decision');
    assert.deepEqual(
      { plan: decision.plan, session: decision.session, checkpoint: decision.checkpoint, decision: decision.decision },
      { plan: LANTERN, session: 'L1', checkpoint: 'hour-1-checkpoint', decision: 'Continue' },
    );
    const onDisk = fs.readFileSync(path.join(folder.uri.fsPath, '.marathon', 'runlog.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string; plan: string });
    assert.ok(onDisk.some((e) => e.event === 'checkpoint.decision' && e.plan === LANTERN), 'the decision is in .marathon/runlog.jsonl');

    // Decided: never asked again.
    reminders.clock = { now: () => t0 + 120 * MIN };
    await reminders.check();
    assert.equal(asked.length, 1);
  });

  it('starts the next ready session: dependencies first, then the critical path before slack', async () => {
    const commands = planning.commands;
    const entry = entryOf(RELAY);
    const offered: { id: string; critical: boolean }[][] = [];
    commands.choose = async (ready: readonly ReadySession[]) => {
      offered.push(ready.map((r) => ({ id: r.session.id, critical: r.critical })));
      return ready[0];
    };

    // Only R1 is ready: it starts without a question.
    assert.deepEqual((await commands.ready({ entry })).ready.map((r) => r.session.id), ['R1']);
    await commands.startNext({ entry });
    await waitFor(() => stateOf(RELAY, 'R1') === 'running', { what: 'session R1 to run' });
    assert.equal(offered.length, 0);
    assert.deepEqual((await commands.ready({ entry })).ready, [], 'R2 and R3 wait for R1');

    await vscode.commands.executeCommand('marathon.stopSession', { entry, session: entry.plan.sessions[0] }, 'done');
    await waitFor(() => stateOf(RELAY, 'R1') === 'done', { what: 'session R1 to be done' });

    // R2 and R3 are ready; the choice lists the critical R2 first.
    await commands.startNext({ entry });
    await waitFor(() => stateOf(RELAY, 'R2') === 'running', { what: 'session R2 to run' });
    assert.deepEqual(offered, [[{ id: 'R2', critical: true }, { id: 'R3', critical: false }]]);
    assert.equal(stateOf(RELAY, 'R3'), 'not-started');
    assert.equal(stateOf(RELAY, 'R4'), 'not-started');

    // R3 alone is ready now; after it, R4 waits on both.
    await commands.startNext({ entry });
    await waitFor(() => stateOf(RELAY, 'R3') === 'running', { what: 'session R3 to run' });
    const none = await commands.ready({ entry });
    assert.deepEqual(none.ready, []);
    assert.match(none.why, /Session R2 \(under way\)/);
    assert.match(none.why, /Session R3 \(under way\)/);
    assert.equal(stateOf(RELAY, 'R4'), 'not-started');
  });

  it('shows the risk table as a collapsed "Risks (2)" group under its plan', async () => {
    const planNode = async () => (await a.tree.getChildren()).find((n) => n.kind === 'plan' && n.entry.relPath === LANTERN);
    // The risks are read in the background on the first expand; the tree refreshes with them.
    const group = await waitFor(async () => {
      const plan = await planNode();
      return plan ? (await a.tree.getChildren(plan)).find((n) => n.kind === 'risks') : undefined;
    }, { what: 'the Risks group' });
    const item = a.tree.getTreeItem(group);
    assert.equal(labelOf(a, group), 'Risks (2)');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(item.contextValue, 'group.risks');
    const sessions = (await a.tree.getChildren(await planNode())).filter((n) => n.kind === 'session');
    assert.equal(sessions.length, 2, 'the sessions are still there, before the risks');

    const risks = await a.tree.getChildren(group);
    assert.deepEqual(risks.map((n) => labelOf(a, n)), ['Relay overheats', 'Lantern glass cracks']);
    const first = a.tree.getTreeItem(risks[0]!);
    assert.equal(first.description, 'likelihood Medium · impact High');
    assert.ok(first.iconPath instanceof vscode.ThemeIcon);
    assert.equal(first.iconPath.id, 'warning');
    assert.equal(first.iconPath.color?.id, 'charts.red');
    assert.ok(first.tooltip instanceof vscode.MarkdownString);
    assert.match(first.tooltip.value, /heat sink/);
    assert.equal(first.contextValue, 'risk');

    // A click opens the plan at the risk's row, like every other item.
    const node = risks[0]!;
    assert.ok(node.kind === 'risk');
    assert.equal(node.line, 23);
    assert.equal(first.command?.command, 'marathon.openInPlan');
    assert.deepEqual(first.command.arguments, [node]);
    assert.equal(a.tree.getParent(node)?.kind, 'risks');
    assert.equal(a.tree.getParent(group)?.kind, 'plan');
  });

  it('opens the Plan panel: makespan table, critical path and the schedule on N terminals, drawn in the webview', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const entry = a.plans.get(uriOf(RELAY))!;
    const panel = await vscode.commands.executeCommand<{ lastPaintMs?: number; dispose(): void }>('marathon.openPlanPanel', { entry }, 2);
    assert.ok(panel, 'the panel opened');
    await waitFor(() => panel.lastPaintMs !== undefined, { timeoutMs: 30_000, what: 'the Plan panel to paint' });
    const seen = await waitFor(async () => {
      const r = await inspectWebview('Makespan by number of instances');
      return r === undefined || r.found ? (r ?? { found: false, dialogs: [] }) : undefined;
    }, { timeoutMs: 30_000, what: 'the Plan panel frame' });
    if (seen.found) {
      // R1 (1 h) → R2 (3 h) → R4: the critical path; on 2 terminals R3 runs beside R2.
      assert.match(seen.text ?? '', /critical path\s+5 h\s+Session R1 → Session R2 → Session R4/i);
      assert.match(seen.text ?? '', /makespan on 2\s+5 h/i);
      // R2 and R3 are still running from the Start Next test, R1 stopped seconds after its start:
      // hours so far are not compared with a plan, and seconds of clock give no percentage.
      assert.match(seen.text ?? '', /over 3 timed sessions, 2 still on the clock/);
      assert.doesNotMatch(seen.text ?? '', /-100%/);
      assert.deepEqual(seen.dialogs, []);
    }
    const shot = await screenshot('plan-panel');
    if (shot) console.log(`      [screenshot] ${shot}`);
    panel.dispose();
  });

  it('asks how many terminals when none is given, offering the plan\'s count first with each makespan', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const entry = a.plans.get(uriOf(RELAY))!;
    const opening = vscode.commands.executeCommand<{ lastPaintMs?: number; dispose(): void } | undefined>('marathon.openPlanPanel', { entry });
    // The picker is up when accepting its selection resolves the command.
    let panel: { lastPaintMs?: number; dispose(): void } | undefined;
    const settled = opening.then((p) => (panel = p ?? undefined, true));
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return Promise.race([settled, new Promise<boolean>((r) => setTimeout(() => r(false), 200))]);
    }, { timeoutMs: 20_000, what: 'the terminal-count picker to take the first choice' });
    assert.ok(panel, 'the panel opened after the choice');
    const seen = await waitFor(async () => {
      const r = await inspectWebview('Makespan by number of instances', 'webview');
      return r === undefined ? { found: false, dialogs: [] } : r.found && /makespan on 4/i.test(r.text ?? '') ? r : undefined;
    }, { timeoutMs: 30_000, what: 'the Plan panel on 4 terminals (the default when a plan states none)' });
    assert.deepEqual(seen.dialogs, []);
    panel.dispose();
  });
});
