import picomatch from 'picomatch';
import type { Plan } from '../model';
import { compileNeverShare, normalizePath, type NeverShareRule } from '../checks/neverShare';

/** Tests paths and text against a plan's never-share patterns. */
export interface NeverShareFilter {
  /** True when `path` must not be shared: it matches a pattern, may match one, or holds one. */
  blocks(path: string): boolean;
  /** `text` with every path-like word that {@link blocks} replaced by `[omitted]`, and those words. */
  redact(text: string): { text: string; hits: string[] };
}

/** The placeholder a redacted path becomes. */
export const OMITTED_MARK = '[omitted]';

const GLOB_RE = /[*?[\]{}]/;

/** A glob test that never throws; false for a pattern picomatch cannot compile. */
function safeMatcher(glob: string): (path: string) => boolean {
  try {
    const m = picomatch(glob, { dot: true });
    return (p) => m(p);
  } catch {
    return () => false;
  }
}

/**
 * The forms of `path` to test: the normalised path; for an absolute path or one that climbs out
 * (`../`), every segment suffix too, since the workspace root is not known here.
 */
function candidates(path: string): string[] {
  const raw = path.trim().replace(/\\/g, '/');
  const outside = /^(?:[A-Za-z]:|[/~])/.test(raw);
  const norm = normalizePath(raw.replace(/^(?:[A-Za-z]:)?[/~]+/, ''));
  if (!norm || norm === '.') return [];
  if (!outside && !norm.startsWith('../')) return [norm];
  const parts = norm.split('/').filter((p) => p && p !== '..');
  return parts.map((_, i) => parts.slice(i).join('/'));
}

/** True when `rule` covers `path` (one candidate form): a match, a glob that may match, a folder that holds it. */
function covers(rule: NeverShareRule, path: string): boolean {
  if (rule.matches(path)) return true;
  if (GLOB_RE.test(path) && safeMatcher(path)(rule.sample)) return true;
  return rule.anchored && safeMatcher(`${path}/**`)(rule.sample);
}

/**
 * The never-share filter of a plan, with the same pattern meaning as the `never-share-path` check
 * (gitignore-like: `dir/` is the folder and everything under it, a name without a slash matches
 * at any depth). A context folder that holds an anchored pattern's files is blocked too.
 */
export function neverShareFilter(plan: Pick<Plan, 'neverShare'>): NeverShareFilter {
  const rules = plan.neverShare
    .map((ref) => compileNeverShare(ref.path, ref.line))
    .filter((r): r is NeverShareRule => r !== undefined);
  const blocks = (path: string): boolean => {
    if (rules.length === 0) return false;
    const forms = candidates(path);
    return forms.some((form) => rules.some((rule) => covers(rule, form)));
  };
  const redact = (text: string): { text: string; hits: string[] } => {
    const hits: string[] = [];
    if (rules.length === 0) return { text, hits };
    const out = text.replace(/[^\s`'"()<>[\]{},;|]+/g, (word) => {
      const token = word.replace(/[.:!?]+$/, '');
      if (!/[./\\]/.test(token) || !blocks(token)) return word;
      hits.push(token);
      return OMITTED_MARK + word.slice(token.length);
    });
    return { text: out, hits };
  };
  return { blocks, redact };
}

/** A report's text with every never-share path replaced by `[omitted]`: reports are made to be shared. */
export function redactReport(plan: Pick<Plan, 'neverShare'>, text: string): string {
  return plan.neverShare.length === 0 ? text : neverShareFilter(plan).redact(text).text;
}
