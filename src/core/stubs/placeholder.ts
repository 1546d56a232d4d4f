// Words that mark text as a placeholder rather than content.

// A line that *starts* with one of these (after markers) says "nothing here yet".
const PLACEHOLDER_START =
  /^(?:todo|fixme|xxx|tbd|tba|wip|hack|placeholder|stub(?:bed)?|coming soon|not (?:yet )?implemented|unimplemented|to ?do|to be (?:written|implemented|done|added|determined|completed)|lorem ipsum|implement(?: me| this| later)?|fill (?:me )?in|write (?:me|this)|content goes here|\(?(?:empty|none yet|nothing yet)\)?)(?:\b|$|[\s:.,!)\]-])/i;

// A TODO-like word anywhere in a comment.
const TODO_ANYWHERE = /\b(?:todo|fixme|tbd|xxx)\b|not (?:yet )?implemented|unimplemented|implement me|\bstub\b|\bplaceholder\b/i;

/** Text a not-implemented throw or raise carries: `not implemented`, `TODO`, `stub` … */
export const NOT_IMPLEMENTED_TEXT = /not\s*(?:yet\s*)?implemented|unimplemented|\btodo\b|\bstub\b|implement\s*me|\bfixme\b/i;

// Comment markers (line and block), list and quote markers, emphasis: all removed.
function stripMarkers(line: string): string {
  let s = line.trim();
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s
      .replace(/^(?:\/\/+|#+|--+|;+|\/\*+|\*+\/?|<!--|>+|[-+*]\s+\[[ xX]?\]|[-+*](?=\s)|\d+[.)](?=\s)|"""|''')\s*/, '')
      .replace(/\s*(?:\*\/|-->|"""|''')$/, '')
      .replace(/^[*_`~]+|[*_`~]+$/g, '')
      .trim();
    if (s === before) break;
  }
  return s;
}

/** True when the line, stripped of comment, list and emphasis markers, is only a placeholder. */
export function isPlaceholderLine(line: string): boolean {
  const s = stripMarkers(line);
  if (s === '') return false;
  if (/^(?:\.{3}|…|\?{2,}|_{3,}|\[(?:tbd|todo|\.\.\.|…)\]|n\/a)$/i.test(s)) return true;
  return PLACEHOLDER_START.test(s);
}

/** True when the line has nothing but comment or list markers (or nothing at all). */
export function isBlankish(line: string): boolean {
  return stripMarkers(line) === '' && !/[A-Za-z0-9]/.test(line);
}

/** True when a comment's text says TODO, FIXME, not implemented, stub or placeholder. */
export function hasTodo(text: string): boolean {
  return TODO_ANYWHERE.test(text);
}
