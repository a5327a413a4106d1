import { flattened } from './flat';

/**
 * RecentStrings hands out one flat instance per distinct string among those seen lately. An
 * Event keeps its message and fieldPath for its hour of life, and on a busy node most are the
 * same text (`Created container: app`, `spec.containers{app}`): every kubelet building its own
 * copy per event cost ~90 bytes per event (150,000 pods write ~635,000 events). Bounded: when
 * full it forgets everything, so one-off texts (`Successfully assigned default/web-x to node-3`)
 * cannot grow it, and a common text costs one copy per fill.
 */
export class RecentStrings {
  private readonly known = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  /** size: how many distinct strings it holds now. */
  get size(): number {
    return this.known.size;
  }

  intern(s: string): string {
    const known = this.known.get(s);
    if (known !== undefined) return known;
    if (this.known.size >= this.capacity) this.known.clear();
    const copy = flattened(s);
    this.known.set(copy, copy);
    return copy;
  }
}
