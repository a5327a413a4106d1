import { flattened } from './flat';

/**
 * SharedValues hands out one frozen instance per distinct small value (a plain object or array
 * whose fields are primitives or values it handed out), so identical parts of stored objects are
 * one object in memory, the way RecentStrings does it for texts.
 *
 * Stored pods repeat the same small parts many times: every pod of a ReplicaSet has the same
 * labels, owner reference and tolerations; pods that change state in the same second carry the
 * same conditions (`{type: Ready, status: True, lastProbeTime: null, lastTransitionTime: …}`) and
 * container states (`{waiting: {reason: ContainerCreating}}`), in every stored version. 10,000 pods
 * held ~10 such objects per pod version.
 *
 * Values are frozen before they are offered, and their identity carries no meaning (a stored
 * object is its content), so handing back an equal one is invisible to readers. Bounded: when
 * full it forgets everything, so unique values (a pod's IP, its token volume) cannot grow it.
 */
export class SharedValues {
  private readonly known = new Map<string, object>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.known.size;
  }

  /** share returns the known value equal to `value` (frozen), or keeps `value` as that value. */
  share<T extends object>(value: T): T {
    const key = this.keyOf(value);
    if (key === undefined) return value;
    const known = this.known.get(key);
    if (known !== undefined) return known as T;
    if (this.known.size >= this.capacity) this.known.clear();
    this.known.set(flattened(key), value);
    return value;
  }

  /**
   * keyOf spells a value's content as a string: keys in order, each value tagged by type and
   * length-prefixed (no text can imitate a separator), a nested value by its own key. Undefined
   * when a field holds an object this table does not hold: its parent cannot be known either.
   */
  private keyOf(value: object): string | undefined {
    if (Array.isArray(value)) {
      let key = `A${value.length}:`;
      for (let i = 0; i < value.length; i++) {
        const part = this.partOf(value[i]);
        if (part === undefined) return undefined;
        key += part;
      }
      return key;
    }
    let key = 'O';
    const record = value as Record<string, unknown>;
    for (const field in record) {
      const part = this.partOf(record[field]);
      if (part === undefined) return undefined;
      key += `${field.length}:${field}${part}`;
    }
    return key;
  }

  private partOf(v: unknown): string | undefined {
    switch (typeof v) {
      case 'string':
        return `s${v.length}:${v}`;
      case 'number':
        return `n${v};`;
      case 'boolean':
        return v ? 't' : 'f';
      case 'undefined':
        return 'u';
      case 'object': {
        if (v === null) return 'z';
        const key = this.keyOf(v);
        if (key === undefined || this.known.get(key) !== v) return undefined;
        return `r${key.length}:${key}`;
      }
      default:
        return undefined;
    }
  }
}
