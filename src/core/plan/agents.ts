import type { Agent } from '../model';
import { TextMemo } from './memo';

// Words that describe how agents run rather than naming one: `(QA_TESTER × 3, parallel)`.
const LEAD_COUNT = /^(\d{1,4})(?=[\s(:]|$)\s{0,3}(?:agents?\b)?\s{0,3}[:\-–]?\s{0,3}/i;
const TIMES_FIRST = /^\d{1,4}\s{0,3}[x×*]/i;
const COUNT_BEFORE = /^(\d{1,4})(?:\s{0,3}[x×*]\s{0,3}|\s{1,3})/i;
const COUNT_AFTER = /(?:^|\s)[xX]\s{0,3}(\d{1,4})$|[×*]\s{0,3}(\d{1,4})$/;
const DIGITS = /^\d+$/;
const MODIFIER = /^(?:in\s{1,3})?(?:parallel|sequential(?:ly)?|in\s{1,3}sequence|serial|concurrent(?:ly)?|each|async|sync)$/i;

/**
 * Reads an agents line as plans write it:
 * `3 (ARCHITECT, TOOLSMITH, QA_TESTER)` → three agents of count 1;
 * `2 (QA_TESTER × 2)`, `3 (QA_TESTER × 3, parallel)`, `QA_TESTER x 2`, `2x QA_TESTER` → one role, counted;
 * `ARCHITECT [opus]` / `ARCHITECT (opus)` → a role with a model;
 * a bare count such as `3` → `[{ role: 'agent', count: 3 }]`.
 * Runs in time linear in the text; never throws. Returns `[]` when the text names no agents.
 */
export function parseAgents(text: string): Agent[] {
  if (text.length > 200) return readAgents(text);
  // Agents lines repeat across sessions: each text is read once (bounded), and every call gets
  // its own copies, since the agents become part of a plan that callers may change.
  const agents = agentsMemo.get(text) ?? agentsMemo.add(text, readAgents);
  return agents.map(copyAgent);
}

const agentsMemo = new TextMemo<Agent[]>(1000);

function copyAgent(a: Agent): Agent {
  return a.model === undefined ? { role: a.role, count: a.count } : { role: a.role, count: a.count, model: a.model };
}

function readAgents(text: string): Agent[] {
  let rest = text.trim();
  const lead = LEAD_COUNT.exec(rest);
  let total: number | undefined;
  if (lead && !TIMES_FIRST.test(rest)) {
    total = Number(lead[1]);
    rest = rest.slice(lead[0].length);
  }
  const listed = rest.startsWith('(') && closingOf(rest, 0) === rest.length - 1;
  if (listed) rest = rest.slice(1, -1);
  const agents: Agent[] = [];
  for (const item of splitTopLevel(rest)) {
    const agent = parseItem(item);
    if (agent) agents.push(agent);
  }
  if (total === undefined) return agents;
  if (agents.length === 0) return [{ role: 'agent', count: total }];
  // `2 QA_TESTER`: a count before a single role counts that role.
  const only = agents[0];
  if (!listed && agents.length === 1 && only && only.count === 1) only.count = total;
  return agents;
}

function parseItem(raw: string): Agent | undefined {
  let s = raw.trim();
  if (s === '' || MODIFIER.test(s)) return undefined;
  let model: string | undefined;
  const last = s[s.length - 1];
  if (last === ']' || last === ')') {
    const open = s.lastIndexOf(last === ']' ? '[' : '(');
    if (open > 0) {
      model = s.slice(open + 1, -1).trim() || undefined;
      s = s.slice(0, open).trim();
    }
  }
  let count = 1;
  // A count is written with digits: before the role (`2x QA`) or at its end (`QA × 2`).
  const before = isDigit(s.charCodeAt(0)) ? COUNT_BEFORE.exec(s) : null;
  const after = isDigit(s.charCodeAt(s.length - 1)) ? COUNT_AFTER.exec(s) : null;
  if (after) {
    count = Number(after[1] ?? after[2]);
    s = s.slice(0, after.index).trim();
  } else if (before && before[0].length < s.length) {
    count = Number(before[1]);
    s = s.slice(before[0].length).trim();
  }
  if (s === '' || (isDigit(s.charCodeAt(0)) && DIGITS.test(s)) || MODIFIER.test(s)) return undefined;
  return model === undefined ? { role: s, count } : { role: s, count, model };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// Character codes compared below (comparing codes avoids building one-character strings).
const OPEN_PAREN = 40; // (
const CLOSE_PAREN = 41; // )
const OPEN_BRACKET = 91; // [
const CLOSE_BRACKET = 93; // ]
const OPEN_BRACE = 123; // {
const CLOSE_BRACE = 125; // }
const COMMA = 44;
const SEMICOLON = 59;
const PLUS = 43;

// Splits on `,`, `;` and ` + ` outside brackets, so `ARCHITECT (opus), QA` stays two items.
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === OPEN_PAREN || c === OPEN_BRACKET || c === OPEN_BRACE) depth++;
    else if ((c === CLOSE_PAREN || c === CLOSE_BRACKET || c === CLOSE_BRACE) && depth > 0) depth--;
    else if (depth === 0 && (c === COMMA || c === SEMICOLON || c === PLUS)) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

// The index of the bracket closing the one at `open`, or -1.
function closingOf(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === OPEN_PAREN) depth++;
    else if (c === CLOSE_PAREN && --depth === 0) return i;
  }
  return -1;
}
