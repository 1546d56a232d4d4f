// Deeply nested inputs: each builds a document nested `depth` levels deep.

/** Builders of deeply nested documents, by name. */
export const DEEP_INPUTS: Readonly<Record<string, (depth: number) => string>> = {
  'block sequence "- - - …"': (d) => '- '.repeat(d),
  'flow sequence "[[[…"': (d) => '['.repeat(d),
  'flow map "{{{…"': (d) => '{'.repeat(d),
  'flow map "{a: {a: …"': (d) => '{a: '.repeat(d),
  'indented maps "a:\\n a:\\n  a:…"': (d) => Array.from({ length: d }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
  'blockquotes "> > > …"': (d) => '> '.repeat(d),
  'nested list items': (d) => Array.from({ length: d }, (_, i) => `${'  '.repeat(i)}- [ ] x`).join('\n'),
};
