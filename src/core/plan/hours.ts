import type { Hours, Window } from '../model';
import { TextMemo } from './memo';

/** Working hours per day and per week, used to turn `(3-5 days)` into hours. */
export const HOURS_PER_DAY = 8;
export const HOURS_PER_WEEK = 40;

const UNIT_NAMES: Record<string, { unit: NonNullable<Hours['unit']>; factor: number }> = {
  m: { unit: 'minutes', factor: 1 / 60 },
  min: { unit: 'minutes', factor: 1 / 60 },
  mins: { unit: 'minutes', factor: 1 / 60 },
  minute: { unit: 'minutes', factor: 1 / 60 },
  minutes: { unit: 'minutes', factor: 1 / 60 },
  h: { unit: 'hours', factor: 1 },
  hr: { unit: 'hours', factor: 1 },
  hrs: { unit: 'hours', factor: 1 },
  hour: { unit: 'hours', factor: 1 },
  hours: { unit: 'hours', factor: 1 },
  d: { unit: 'days', factor: HOURS_PER_DAY },
  day: { unit: 'days', factor: HOURS_PER_DAY },
  days: { unit: 'days', factor: HOURS_PER_DAY },
  w: { unit: 'weeks', factor: HOURS_PER_WEEK },
  wk: { unit: 'weeks', factor: HOURS_PER_WEEK },
  wks: { unit: 'weeks', factor: HOURS_PER_WEEK },
  week: { unit: 'weeks', factor: HOURS_PER_WEEK },
  weeks: { unit: 'weeks', factor: HOURS_PER_WEEK },
};
// A Map: looking up a freshly sliced string in it is cheaper than a property lookup.
const UNIT = new Map(Object.entries(UNIT_NAMES));

// A number, optionally a range: `3`, `2.5`, `3-4`, `3–4`, `3 to 4`, `1,200`. Bounded quantifiers
// keep every match linear in the input.
const AMOUNT =
  /(~ ?|≈ ?|about |approx\.? )?(\d{1,6}(?:[.,]\d{1,3})?)\+?(?:\s{0,3}(?:-|–|—|−|to)\s{0,3}(\d{1,6}(?:[.,]\d{1,3})?))?\+?\s{0,3}([a-z]{1,7})\b/i;

const COMPOUND = /^\(?(~ ?|≈ ?|about |approx\.? )?(\d{1,4})\s{0,2}h(?:ours?|rs?)?\s{0,2}(?:and\s{1,2})?(\d{1,2})\s{0,2}m(?:in(?:ute)?s?)?\b/i;

const THOUSANDS = /^\d{1,3},\d{3}$/;
const BARE = /^(~)?(\d{1,6}(?:\.\d{1,3})?)\s{0,3}(?:(?:-|–|−)\s{0,3}(\d{1,6}(?:\.\d{1,3})?))?\+?$/;
const CALENDAR_POSITION = /^\(?\s*(week|day|hour)s?\s+\d/i;
const WINDOW = /\b(hour|day|week)s?\s{1,3}(\d{1,5})(?:\s{0,3}(?:-|–|−|to)\s{0,3}(\d{1,5}))?/i;

function num(s: string): number {
  // `1,200` is a thousands separator; `2,5` a decimal comma.
  if (!s.includes(',')) return Number(s);
  return Number(THOUSANDS.test(s) ? s.replace(',', '') : s.replace(',', '.'));
}

/**
 * Parses a duration as people write it: `4 hours`, `~3 hours`, `3-4 hours`, `4h`, `8-12h`,
 * `~45 minutes`, `~2.5 hours (08:00-10:30 HST)`, `(1 day)`, `(3-5 days)`. Text that names no
 * duration (`(Week 1)`, `Session execution`) is kept as text with no min/max.
 * A bare number counts as hours (overview tables: `| 4 |`).
 */
export function parseHours(raw: string): Hours | undefined {
  if (raw.length > 200) return readHours(raw);
  // Plans repeat their durations (`4 hours` in every session): each text is read once (bounded),
  // and every call gets its own copy, since callers add keys (`line`) to the result.
  // (`null` remembers a text that names no duration, so `??` would read it again.)
  let hours = hoursMemo.get(raw);
  if (hours === undefined) hours = hoursMemo.add(raw, (own) => readHours(own) ?? null);
  return hours === null ? undefined : copyHours(hours);
}

const hoursMemo = new TextMemo<Hours | null>(1000);

/** A copy of a parsed duration with its keys in the order readHours writes them. */
function copyHours(h: Hours): Hours {
  const copy: Hours = h.min === undefined ? { text: h.text } : { text: h.text, min: h.min, max: h.max, unit: h.unit };
  if (h.approximate) copy.approximate = true;
  return copy;
}

function readHours(raw: string): Hours | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const bare = BARE.exec(text);
  if (bare) {
    const min = num(bare[2]!);
    const max = bare[3] !== undefined ? num(bare[3]) : min;
    return withApprox({ text, min: Math.min(min, max), max: Math.max(min, max), unit: 'hours' }, bare[1]);
  }
  // `Week 1`, `Weeks 1-3`, `Day 5`: a calendar position, not a length.
  if (CALENDAR_POSITION.test(text)) return { text };
  // `1h30m`, `2 hours 30 minutes`: hours and minutes together, at the start.
  // (It needs an `m` for the minutes: most durations have none.)
  const hm = text.includes('m') || text.includes('M') ? COMPOUND.exec(text) : null;
  if (hm) {
    const h = round(Number(hm[2]) + Number(hm[3]) / 60);
    return withApprox({ text, min: h, max: h, unit: 'hours' }, hm[1]);
  }
  const m = AMOUNT.exec(text);
  if (!m) return { text };
  const unit = UNIT.get(m[4]!.toLowerCase());
  if (!unit) return { text };
  const a = num(m[2]!) * unit.factor;
  const b = m[3] !== undefined ? num(m[3]) * unit.factor : a;
  return withApprox({ text, min: round(Math.min(a, b)), max: round(Math.max(a, b)), unit: unit.unit }, m[1]);
}

function withApprox(h: Hours, tilde: string | undefined): Hours {
  if (tilde) h.approximate = true;
  return h;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Reads a calendar window: `Week 1`, `Weeks 1-3`, `Days 1-2`, `Day 5`, `Hour 0-4`.
 * Returns the first one found in the text.
 */
export function parseWindow(text: string): Window | undefined {
  const m = WINDOW.exec(text);
  if (!m) return undefined;
  const from = Number(m[2]);
  const to = m[3] !== undefined ? Number(m[3]) : from;
  return { unit: m[1]!.toLowerCase() as Window['unit'], from, to };
}
