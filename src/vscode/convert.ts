import * as vscode from 'vscode';
import type { Severity } from '../core/model';

/** Core ranges are 1-based with end-exclusive columns; VS Code's are 0-based. The one boundary. */
export function toRange(r: { line: number; column: number; endLine?: number; endColumn: number }): vscode.Range {
  return new vscode.Range(r.line - 1, Math.max(0, r.column - 1), (r.endLine ?? r.line) - 1, Math.max(0, r.endColumn - 1));
}

/** A position at the start of a 1-based line. */
export function lineStart(line: number): vscode.Position {
  return new vscode.Position(Math.max(0, line - 1), 0);
}

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}
