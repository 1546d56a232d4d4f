import type { ReadResult } from '../model';
import { scanMarkdown } from './markdown/scanner';

/** Reads a markdown plan into the model. Never throws; problems carry line and column. */
export function readMarkdownPlan(text: string): ReadResult {
  return scanMarkdown(text);
}
