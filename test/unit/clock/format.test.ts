import assert from 'node:assert/strict';
import { budgetLevel, budgetMs, budgetRatio, formatElapsed, formatTimer } from '../../../src/core/clock';
import type { Hours } from '../../../src/core/model';
import { HOUR, MIN } from './helpers';

const hours = (min?: number, max?: number): Hours => ({ text: 'x', min, max });
const ran = (ms: number) => ({ elapsedMs: ms });

describe('clock: budget and formatting', () => {
  it('budgetMs uses the upper end of a range, else the lower, else none', () => {
    assert.equal(budgetMs(hours(3, 4)), 4 * HOUR);
    assert.equal(budgetMs(hours(2.5)), 2.5 * HOUR);
    assert.equal(budgetMs(hours(20 / 60, 20 / 60)), 20 * MIN); // rounded: no 19:59.999
    assert.equal(budgetMs(hours()), undefined);
    assert.equal(budgetMs(undefined), undefined);
    assert.equal(budgetMs(hours(0)), 0);
    assert.equal(budgetMs(hours(Number.POSITIVE_INFINITY)), undefined);
  });

  it('formatElapsed writes h:mm, minutes rounded down', () => {
    assert.equal(formatElapsed(72 * MIN), '1:12');
    assert.equal(formatElapsed(5 * MIN + 59_999), '0:05');
    assert.equal(formatElapsed(12 * HOUR), '12:00');
    assert.equal(formatElapsed(105 * HOUR + 30 * MIN), '105:30');
    assert.equal(formatElapsed(0), '0:00');
    assert.equal(formatElapsed(59_999), '0:00');
    assert.equal(formatElapsed(-5 * MIN), '0:00');
    assert.equal(formatElapsed(Number.NaN), '0:00');
  });

  it('formatTimer shows the budget when there is one', () => {
    assert.equal(formatTimer(ran(72 * MIN), hours(4)), '1:12 / 4:00');
    assert.equal(formatTimer(ran(72 * MIN), hours(3, 4.5)), '1:12 / 4:30');
    assert.equal(formatTimer(ran(72 * MIN)), '1:12');
    assert.equal(formatTimer(ran(72 * MIN), hours()), '1:12');
  });

  it('budgetRatio is elapsed over budget, none without a budget above 0', () => {
    assert.equal(budgetRatio(ran(2 * HOUR), hours(4)), 0.5);
    assert.equal(budgetRatio(ran(2 * HOUR), undefined), undefined);
    assert.equal(budgetRatio(ran(2 * HOUR), hours(0)), undefined);
  });

  it('budgetLevel boundaries: 80% is warning, 100% is warning, beyond is over', () => {
    const level = (elapsed: number) => budgetLevel(budgetRatio(ran(elapsed), hours(4)));
    assert.equal(level(0), 'ok');
    assert.equal(level(0.8 * 4 * HOUR - 1), 'ok');
    assert.equal(level(0.8 * 4 * HOUR), 'warning');
    assert.equal(level(4 * HOUR), 'warning');
    assert.equal(level(4 * HOUR + 1), 'over');
    assert.equal(level(1.1 * 4 * HOUR), 'over');
    assert.equal(budgetLevel(0.8), 'warning');
    assert.equal(budgetLevel(1), 'warning');
    assert.equal(budgetLevel(1.1), 'over');
    assert.equal(budgetLevel(undefined), 'ok');
    assert.equal(budgetLevel(Number.NaN), 'ok');
  });
});
