// The engine under measurement: readPlan, plus checkPlan when src/core/checks/index.ts exists.
// checkPlan is loaded at run time so the bench and the property tests keep working while the
// checks are still being written; once it exists it is always used.
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plan, ReadResult } from '../src/core/model';
import { readPlan } from '../src/core/plan';

/** The shape of `checkPlan(plan, ctx?)` from src/core/checks. */
export type CheckPlanFn = (plan: Plan, ctx?: object) => unknown;

/** What loading checkPlan found: the function, or why there is none. */
export interface CheckPlanLoad {
  checkPlan?: CheckPlanFn;
  note: string;
}

/** Loads `checkPlan` from src/core/checks if that module exists and exports it. */
export function loadCheckPlan(): CheckPlanLoad {
  const load = createRequire(__filename);
  const modulePath = path.resolve(__dirname, '..', 'src', 'core', 'checks', 'index.ts');
  if (!fs.existsSync(modulePath)) return { note: 'checkPlan absent (src/core/checks/index.ts not found): readPlan only' };
  let mod: unknown;
  try {
    mod = load(modulePath);
  } catch (err) {
    return { note: `checkPlan failed to load (${err instanceof Error ? err.message : String(err)}): readPlan only` };
  }
  const fn = (mod as { checkPlan?: unknown } | undefined)?.checkPlan;
  if (typeof fn !== 'function') return { note: 'src/core/checks has no checkPlan export: readPlan only' };
  return { checkPlan: fn as CheckPlanFn, note: 'readPlan + checkPlan' };
}

/** readPlan, then checkPlan when given. Returns what was read. */
export function readAndCheck(text: string, fileName: string, checkPlan?: CheckPlanFn): ReadResult {
  const result = readPlan(text, fileName);
  if (checkPlan) checkPlan(result.plan, {});
  return result;
}

/** The reader and the checks as the product runs them. */
export interface ShippedEngine {
  readPlan: (text: string, fileName: string) => ReadResult;
  checkPlan: CheckPlanFn;
  /** Each check on its own, by name. */
  CHECKS: Record<string, CheckPlanFn>;
  /** Where the bundle was written. */
  bundle: string;
}

/**
 * readPlan and checkPlan bundled by esbuild with the options of the product's build (esbuild.mjs:
 * one CommonJS file for node20), loaded from bench/out. The extension and the CLI run such a
 * bundle, so this is what they run; the same code loaded module by module through tsx runs
 * slower (measured about a third slower on the big plan), because each call into another module
 * goes through that module's export object rather than straight to the function.
 */
export function loadShippedEngine(): ShippedEngine {
  const bundle = path.resolve(__dirname, 'out', 'marathon-engine.cjs');
  buildSync({
    entryPoints: [path.resolve(__dirname, 'shipped.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  const load = createRequire(__filename);
  delete load.cache[bundle]; // a fresh build each time the bench runs
  const mod = load(bundle) as Omit<ShippedEngine, 'bundle'>;
  return { readPlan: mod.readPlan, checkPlan: mod.checkPlan, CHECKS: mod.CHECKS, bundle };
}

