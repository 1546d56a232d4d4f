// Entry of the bundle the bench measures (see loadShippedEngine in bench/engine.ts): the reader and
// the checks, bundled as the extension and the CLI bundle them.
export { readPlan } from '../src/core/plan';
export { CHECKS, checkPlan } from '../src/core/checks';
