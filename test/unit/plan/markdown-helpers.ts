// Shared by the markdown reader tests: fixture loading, a schema-checked read, and mojibake made
// the way real files get it (UTF-8 bytes decoded with the wrong code page).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PlanSchema, type Plan, type Problem, type Session } from '../../../src/core/model';
import { readMarkdownPlan } from '../../../src/core/plan/markdown';

const FIXTURES = path.resolve(__dirname, '../../fixtures/markdown');

/** The text of `test/fixtures/markdown/<name>`. */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Reads markdown text and asserts the model passes the schema, as every reader result must. */
export function parse(text: string): { plan: Plan; problems: Problem[] } {
  const result = readMarkdownPlan(text);
  const valid = PlanSchema.safeParse(result.plan);
  assert.ok(valid.success, valid.success ? '' : valid.error.message);
  assert.deepEqual(result.plan.problems, result.problems, 'plan.problems and problems agree');
  return result;
}

/** The session with this id, or a failure that lists the ids found. */
export function sessionOf(plan: Plan, id: string): Session {
  const s = plan.sessions.find((x) => x.id === id);
  assert.ok(s, `session ${id} not found; have ${plan.sessions.map((x) => x.id).join(', ')}`);
  return s;
}

/** The 1-based number of the first line of `text` that includes `needle`. */
export function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  assert.fail(`"${needle}" is not in the text`);
}

/** Windows-1252 characters for bytes 0x80-0x9F; undefined where the code page has none. */
const CP1252_80_9F: (number | undefined)[] = [
  0x20ac, undefined, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, undefined, 0x017d, undefined,
  undefined, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, undefined, 0x017e, 0x0178,
];

/**
 * `text` as UTF-8 bytes read as Windows-1252. Bytes the code page lacks (0x81 0x8D 0x8F 0x90 0x9D)
 * are dropped, as the decoders that made the corpus files did; `undefinedAs: 'c1'` keeps them as
 * C1 control characters instead (what a Latin-1 decoder does).
 */
export function asCp1252(text: string, undefinedAs: 'drop' | 'c1' = 'drop'): string {
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) {
    if (b < 0x80 || b > 0x9f) out += String.fromCharCode(b);
    else {
      const c = CP1252_80_9F[b - 0x80];
      if (c !== undefined) out += String.fromCharCode(c);
      else if (undefinedAs === 'c1') out += String.fromCharCode(b);
    }
  }
  return out;
}

// Node's own Mac Roman table, independent of the one under test.
const MAC = new TextDecoder('macintosh');

/**
 * `text` as UTF-8 bytes read as Mac Roman. Byte 0xF0 is the Apple logo, which converters write as
 * the private-use U+F8FF (`'apple'`) or drop (`'drop'`).
 */
export function asMacRoman(text: string, appleLogo: 'apple' | 'drop' = 'apple'): string {
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) {
    if (b < 0x80) out += String.fromCharCode(b);
    else if (b === 0xf0) out += appleLogo === 'apple' ? '\uf8ff' : '';
    else out += MAC.decode(Uint8Array.of(b));
  }
  return out;
}
