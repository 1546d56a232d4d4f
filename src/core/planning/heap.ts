/**
 * A binary min-heap of item indices (0 … capacity-1) in an Int32Array, ordered by `before`.
 * Hand-rolled because the scheduler pushes and pops every item once per instance count
 * (10 × 10,000 items in the bench); an array sort per step would be quadratic.
 */
export class IndexHeap {
  private readonly heap: Int32Array;
  private count = 0;

  constructor(
    capacity: number,
    private readonly before: (a: number, b: number) => boolean,
  ) {
    this.heap = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.count;
  }

  /** The first item, without removing it; -1 when empty. */
  peek(): number {
    return this.count > 0 ? (this.heap[0] as number) : -1;
  }

  push(item: number): void {
    const h = this.heap;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as number;
      if (!this.before(item, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = item;
  }

  /** Removes and returns the first item; -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const h = this.heap;
    const top = h[0] as number;
    const last = h[--this.count] as number;
    const n = this.count;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && this.before(h[r] as number, h[l] as number)) c = r;
      const child = h[c] as number;
      if (!this.before(child, last)) break;
      h[i] = child;
      i = c;
    }
    if (n > 0) h[i] = last;
    return top;
  }
}
