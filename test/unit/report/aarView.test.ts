import * as assert from 'node:assert/strict';
import type { AarModel } from '../../../src/core/reports/aar';
import { aarReportView } from '../../../src/vscode/report/aarView';

const HOUR = 3_600_000;

function model(actualMs: number | undefined): AarModel {
  return {
    title: 'Relay',
    planFile: 'relay.marathon.md',
    generatedAt: 0,
    sessions: [
      {
        id: 'R1', title: 'Survey', status: 'partial', why: 'x', runState: 'done',
        completion: { percent: 50 } as AarModel['sessions'][number]['completion'],
        plannedMs: 2 * HOUR, ...(actualMs !== undefined ? { actualMs, efficiency: (2 * HOUR) / actualMs } : {}),
        deliverables: [{ session: 'R1', path: 'src/a.ts', text: 'src/a.ts', state: 'present', lines: 10 }, { session: 'R1', text: 'prose', state: 'unchecked' }],
        blockers: [],
      },
    ],
    totals: {
      sessions: 1, byStatus: { done: 0, partial: 1, blocked: 0, 'not-started': 0 }, itemsDone: 1, items: 2, percent: 50,
      plannedMs: actualMs === undefined ? 0 : 2 * HOUR, actualMs: actualMs ?? 0, timedSessions: actualMs === undefined ? 0 : 1, onClock: [],
      ...(actualMs ? { efficiency: (2 * HOUR) / actualMs } : {}),
      deliverables: { present: 1, stub: 0, missing: 0, unchecked: 1 },
    },
    blockers: [],
    terminals: { terminals: 0, stillOpen: 0, maxConcurrent: 0, busyMs: 0, wallMs: 0 },
    checkpoints: [],
    notMeasured: actualMs === undefined ? ['Hours of 1 session with no timer data: R1.'] : [],
  };
}

describe('report view of an AAR model', () => {
  it('maps sessions, hours and deliverables into panels, leaving unchecked deliverables out', () => {
    const v = aarReportView(model(3 * HOUR), { kind: 'aar', markdown: '# x', findings: [] });
    assert.deepEqual(v.timeline, [{ session: 'R1', title: 'Survey', plannedHours: 2, actualHours: 3, note: 'partial' }]);
    assert.deepEqual(v.deliverables, [{ session: 'R1', path: 'src/a.ts', state: 'present', lines: 10 }]);
    assert.match(v.metrics.find((m) => m.label === 'Hours')?.detail ?? '', /efficiency 0\.67/);
    assert.equal(v.partial, undefined);
  });

  it('counts in English in its cards: "1 timed session", "0 stubs", "1 commit", "1 author"', () => {
    const m = model(3 * HOUR);
    const v = aarReportView(m, { kind: 'aar', markdown: '', findings: [] });
    assert.match(v.metrics.find((x) => x.label === 'Hours')?.detail ?? '', /^actual of planned, over 1 timed session · /);
    assert.equal(v.metrics.find((x) => x.label === 'Deliverables')?.detail, '0 stubs · 0 missing · 1 unchecked');
    const commit = { hash: 'a'.repeat(40), subject: 's', author: 'A', time: 0 } as unknown as NonNullable<AarModel['git']>['commits'][number];
    m.git = { commits: [commit], filesChanged: 1, insertions: 2, deletions: 0, authors: ['A'] } as unknown as AarModel['git'];
    const git = aarReportView(m, { kind: 'aar', markdown: '', findings: [] }).metrics.find((x) => x.label === 'Git');
    assert.equal(git?.value, '1 commit');
    assert.equal(git?.detail, '1 file · +2 −0 · 1 author');
  });

  it('leaves a session still on the clock out of the hours and marks its timeline row', () => {
    const m = model(undefined);
    const [s] = m.sessions;
    m.sessions = [{ ...s!, runState: 'running', actualMs: HOUR / 2 }];
    m.totals.onClock = ['R1'];
    const v = aarReportView(m, { kind: 'aar', markdown: '', findings: [] });
    const h = v.metrics.find((x) => x.label === 'Hours');
    assert.equal(h?.value, 'on the clock');
    assert.equal(h?.detail, 'compared with the plan once stopped · 1 still on the clock');
    assert.deepEqual(v.timeline, [{ session: 'R1', title: 'Survey', plannedHours: 2, actualHours: 0.5, onClock: true, note: 'partial' }]);
    m.sessions = [{ ...s!, runState: 'paused', actualMs: HOUR / 2 }];
    assert.equal(aarReportView(m, { kind: 'aar', markdown: '', findings: [] }).timeline[0]?.onClock, true, 'paused is on the clock too');
  });

  it('says "no timer data" instead of guessing, and shows no efficiency over less than a minute', () => {
    const none = aarReportView(model(undefined), { kind: 'plan', markdown: '', findings: [] });
    assert.equal(none.metrics.find((m) => m.label === 'Hours')?.value, 'no timer data');
    assert.equal(none.timeline[0]?.note, 'partial; no timer data');
    assert.deepEqual(none.partial, ['Hours of 1 session with no timer data: R1.']);
    const blink = aarReportView(model(2_000), { kind: 'plan', markdown: '', findings: [] });
    assert.doesNotMatch(blink.metrics.find((m) => m.label === 'Hours')?.detail ?? '', /efficiency/);
  });
});
