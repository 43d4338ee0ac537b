const NONE = new Uint32Array(0);

/**
 * Where one node's neighbours over one relationship type sit: `targets[start]` up to, not
 * including, `targets[end]`. `GraphView.neighbourSpan` fills one in place, so loops over
 * thousands of nodes read neighbours without a view per node: a view is an object of about
 * 100 bytes, and 42,000 of them a request were 45% of what a national month's blast radius
 * allocated. A span holds until it is filled again, so a loop inside another takes a span of
 * its own; do not modify `targets`.
 */
export class NeighbourSpan {
  targets: Uint32Array = NONE;
  start = 0;
  end = 0;

  /** Points the span at `targets[start]` up to, not including, `targets[end]`. */
  set(targets: Uint32Array, start: number, end: number): this {
    this.targets = targets;
    this.start = start;
    this.end = end;
    return this;
  }

  get length(): number {
    return this.end - this.start;
  }

  includes(node: number): boolean {
    for (let i = this.start; i < this.end; i++) if (this.targets[i] === node) return true;
    return false;
  }
}
