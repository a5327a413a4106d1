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
  /** known: by content hash; a hash two different values share keeps the first (never wrong, just unshared). */
  private readonly known = new Map<number, object>();
  /** ids numbers the values held, so a parent's hash names a child. Cleared with `known`; never reused. */
  private readonly ids = new Map<object, number>();
  private nextId = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.known.size;
  }

  /** share returns the known value equal to `value` (frozen), or keeps `value` as that value. */
  share<T extends object>(value: T): T {
    const hash = this.hashOf(value);
    if (hash === undefined) return value;
    const known = this.known.get(hash);
    if (known !== undefined) return sameFields(known, value) ? (known as T) : value;
    if (this.known.size >= this.capacity) {
      this.known.clear();
      this.ids.clear();
    }
    this.known.set(hash, value);
    this.ids.set(value, this.nextId++);
    return value;
  }

  /**
   * hashOf hashes a value's content (keys in order, each value with its type, a nested value by
   * its id) with two 32-bit FNV-1a style lanes, as correlationKey does; no string is built, since
   * this runs for every new part of every stored write. Undefined when a field holds an object
   * this table does not hold (its parent cannot be known either), or for a value too big to be
   * repeated whole (a pod's spec or status).
   */
  private hashOf(value: object): number | undefined {
    const lanes = LANES;
    lanes[0] = 0x811c9dc5;
    lanes[1] = 0x2f6b9c47;
    if (Array.isArray(value)) {
      if (value.length > MAX_FIELDS) return undefined;
      mix(lanes, 0x41 + value.length);
      for (let i = 0; i < value.length; i++) if (!this.mixValue(lanes, value[i])) return undefined;
    } else {
      let fields = 0;
      const record = value as Record<string, unknown>;
      for (const field in record) {
        if (++fields > MAX_FIELDS) return undefined;
        mixText(lanes, field);
        if (!this.mixValue(lanes, record[field])) return undefined;
      }
    }
    return (lanes[0] >>> 0) * 0x200000 + ((lanes[1] >>> 0) >>> 11);
  }

  private mixValue(lanes: Int32Array, v: unknown): boolean {
    switch (typeof v) {
      case 'string':
        mix(lanes, 1);
        mixText(lanes, v);
        return true;
      case 'number':
        mix(lanes, 2);
        if (Number.isSafeInteger(v)) {
          mix(lanes, v | 0);
          mix(lanes, Math.floor(v / 0x100000000) | 0);
        } else mixText(lanes, String(v));
        return true;
      case 'boolean':
        mix(lanes, v ? 3 : 4);
        return true;
      case 'undefined':
        mix(lanes, 5);
        return true;
      case 'object': {
        if (v === null) {
          mix(lanes, 6);
          return true;
        }
        const id = this.ids.get(v);
        if (id === undefined) return false;
        mix(lanes, 7);
        mix(lanes, id | 0);
        mix(lanes, Math.floor(id / 0x100000000) | 0);
        return true;
      }
      default:
        return false;
    }
  }
}

/** MAX_FIELDS: bigger values (specs, statuses, Node objects) are never repeated whole. */
const MAX_FIELDS = 8;

/** LANES: hashOf's two lanes (the engine is single-threaded and hashOf does not re-enter). */
const LANES = new Int32Array(2);

function mix(lanes: Int32Array, word: number): void {
  lanes[0] = Math.imul(lanes[0] ^ word, 0x01000193);
  lanes[1] = Math.imul(lanes[1] ^ word, 0x5bd1e995);
}

/** mixText mixes a string's code units and then its end, so "ab"+"c" and "a"+"bc" differ. */
function mixText(lanes: Int32Array, text: string): void {
  for (let i = 0; i < text.length; i++) mix(lanes, text.charCodeAt(i));
  mix(lanes, 0x10000 + text.length);
}

/** sameFields: same kind, same keys and identical field values (children are shared ones). */
function sameFields(a: object, b: object): boolean {
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in y) {
    if (!Object.prototype.hasOwnProperty.call(x, key) || x[key] !== y[key]) return false;
    count++;
  }
  for (const _ in x) count--;
  return count === 0 && (!Array.isArray(a) || a.length === (b as unknown[]).length);
}
