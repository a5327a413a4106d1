import type { MetricsPoint } from './nodeStats';

/**
 * OneContainerPoints is a pod's container points when the pod has one container (nearly every
 * pod): a read-only map of one entry. A scrape makes one per pod and metrics-server keeps two
 * scrapes; at 150,000 pods a JS Map each (its hash table sized for 4 entries, ~180 bytes) was
 * 50 MB of retained heap and most of a scrape's allocation. This is two fields.
 */
export class OneContainerPoints implements ReadonlyMap<string, MetricsPoint> {
  constructor(
    readonly name: string,
    readonly point: MetricsPoint,
  ) {}

  get size(): number {
    return 1;
  }

  get(name: string): MetricsPoint | undefined {
    return name === this.name ? this.point : undefined;
  }

  has(name: string): boolean {
    return name === this.name;
  }

  forEach(callback: (value: MetricsPoint, key: string, map: ReadonlyMap<string, MetricsPoint>) => void, thisArg?: unknown): void {
    callback.call(thisArg, this.point, this.name, this);
  }

  *entries(): MapIterator<[string, MetricsPoint]> {
    yield [this.name, this.point];
  }

  *keys(): MapIterator<string> {
    yield this.name;
  }

  *values(): MapIterator<MetricsPoint> {
    yield this.point;
  }

  [Symbol.iterator](): MapIterator<[string, MetricsPoint]> {
    return this.entries();
  }
}

/**
 * withPoint returns `points` with `name`'s point added: a pod's first container gets a
 * OneContainerPoints, a second one turns it into a Map. A Map given is changed in place: pass
 * only points being built.
 */
export function withPoint(points: ReadonlyMap<string, MetricsPoint> | undefined, name: string, point: MetricsPoint): ReadonlyMap<string, MetricsPoint> {
  if (points === undefined) return new OneContainerPoints(name, point);
  const map = points instanceof Map ? (points as Map<string, MetricsPoint>) : new Map(points);
  map.set(name, point);
  return map;
}
