// A Prometheus histogram as client_golang keeps one: cumulative bucket counts by upper bound,
// the sum and count of what was observed, written in the text exposition format.
import { formatFloatG } from '../../go/strconv';
import { sample } from './textFormat';

/** exponentialBuckets is prometheus.ExponentialBuckets(start, factor, count). */
export function exponentialBuckets(start: number, factor: number, count: number): number[] {
  const bounds: number[] = [];
  for (let i = 0, b = start; i < count; i++, b *= factor) bounds.push(Number(b.toPrecision(12)));
  return bounds;
}

export class Histogram {
  private readonly counts: number[];
  /** sumNs: the observed sum in whole nanoseconds, so a sum of equal durations prints as Go's would. */
  private sumNs = 0;
  private count = 0;

  constructor(private readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0);
  }

  /** observe records one value, in the histogram's unit (seconds for etcd's durations). */
  observe(value: number): void {
    this.sumNs += Math.round(value * 1e9);
    this.count++;
    for (let i = 0; i < this.bounds.length; i++) {
      if (value <= this.bounds[i]) {
        this.counts[i]++;
        return;
      }
    }
  }

  /**
   * lines writes `name_bucket{…,le=…}` (cumulative, then +Inf), `name_sum` and `name_count`, after
   * the series' own labels; none before the first observation.
   */
  lines(name: string, labels: ReadonlyArray<readonly [string, string]> = []): string[] {
    if (this.count === 0) return [];
    const out: string[] = [];
    let cumulative = 0;
    for (let i = 0; i < this.bounds.length; i++) {
      cumulative += this.counts[i];
      out.push(sample(`${name}_bucket`, cumulative, [...labels, ['le', formatFloatG(this.bounds[i])]]));
    }
    out.push(sample(`${name}_bucket`, this.count, [...labels, ['le', '+Inf']]), sample(`${name}_sum`, this.sumNs / 1e9, labels), sample(`${name}_count`, this.count, labels));
    return out;
  }
}
