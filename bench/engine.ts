// The engine under measurement: readPlan and checkPlan, either from the source (for the tests) or
// bundled as shipped (for the bench; see loadShippedEngine).
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Plan, ReadResult } from '../src/core/model';
import { readPlan } from '../src/core/plan';
import { checkPlan } from '../src/core/checks';

/** The shape of `checkPlan(plan, ctx?)` from src/core/checks. */
export type CheckPlanFn = (plan: Plan, ctx?: object) => unknown;

/** A reader and its checks. */
export interface Engine {
  readPlan: (text: string, fileName: string) => ReadResult;
  checkPlan: CheckPlanFn;
}

/** The engine as the source defines it. */
export const sourceEngine: Engine = { readPlan, checkPlan };

/** readPlan, then checkPlan, with `engine`. Returns what was read. */
export function readAndCheck(engine: Engine, text: string, fileName: string): ReadResult {
  const result = engine.readPlan(text, fileName);
  engine.checkPlan(result.plan, {});
  return result;
}

/** The reader and the checks as the product runs them. */
export interface ShippedEngine extends Engine {
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

