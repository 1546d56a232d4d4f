export * from './problem';
export * from './plan';
