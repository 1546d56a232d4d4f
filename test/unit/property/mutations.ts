// Random damage to a real document: the edits a person, a bad merge or a broken tool makes.
import fc from 'fast-check';
import { INLINE_FRAGMENTS, LINE_FRAGMENTS } from './arbitraries';

/** One edit. Positions are fractions in [0, 1) of the text (or of its lines). */
export type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number }
  | { kind: 'insert'; at: number; fragment: string }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'truncate'; at: number };

const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const span = fc.integer({ min: 1, max: 2000 });
const fragment = fc.oneof(
  fc.constantFrom(...LINE_FRAGMENTS).map((l) => `${l}\n`),
  fc.constantFrom(...INLINE_FRAGMENTS),
  fc.string({ maxLength: 8 }),
);

/** One random edit. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: frac, length: span }),
  fc.record({ kind: fc.constant('duplicate' as const), at: frac, length: span, to: frac }),
  fc.record({ kind: fc.constant('insert' as const), at: frac, fragment }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: frac, b: frac }),
  fc.record({ kind: fc.constant('truncate' as const), at: frac }),
);

/** One to six edits, applied in order. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 6 });

function pos(at: number, length: number): number {
  return Math.min(length, Math.floor(at * (length + 1)));
}

/** Applies one edit to `text`. */
export function applyMutation(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'delete': {
      const i = pos(m.at, text.length);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'duplicate': {
      const i = pos(m.at, text.length);
      const piece = text.slice(i, i + m.length);
      const j = pos(m.to, text.length);
      return text.slice(0, j) + piece + text.slice(j);
    }
    case 'insert': {
      const i = pos(m.at, text.length);
      return text.slice(0, i) + m.fragment + text.slice(i);
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = Math.min(lines.length - 1, Math.floor(m.a * lines.length));
      const b = Math.min(lines.length - 1, Math.floor(m.b * lines.length));
      const la = lines[a] ?? '';
      lines[a] = lines[b] ?? '';
      lines[b] = la;
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, pos(m.at, text.length));
  }
}

/** Applies the edits in order. */
export function applyMutations(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}
