// parseHours and parseWindow: durations and calendar positions as people write them.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Hours } from '../../../src/core/model';
import { HOURS_PER_DAY, HOURS_PER_WEEK, parseHours, parseWindow } from '../../../src/core/plan/hours';

describe('parseHours', () => {
  const h = (text: string, min: number, max: number, unit: Hours['unit'], approximate = false): Hours =>
    approximate ? { text, min, max, unit, approximate } : { text, min, max, unit };

  const cases: [string, Hours | undefined][] = [
    ['4 hours', h('4 hours', 4, 4, 'hours')],
    ['~3 hours', h('~3 hours', 3, 3, 'hours', true)],
    ['3-4 hours', h('3-4 hours', 3, 4, 'hours')],
    ['4h', h('4h', 4, 4, 'hours')],
    ['8-12h', h('8-12h', 8, 12, 'hours')],
    ['~45 minutes', h('~45 minutes', 0.75, 0.75, 'minutes', true)],
    ['~2.5 hours (08:00-10:30 HST)', h('~2.5 hours (08:00-10:30 HST)', 2.5, 2.5, 'hours', true)],
    ['~16 hours (06:00–21:45 HST)', h('~16 hours (06:00–21:45 HST)', 16, 16, 'hours', true)],
    ['(1 day)', h('(1 day)', 8, 8, 'days')],
    ['(3-5 days)', h('(3-5 days)', 24, 40, 'days')],
    ['(2-3 weeks)', h('(2-3 weeks)', 80, 120, 'weeks')],
    ['(Week 1)', { text: '(Week 1)' }],
    ['Weeks 1-3', { text: 'Weeks 1-3' }],
    ['Day 5', { text: 'Day 5' }],
    ['Hour 0-4', { text: 'Hour 0-4' }],
    ['Session execution', { text: 'Session execution' }],
    ['TBD', { text: 'TBD' }],
    ['~3,200+ lines', { text: '~3,200+ lines' }],
    ['10 CCW terminals', { text: '10 CCW terminals' }],
    // ranges and their dashes
    ['3–4 hours', h('3–4 hours', 3, 4, 'hours')],
    ['3—4 hours', h('3—4 hours', 3, 4, 'hours')],
    ['3−4 hours', h('3−4 hours', 3, 4, 'hours')],
    ['3 to 4 hours', h('3 to 4 hours', 3, 4, 'hours')],
    ['3 - 4 h', h('3 - 4 h', 3, 4, 'hours')],
    ['4-3 hours', h('4-3 hours', 3, 4, 'hours')],
    // bare numbers (overview table cells) are hours
    ['4', h('4', 4, 4, 'hours')],
    ['2.5', h('2.5', 2.5, 2.5, 'hours')],
    ['3-4', h('3-4', 3, 4, 'hours')],
    ['3−4', h('3−4', 3, 4, 'hours')],
    ['~5', h('~5', 5, 5, 'hours', true)],
    ['4+', h('4+', 4, 4, 'hours')],
    ['0', h('0', 0, 0, 'hours')],
    // units and spellings
    ['4 hrs', h('4 hrs', 4, 4, 'hours')],
    ['1 hr', h('1 hr', 1, 1, 'hours')],
    ['4 Hours', h('4 Hours', 4, 4, 'hours')],
    ['4 HOURS', h('4 HOURS', 4, 4, 'hours')],
    ['1.5h', h('1.5h', 1.5, 1.5, 'hours')],
    ['90 min', h('90 min', 1.5, 1.5, 'minutes')],
    ['30m', h('30m', 0.5, 0.5, 'minutes')],
    ['20 mins', h('20 mins', 0.333, 0.333, 'minutes')],
    ['5d', h('5d', 40, 40, 'days')],
    ['2 weeks', h('2 weeks', 80, 80, 'weeks')],
    ['1,200 hours', h('1,200 hours', 1200, 1200, 'hours')],
    ['2,5 hours', h('2,5 hours', 2.5, 2.5, 'hours')],
    ['12+ hours', h('12+ hours', 12, 12, 'hours')],
    // approximations
    ['~ 3 hours', h('~ 3 hours', 3, 3, 'hours', true)],
    ['≈3 hours', h('≈3 hours', 3, 3, 'hours', true)],
    ['≈ 3 hours', h('≈ 3 hours', 3, 3, 'hours', true)],
    ['about 3 hours', h('about 3 hours', 3, 3, 'hours', true)],
    ['approx. 3 hours', h('approx. 3 hours', 3, 3, 'hours', true)],
    // hours and minutes together
    ['1h30m', h('1h30m', 1.5, 1.5, 'hours')],
    ['1h 30m', h('1h 30m', 1.5, 1.5, 'hours')],
    ['~1h45m', h('~1h45m', 1.75, 1.75, 'hours', true)],
    ['2 hours 30 minutes', h('2 hours 30 minutes', 2.5, 2.5, 'hours')],
    // the first duration counts
    ['4 hours (3 hours 30 min actual)', h('4 hours (3 hours 30 min actual)', 4, 4, 'hours')],
    ['36 hours, 25 agent spawns', h('36 hours, 25 agent spawns', 36, 36, 'hours')],
    ['8 hours/day', h('8 hours/day', 8, 8, 'hours')],
    // surrounding whitespace is not part of the text
    ['  4 hours  ', h('4 hours', 4, 4, 'hours')],
    ['', undefined],
    ['   ', undefined],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(parseHours(text), expected));
  }

  it('counts a day as 8 hours and a week as 40', () => {
    assert.equal(HOURS_PER_DAY, 8);
    assert.equal(HOURS_PER_WEEK, 40);
  });

  it('never throws, keeps the trimmed text, and gives 0 <= min <= max when it finds a number (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const r = parseHours(s);
        if (s.trim() === '') return r === undefined;
        if (!r || r.text !== s.trim()) return false;
        if (r.min === undefined) return r.max === undefined && r.unit === undefined;
        return r.max !== undefined && r.min >= 0 && r.min <= r.max && r.unit !== undefined;
      }),
      { numRuns: 500 },
    );
  });

  it('stays fast on long hostile input', () => {
    const started = Date.now();
    parseHours(`${'1'.repeat(20000)} ${'~1-'.repeat(10000)}h`);
    parseHours('1 '.repeat(20000));
    parseHours('1h'.repeat(20000));
    assert.ok(Date.now() - started < 500, `${Date.now() - started} ms`);
  });
});

describe('parseWindow', () => {
  const cases: [string, ReturnType<typeof parseWindow>][] = [
    ['Week 1', { unit: 'week', from: 1, to: 1 }],
    ['(Weeks 1-3)', { unit: 'week', from: 1, to: 3 }],
    ['Weeks 1 - 3', { unit: 'week', from: 1, to: 3 }],
    ['(Weeks 1−3)', { unit: 'week', from: 1, to: 3 }],
    ['weeks 5 to 8', { unit: 'week', from: 5, to: 8 }],
    ['WEEK 3', { unit: 'week', from: 3, to: 3 }],
    ['Days 1-2', { unit: 'day', from: 1, to: 2 }],
    ['Day 1–2', { unit: 'day', from: 1, to: 2 }],
    ['Day 5', { unit: 'day', from: 5, to: 5 }],
    ['Hour 0-4', { unit: 'hour', from: 0, to: 4 }],
    ['Hours 12-16', { unit: 'hour', from: 12, to: 16 }],
    ['Week 6 Checkpoint', { unit: 'week', from: 6, to: 6 }],
    ['4 hours', undefined],
    ['nothing here', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(parseWindow(text), expected));
  }
});
