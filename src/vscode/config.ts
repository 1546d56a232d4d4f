import * as vscode from 'vscode';

/** Marathon's settings, read typed in one place. */
export interface MarathonConfig {
  planFiles: string[];
  agentCommand: string;
  offerBranchCheckout: boolean;
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
  };
}

/** True when a configuration change concerns Marathon. */
export function affectsMarathon(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('marathon');
}
