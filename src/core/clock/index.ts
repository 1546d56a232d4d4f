// The clock: the run log (read, write) and the session timers computed from it.
export * from './runlog';
export * from './stopwatch';
export * from './blockers';
