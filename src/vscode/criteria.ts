import * as vscode from 'vscode';
import type { Criterion } from '../core/model';
import { checkboxEdit } from '../core/plan/edit';
import { toRange } from './convert';

/**
 * Ticks or unticks a criterion in its plan through a WorkspaceEdit, so an open document keeps its
 * unsaved edits. A document that was clean is saved afterwards; a dirty one stays dirty for the
 * user to save. Returns an error message instead of editing when the line no longer matches.
 */
export async function setCriterion(uri: vscode.Uri, criterion: Criterion, done: boolean): Promise<string | undefined> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const wasDirty = doc.isDirty;
  const lineText = criterion.line <= doc.lineCount ? doc.lineAt(criterion.line - 1).text : undefined;
  const result = checkboxEdit(lineText, criterion, done);
  if ('error' in result) return result.error;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, toRange(result.edit), result.edit.newText);
  if (!(await vscode.workspace.applyEdit(edit))) return vscode.l10n.t('VS Code refused the edit to the plan.');
  if (!wasDirty) await doc.save();
  return undefined;
}
