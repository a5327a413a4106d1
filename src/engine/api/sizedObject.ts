/**
 * sizedObject(n) returns an empty plain object (prototype Object.prototype) with room for n
 * properties inside the object itself.
 *
 * Why: V8 gives `{}` room for 4 properties; a 5th and later go to a separate property array
 * (16 bytes of header plus spare slots), and an object that gains ~16 or more that way falls back
 * to a hash table. Copies built key by key (the apiserver's decode and defaulting, the storage
 * codec) made every stored Event, pod, metadata and status that way: a heap snapshot of 10,000
 * pods held 368,000 property arrays, 10 % of the heap. An object literal, or one made by a
 * constructor whose instances V8 has already sized (in-object slack tracking: after its first
 * few instances it keeps exactly the room they used), has them all inline.
 *
 * So there is one constructor per size, each shown a few instances of exactly that size at load.
 */
const MAX_INLINE = 32;

function makeSized(): new () => Record<string, unknown> {
  function Sized(this: Record<string, unknown>): void {
    // Never runs. V8 counts these stores to size the first instances (24, plus 8 it adds), and
    // `Sized.never` is a property, so no minifier can drop the block as dead code.
    if ((Sized as { never?: boolean }).never) {
      this.p0 = this.p1 = this.p2 = this.p3 = this.p4 = this.p5 = this.p6 = this.p7 = 0;
      this.p8 = this.p9 = this.p10 = this.p11 = this.p12 = this.p13 = this.p14 = this.p15 = 0;
      this.p16 = this.p17 = this.p18 = this.p19 = this.p20 = this.p21 = this.p22 = this.p23 = 0;
    }
  }
  Sized.prototype = Object.prototype;
  return Sized as unknown as new () => Record<string, unknown>;
}

/** How many instances V8 watches before it fixes the size (Map::kSlackTrackingCounterStart is 7). */
const SIZING_INSTANCES = 8;

const constructors: Array<new () => Record<string, unknown>> = [];
for (let size = 0; size <= MAX_INLINE; size++) {
  const Sized = makeSized();
  for (let i = 0; i < SIZING_INSTANCES; i++) {
    const sample = new Sized();
    for (let p = 0; p < size; p++) sample[`p${p}`] = 0;
  }
  constructors.push(Sized);
}

export function sizedObject(n: number): Record<string, unknown> {
  return n > 4 && n <= MAX_INLINE ? new constructors[n]() : {};
}
