// Numbers and counted nouns in messages, reports and the CLI: one place, so no text says `1 file(s)`.

/** `1,234` (thousands separated, as the reports and messages write numbers). */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 file`, `3 files`, `1,200 files`; `many` for an irregular plural (`criterion`, `criteria`). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${num(n)} ${n === 1 ? word : many}`;
}
