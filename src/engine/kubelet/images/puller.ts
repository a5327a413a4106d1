// Mirrors kubernetes pkg/kubelet/images/puller.go (v1.32): with serializeImagePulls (the
// default) one pull at a time per node, in request order; otherwise all at once.
import type { ContainerRuntime, PullOutcome } from '../../runtime/containerRuntime';
import { Future } from '../../sim/future';

/** ImagePuller queues pulls to the runtime; a pull's wait in the queue counts in "including waiting". */
export class ImagePuller {
  private readonly queue: Array<{ image: string; done: Future<PullOutcome> }> = [];
  private busy = false;

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly serialize: boolean,
  ) {}

  /** pending is the number of pulls waiting or in progress (for the UI). */
  get pending(): number {
    return this.queue.length + (this.busy ? 1 : 0);
  }

  pullImage(image: string): Future<PullOutcome> {
    if (!this.serialize) return this.runtime.pullImage(image);
    const done = new Future<PullOutcome>();
    this.queue.push({ image, done });
    this.next();
    return done;
  }

  private next(): void {
    if (this.busy) return;
    const item = this.queue.shift();
    if (!item) return;
    this.busy = true;
    this.runtime.pullImage(item.image).then((outcome) => {
      this.busy = false;
      item.done.resolve(outcome);
      this.next();
    });
  }
}
