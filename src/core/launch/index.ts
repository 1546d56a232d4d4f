/** Launching agents: prompts, terminal names, shell quoting and command templates (pure). */
export * from './shellQuote';
export * from './template';
export * from './names';
export * from './markdown';
export * from './privacy';
export * from './tasks';
export { buildPrompt, type BuiltPrompt, type PromptInput } from './prompt';
