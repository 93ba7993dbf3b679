/** The simulator's agenda: actions by time (a binary heap), those of one instant in the order they were added. */

type Action = () => void | Promise<void>;

interface Entry {
  at: number;
  seq: number;
  run: Action;
}

export class EventQueue {
  private readonly heap: Entry[] = [];
  private seq = 0;

  push(at: number, run: Action): void {
    this.heap.push({ at, seq: this.seq++, run });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(this.heap[i], this.heap[parent])) break;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  peekAt(): number | undefined {
    return this.heap[0]?.at;
  }

  /** The earliest action, removed. */
  pop(): Action | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (!top || !last) return undefined;
    if (this.heap.length) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let smallest = i;
        if (l < this.heap.length && this.before(this.heap[l], this.heap[smallest])) smallest = l;
        if (r < this.heap.length && this.before(this.heap[r], this.heap[smallest])) smallest = r;
        if (smallest === i) break;
        [this.heap[i], this.heap[smallest]] = [this.heap[smallest], this.heap[i]];
        i = smallest;
      }
    }
    return top.run;
  }

  private before(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}
