/**
 * A copy of `s` that holds no reference to the text it was sliced from.
 *
 * V8 makes a slice of 13 or more characters a view into its parent string, so a slice kept in a
 * module-level memo would keep the whole plan it came from alive for as long as the extension
 * host runs. Concatenation followed by a slice makes V8 flatten the pair into a new string of
 * `s.length + 1` characters, and the result is a view into that small string alone (shown by
 * test/unit/plan/retention.test.ts). Used only where a memo stores a key or value, which is rare
 * (once per distinct line), never per line read.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
