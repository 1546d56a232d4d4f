import * as vscode from 'vscode';

/** Composition root. The surfaces (tree, timers, terminals) are wired here as they land. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Marathon', { log: true });
  context.subscriptions.push(log);
  log.info('Marathon activated');
}

export function deactivate(): void {
  // Nothing to release: every disposable is in context.subscriptions.
}
