// What the reader remembers between reads: bounded memos of what a repeated text means (a table
// header, a section heading, a label, a duration, an agents line), and the copy that keeps such a
// memo from holding on to the plan the text came from.

/**
 * A copy of `s` that holds no reference to the text it was sliced from.
 *
 * V8 makes a slice of 13 or more characters a view into its parent string, so a slice kept in a
 * module-level memo would keep the whole plan it came from alive for as long as the extension
 * host runs. Concatenation followed by a slice makes V8 flatten the pair into a new string of
 * `s.length + 1` characters, and the result is a view into that small string alone (shown by
 * test/unit/plan/retention.test.ts). Used only where something outlives a read, which is rare
 * (once per distinct line), never per line read.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * A memo from texts to what they mean, kept between reads, cleared when it holds `limit` entries.
 * An entry is read from a copy of its text (ownCopy), so neither its key nor anything its value
 * holds is a slice of the plan being read.
 */
export class TextMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** What `text` was read as, or undefined when it is not remembered. */
  get(text: string): V | undefined {
    return this.entries.get(text);
  }

  /** Reads `text` with `read` (from a copy of it) and remembers the result. */
  add(text: string, read: (own: string) => V): V {
    if (this.entries.size >= this.limit) this.entries.clear();
    const own = ownCopy(text);
    const value = read(own);
    this.entries.set(own, value);
    return value;
  }
}
