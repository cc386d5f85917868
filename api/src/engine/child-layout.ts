// Children per parent without holding the child table: parent j has count(j) children, a pure
// function of (key, j); checkpoints every 1024 parents let child row i find its parent fast.
import { type Key, unitAt } from './random.js';

const STRIDE = 1024;

export class ChildLayout {
  readonly total: number;
  private readonly checkpoints: Float64Array;
  private cachedBlock = -1;
  private readonly prefix = new Float64Array(STRIDE + 1);

  constructor(
    private readonly parentRows: number,
    private readonly min: number,
    private readonly max: number,
    private readonly key: Key,
  ) {
    const blocks = Math.ceil(parentRows / STRIDE);
    this.checkpoints = new Float64Array(blocks + 1);
    let total = 0;
    for (let b = 0; b < blocks; b++) {
      this.checkpoints[b] = total;
      const end = Math.min(parentRows, (b + 1) * STRIDE);
      for (let j = b * STRIDE; j < end; j++) total += this.countOf(j);
    }
    this.checkpoints[blocks] = total;
    this.total = total;
  }

  countOf(parent: number): number {
    return this.min + Math.floor(unitAt(this.key, parent) * (this.max - this.min + 1));
  }

  /** The parent row of child row i (children are laid out parent by parent, in parent order). */
  parentOf(child: number): number {
    const c = this.checkpoints;
    let lo = 0;
    let hi = c.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (c[mid] <= child) lo = mid;
      else hi = mid - 1;
    }
    const block = lo;
    const base = block * STRIDE;
    const count = Math.min(STRIDE, this.parentRows - base);
    if (this.cachedBlock !== block) {
      this.prefix[0] = c[block];
      for (let k = 0; k < count; k++) this.prefix[k + 1] = this.prefix[k] + this.countOf(base + k);
      this.cachedBlock = block;
    }
    // last k with prefix[k] <= child < prefix[k + 1]
    let a = 0;
    let b = count - 1;
    while (a < b) {
      const mid = (a + b + 1) >>> 1;
      if (this.prefix[mid] <= child) a = mid;
      else b = mid - 1;
    }
    return base + a;
  }
}
