import * as vscode from 'vscode';
import type { SuggestedFix } from '../core/findings';
import { addDeliverableEdit, removeDeliverableEdit, type LineInsert } from '../core/plan/edit';
import { Commands } from './commands';
import type { MarathonDiagnostics } from './diagnostics';
import type { PlanStore } from './planStore';

/**
 * Quick fixes for Marathon's diagnostics: "Add <file> to deliverables" and "Move <file> to session
 * …" edit the plan through a WorkspaceEdit (an open, unsaved plan keeps its unsaved text and
 * stays undoable); "Ignore <glob> for scope" writes the folder's `marathon.scope.ignore` setting.
 */
export class ScopeFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  static register(diagnostics: MarathonDiagnostics, plans: PlanStore): vscode.Disposable {
    const fixes = new ScopeFixes(diagnostics, plans);
    return vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, fixes, { providedCodeActionKinds: ScopeFixes.kinds });
  }

  private constructor(
    private readonly diagnostics: MarathonDiagnostics,
    private readonly plans: PlanStore,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== 'marathon') continue;
      const found = this.diagnostics.fixesFor(document.uri, d);
      if (!found) continue;
      for (const fix of found.fixes) {
        const action = await this.action(fix, found.planUri);
        if (!action) continue;
        action.diagnostics = [d];
        actions.push(action);
      }
    }
    if (actions.length === 1 && actions[0]) actions[0].isPreferred = true;
    return actions;
  }

  private async action(fix: SuggestedFix, planUri: vscode.Uri): Promise<vscode.CodeAction | undefined> {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    if (fix.kind === 'ignore-for-scope') {
      const folder = vscode.workspace.getWorkspaceFolder(planUri);
      action.command = { command: Commands.ignoreForScope, title: fix.title, arguments: [folder?.uri.toString(), fix.glob] };
      return action;
    }
    const entry = this.plans.get(planUri);
    if (!entry) return undefined;
    const doc = await vscode.workspace.openTextDocument(planUri);
    const lines = doc.getText().split(/\r?\n/);
    const format = entry.plan.format === 'yaml' ? 'yaml' : 'markdown';
    const target = entry.plan.sessions.find((s) => s.id === (fix.kind === 'add-deliverable' ? fix.session : fix.to));
    if (!target) return undefined;
    const added = addDeliverableEdit(lines, format, target, fix.path);
    if ('error' in added) return undefined;
    const edit = new vscode.WorkspaceEdit();
    insertLines(edit, doc, added.insert);
    if (fix.kind === 'move-to-session') {
      const source = entry.plan.sessions.find((s) => s.id === fix.from);
      const removed = source ? removeDeliverableEdit(lines, source, fix.path) : undefined;
      if (removed && 'delete' in removed) edit.delete(planUri, doc.lineAt(removed.delete.line - 1).rangeIncludingLineBreak);
    }
    action.edit = edit;
    return action;
  }
}

// Inserts whole lines before a 1-based line, or after the last line when it is one past the end.
function insertLines(edit: vscode.WorkspaceEdit, doc: vscode.TextDocument, ins: LineInsert): void {
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const text = ins.text.split('\n').join(eol);
  if (ins.line - 1 < doc.lineCount) edit.insert(doc.uri, new vscode.Position(ins.line - 1, 0), text + eol);
  else edit.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, eol + text);
}

/** Adds a glob to the folder's `marathon.scope.ignore` (the Ignore for Scope quick fix). */
export async function ignoreForScope(folder: unknown, glob: unknown): Promise<void> {
  if (typeof glob !== 'string' || glob === '') return;
  const uri = typeof folder === 'string' ? vscode.Uri.parse(folder) : undefined;
  const config = vscode.workspace.getConfiguration('marathon', uri);
  const current = config.get<unknown>('scope.ignore');
  const list = Array.isArray(current) ? current.filter((g): g is string => typeof g === 'string') : [];
  if (list.includes(glob)) return;
  const target = uri ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  await config.update('scope.ignore', [...list, glob], target);
}
