// The Sessions view in a real extension host: a multi-root workspace with a markdown plan and a
// YAML plan; criteria ticked from the tree edit the plan and keep unsaved text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { MarathonApi } from '../../../src/extension';
import type { Node } from '../../../src/vscode/sessionsTree';
import { EXTENSION_ID, screenshot, waitFor, waitForEvent } from './helpers';

async function api(): Promise<MarathonApi> {
  const ext = vscode.extensions.getExtension<MarathonApi>(EXTENSION_ID);
  assert.ok(ext);
  const value = await ext.activate();
  await waitFor(() => value.plans.plans.length >= 2, { what: 'both plans to be read' });
  return value;
}

function labelOf(api: MarathonApi, node: Node): string {
  const label = api.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

describe('Sessions view', () => {
  it('shows both plans of the multi-root workspace, their sessions and each session\'s groups', async () => {
    const a = await api();
    const roots = await a.tree.getChildren();
    // Folder order, then path: the demo folder's markdown and YAML plans, then the second folder's.
    assert.deepEqual(roots.map((n) => a.tree.getTreeItem(n).description), ['DEMO.marathon.md', 'tide.marathon.yaml', 'ops.marathon.yaml']);
    assert.deepEqual(roots.map((n) => labelOf(a, n)), ['Tide Clock Marathon: From Prototype to Field-Ready', 'Tide Clock Marathon: From Prototype to Field-Ready', 'Ops Hardening Sprint']);
    const demoSessions = await a.tree.getChildren(roots[0]);
    assert.deepEqual(demoSessions.map((n) => labelOf(a, n).split(' · ')[0]), ['001', '002', '003']);
    const opsSessions = await a.tree.getChildren(roots[2]);
    assert.deepEqual(opsSessions.map((n) => labelOf(a, n)), ['OPS-1 · Backup drill', 'OPS-2 · Alert tuning']);
    // Other suites start and stop the demo's sessions; nobody starts the second folder's.
    const ops2 = a.tree.getTreeItem(opsSessions[1]!);
    assert.equal(ops2.description, 'not started · 1 hour');
    assert.equal(ops2.contextValue, 'session.idle');
    // The tooltip is made on hover, as VS Code resolves the item then.
    assert.equal(ops2.tooltip, undefined);
    const tooltip = a.tree.resolveTreeItem(ops2, opsSessions[1]!).tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.match(tooltip.value, /\*\*Session OPS\\-2: Alert tuning\*\*/);
    assert.match(tooltip.value, /not started/);
    const groups = await a.tree.getChildren(demoSessions[0]);
    assert.deepEqual(groups.map((n) => labelOf(a, n)), ['Objectives', 'Tasks', 'Success Criteria', 'Deliverables']);
    assert.equal(a.tree.getTreeItem(groups[2]!).description, '2/4');
    assert.equal(a.tree.getTreeItem(groups[1]!).description, '2 slots', 'counted in English');
    const slots = await a.tree.getChildren(groups[1]);
    assert.deepEqual(slots.map((n) => labelOf(a, n).split(' · ')[0]), ['Terminals 1-2', 'Terminals 3-4']);
    const criteria = await a.tree.getChildren(groups[2]);
    assert.deepEqual(criteria.map((n) => a.tree.getTreeItem(n).checkboxState), [
      vscode.TreeItemCheckboxState.Checked, vscode.TreeItemCheckboxState.Checked,
      vscode.TreeItemCheckboxState.Unchecked, vscode.TreeItemCheckboxState.Unchecked,
    ]);
    const deliverables = await a.tree.getChildren(groups[3]);
    assert.ok(deliverables.length > 0);
    assert.ok(deliverables.every((n) => ['missing', 'exists', 'pattern', 'placeholder'].includes(String(a.tree.getTreeItem(n).description))));
  });

  it('opens the plan at the line of the clicked item', async () => {
    const a = await api();
    const roots = await a.tree.getChildren();
    const sessions = await a.tree.getChildren(roots[0]);
    const groups = await a.tree.getChildren(sessions[1]);
    const criteria = await a.tree.getChildren(groups.find((g) => labelOf(a, g) === 'Success Criteria'));
    const item = a.tree.getTreeItem(criteria[1]!);
    assert.equal(item.command?.command, 'marathon.openInPlan');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), roots[0]!.entry.uri.toString());
    const node = criteria[1]!;
    assert.ok(node.kind === 'criterion');
    assert.equal(editor.selection.active.line + 1, node.criterion.line);
  });

  it('reveals the view expanded (sessions-view.png)', async function () {
    this.timeout(60_000);
    const a = await api();
    await vscode.commands.executeCommand('workbench.view.extension.marathon');
    const roots = await a.tree.getChildren();
    const sessions = await a.tree.getChildren(roots[0]);
    const show = async (focus: boolean) => {
      await vscode.commands.executeCommand('workbench.view.extension.marathon');
      await a.view.reveal(sessions[0]!, { expand: 2, focus, select: false });
      return screenshot('sessions-view', { selector: '.monaco-list-row:has-text("Success Criteria")' });
    };
    // The workbench renders the revealed rows asynchronously; one retry with focus covers a slow paint.
    const file = await show(false).catch(() => show(true));
    assert.ok(a.view.visible, 'the Sessions view is visible');
    assert.ok(file === undefined || fs.existsSync(file));

    // Resting the pointer on a session shows the tooltip VS Code resolves then (session-tooltip.png).
    const hover = await screenshot('session-tooltip', {
      hover: '.monaco-list-row:has-text("001 · Tide Model and Data Feed")',
      selector: '.monaco-hover:has-text("Session 001: Tide Model and Data Feed")',
    });
    assert.ok(hover === undefined || fs.existsSync(hover));
  });

  it('ticks a criterion in an open document with unsaved edits and keeps them', async () => {
    const a = await api();
    const entry = a.plans.plans.find((p) => p.relPath === 'DEMO.marathon.md');
    assert.ok(entry);
    const doc = await vscode.workspace.openTextDocument(entry.uri);
    const editor = await vscode.window.showTextDocument(doc);
    const onDisk = fs.readFileSync(entry.uri.fsPath, 'utf8');
    const marker = '\n<!-- unsaved note from the test -->\n';
    await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, marker));
    assert.ok(doc.isDirty);
    await waitForEvent(a.plans.onDidChange, () => true, { what: 'the plan store to re-read the dirty document' });
    const fresh = a.plans.get(entry.uri)!;
    const criterion = fresh.plan.sessions[0]!.criteria[2]!;
    assert.equal(criterion.done, false);
    const node: Node = { kind: 'criterion', entry: fresh, session: fresh.plan.sessions[0]!, criterion };
    await vscode.commands.executeCommand('marathon.toggleCriterion', node);
    const text = doc.getText();
    assert.ok(text.includes(marker), 'the unsaved text is still there');
    assert.equal(doc.lineAt(criterion.line - 1).text.slice(0, 5), '- [x]');
    assert.ok(doc.isDirty, 'a dirty document stays dirty for the user to save');
    assert.equal(fs.readFileSync(entry.uri.fsPath, 'utf8'), onDisk, 'nothing was written behind the user\'s back');
    await waitFor(() => a.plans.get(entry.uri)?.plan.sessions[0]?.criteria[2]?.done === true, { what: 'the tree to see the tick' });

    // The same stale node again, after the line changed: refused, nothing edited.
    await editor.edit((b) => b.replace(doc.lineAt(criterion.line - 1).range, '- [x] A different criterion now'));
    const before = doc.getText();
    await vscode.commands.executeCommand('marathon.toggleCriterion', node);
    assert.equal(doc.getText(), before, 'a line that no longer matches is not edited');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(doc.isDirty, false);
  });
});
