export * from './problem';
export * from './plan';
export * from './runlog';
