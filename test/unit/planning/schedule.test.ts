import { randomDag } from '../../../bench/generate';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { criticalPath, graphFromItems, listSchedule, makespanTable, type PlanGraph, type Schedule, type SimpleItem } from '../../../src/core/planning';
import { labels } from './helpers';

// A(3) → B(2) → D(1); A → C(4) → D; E(5) alone.
//   Earliest: A 0-3, B 3-5, C 3-7, D 7-8, E 0-5. Critical path A → C → D = 3 + 4 + 1 = 8 h.
//   Latest:   D 7-8, C 3-7, B 5-7, A 0-3, E 3-8 → slack A 0, B 2, C 0, D 0, E 3.
//   1 instance: everything in a row, 3 + 2 + 4 + 1 + 5 = 15 h.
//   2 instances, longest remaining chain first (A 8, C 5, E 5, B 3, D 1):
//     t=0 A on #0, E on #1; t=3 C on #0 (3-7); t=5 B on #1 (5-7); t=7 D (7-8) → 8 h.
const SMALL: SimpleItem[] = [
  { id: 'A', hours: 3 },
  { id: 'B', hours: 2, dependsOn: ['A'] },
  { id: 'C', hours: 4, dependsOn: ['A'] },
  { id: 'D', hours: 1, dependsOn: ['B', 'C'] },
  { id: 'E', hours: 5 },
];

function validate(graph: PlanGraph, s: Schedule): void {
  const at = new Map(s.items.map((x) => [x.item, x]));
  assert.equal(at.size, graph.items.length, 'every item is scheduled once');
  for (const x of s.items) {
    assert.ok(x.instance >= 0 && x.instance < s.instances);
    assert.ok(Math.abs(x.end - x.start - graph.weight[x.item]!) < 1e-9);
    for (let k = graph.predStart[x.item]!; k < graph.predStart[x.item + 1]!; k++) {
      assert.ok(at.get(graph.preds[k]!)!.end <= x.start + 1e-9, 'an item starts after its dependencies end');
    }
  }
  const byInstance = new Map<number, { start: number; end: number }[]>();
  for (const x of s.items) byInstance.set(x.instance, [...(byInstance.get(x.instance) ?? []), x]);
  for (const list of byInstance.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < list.length; i++) assert.ok(list[i]!.start >= list[i - 1]!.end - 1e-9, 'an instance runs one item at a time');
  }
}

describe('planning: critical path and slack', () => {
  it('computes the longest chain and every slack (checked by hand)', () => {
    const g = graphFromItems(SMALL);
    const cp = criticalPath(g);
    assert.equal(cp.hours, 8);
    assert.deepEqual(labels(g, cp.path), ['A', 'C', 'D']);
    assert.deepEqual([...cp.slack], [0, 2, 0, 0, 3]);
    assert.deepEqual([...cp.earliestStart], [0, 3, 3, 7, 0]);
    assert.deepEqual([...cp.remaining], [8, 3, 5, 1, 5]);
  });

  it('an empty plan has a path of 0 h', () => {
    const cp = criticalPath(graphFromItems([]));
    assert.equal(cp.hours, 0);
    assert.deepEqual(cp.path, []);
  });

  it('a range counts its upper bound', () => {
    const g = graphFromItems([{ id: 'A', hours: 2 }]);
    assert.equal(g.weight[0], 2);
    // Ranges come through the reader: `3-5 hours` weighs 5 (see the lighthouse fixture: Session 102).
  });
});

describe('planning: makespan for N instances', () => {
  it('schedules the small graph as worked out by hand', () => {
    const g = graphFromItems(SMALL);
    const t = makespanTable(g, 3);
    assert.deepEqual(t.rows.map((r) => r.makespan), [15, 8, 8]);
    assert.equal(t.totalHours, 15);
    assert.equal(t.criticalPathHours, 8);
    assert.deepEqual(t.rows.map((r) => Number(r.speedup.toFixed(3))), [1, 1.875, 1.875]);
    assert.deepEqual(t.rows.map((r) => Number(r.utilisation.toFixed(3))), [1, 0.938, 0.625]);
    const two = t.rows[1]!.schedule.items.map((x) => `${g.items[x.item]!.id}@${x.instance}:${x.start}-${x.end}`);
    assert.deepEqual(two, ['A@0:0-3', 'E@1:0-5', 'C@0:3-7', 'B@1:5-7', 'D@0:7-8']);
    validate(g, t.rows[1]!.schedule);
    assert.match(t.assumption, /one instance for its upper-bound hours and is never split/);
  });

  it('zero-hour items take no time and block nothing', () => {
    const g = graphFromItems([{ id: 'M' }, { id: 'A', hours: 2, dependsOn: ['M'] }, { id: 'Z', hours: 0, dependsOn: ['A'] }]);
    const s = listSchedule(g, 2);
    assert.equal(s.makespan, 2);
    validate(g, s);
  });

  it('property: N=1 is the total, never increases with N, never below the critical path', () => {
    const dag = fc.integer({ min: 1, max: 25 }).chain((n) =>
      fc.record({
        hours: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }),
        edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
      }),
    );
    fc.assert(
      fc.property(dag, ({ hours, edges }) => {
        const items: SimpleItem[] = hours.map((h, i) => ({ id: `T${i}`, hours: h, dependsOn: [] as string[] }));
        for (const [a, b] of edges) if (a < b) (items[b]!.dependsOn as string[]).push(`T${a}`);
        const g = graphFromItems(items);
        const t = makespanTable(g, 6);
        const total = hours.reduce((s, h) => s + h, 0);
        assert.equal(t.rows[0]!.makespan, total);
        for (let i = 0; i < t.rows.length; i++) {
          const row = t.rows[i]!;
          assert.ok(row.makespan >= t.criticalPathHours - 1e-9, 'never below the critical path');
          assert.ok(row.makespan >= total / row.instances - 1e-9, 'never below the work per instance');
          if (i > 0) assert.ok(row.makespan <= t.rows[i - 1]!.makespan, 'non-increasing in N');
          validate(g, row.schedule);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: cycles in the input still give a valid schedule', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 30 }), (edges) => {
        const items: SimpleItem[] = Array.from({ length: 8 }, (_, i) => ({ id: `T${i}`, hours: i + 1, dependsOn: [] as string[] }));
        for (const [a, b] of edges) (items[b]!.dependsOn as string[]).push(`T${a}`);
        const g = graphFromItems(items);
        assert.equal(g.topo.length, 8);
        validate(g, listSchedule(g, 3));
      }),
      { numRuns: 200 },
    );
  });

  it('10,000 tasks with 20,000 edges finish quickly (no hang)', function () {
    this.timeout(20000);
    const items = bigItems(10_000, 20_000);
    const started = Date.now();
    const g = graphFromItems(items);
    const t = makespanTable(g, 10);
    const ms = Date.now() - started;
    assert.equal(g.items.length, 10_000);
    assert.equal(g.preds.length, 20_000);
    assert.equal(t.rows.length, 10);
    assert.ok(ms < 10_000, `took ${ms} ms`);
  });
});

/** `n` tasks and `m` distinct edges from earlier to later tasks, from a fixed seed. */
export function bigItems(n: number, m: number): SimpleItem[] {
  return randomDag(n, m, 42, 200);
}
