import * as vscode from 'vscode';

/** Marathon's settings, read typed in one place. */
export interface MarathonConfig {
  planFiles: string[];
  agentCommand: string;
  offerBranchCheckout: boolean;
  /** Globs of changed files that never count as scope creep. */
  scopeIgnore: string[];
  /** Shell commands Run Pre-flight runs, and the timeout of each. */
  preflightCommands: string[];
  preflightTimeoutMs: number;
  /** Where handoffs, blocker notes and AARs are written, relative to the folder ('' = beside the plan). */
  reportsFolder: string;
  /** Minutes an unresolved blocker waits before Marathon offers to escalate or pivot (0 = never). */
  blockerEscalateAfterMinutes: number;
}

const DEFAULT_PLAN_FILES = ['**/*.marathon.md', '**/*.marathon.yaml', '**/*.marathon.yml', '**/marathon.yaml', '**/marathon.yml'];

/** Reads the settings for a resource (a workspace folder or a file), falling back to defaults. */
export function readConfig(scope?: vscode.ConfigurationScope): MarathonConfig {
  const c = vscode.workspace.getConfiguration('marathon', scope);
  const planFiles = c.get<unknown>('planFiles');
  return {
    planFiles: Array.isArray(planFiles) && planFiles.every((g) => typeof g === 'string') ? (planFiles as string[]) : DEFAULT_PLAN_FILES,
    agentCommand: c.get<string>('agentCommand', '') ?? '',
    offerBranchCheckout: c.get<boolean>('offerBranchCheckout', true) ?? true,
    scopeIgnore: stringList(c.get<unknown>('scope.ignore')),
    preflightCommands: stringList(c.get<unknown>('preflight.commands')),
    reportsFolder: (c.get<string>('reports.folder', '') ?? '').trim(),
    blockerEscalateAfterMinutes: Math.max(0, Number(c.get<unknown>('blocker.escalateAfterMinutes') ?? 30) || 0),
    preflightTimeoutMs: Math.max(1, Math.min(3600, Number(c.get<unknown>('preflight.timeoutSeconds')) || 120)) * 1000,
  };
}

/** True when a configuration change concerns Marathon. */
export function affectsMarathon(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('marathon');
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}
