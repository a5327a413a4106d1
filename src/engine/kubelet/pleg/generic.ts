// Mirrors kubernetes pkg/kubelet/pleg/generic.go (v1.32): the Pod Lifecycle Event Generator
// relists the runtime every second and turns container state changes into pod sync triggers.
import type { ContainerRuntime } from '../../runtime/containerRuntime';
import type { ContainerState } from '../../runtime/types';
import type { Simulator, Timer } from '../../sim/simulator';

/** PodLifecycleEventType is what relist reports per container. */
export type PodLifecycleEventType = 'ContainerStarted' | 'ContainerDied' | 'ContainerRemoved' | 'ContainerChanged';

/**
 * GenericPLEG relists on a fixed 1 s grid. Rather than waking every second on every node, it
 * wakes on the next grid tick after the runtime reports a change, which produces the same events
 * at the same times as an idle-or-not ticker would.
 */
export class GenericPLEG {
  private readonly dirty = new Set<string>();
  /**
   * lastStates: per pod, its containers at the last relist as [id, state, id, state, ...], in the
   * runtime's order. A pod has one or two containers; a Map each was ~200 bytes at 150,000 pods.
   */
  private readonly lastStates = new Map<string, readonly string[]>();
  private timer: Timer | undefined;
  private phaseMs = 0;
  private running = false;

  constructor(
    private readonly sim: Simulator,
    private readonly runtime: ContainerRuntime,
    private readonly periodMs: number,
    private readonly component: string,
    private readonly onPodsChanged: (podUids: string[]) => void,
  ) {}

  start(): void {
    this.running = true;
    this.phaseMs = this.sim.nowMs;
    if (this.dirty.size > 0) this.schedule();
  }

  stop(): void {
    this.running = false;
    this.sim.cancel(this.timer);
    this.timer = undefined;
  }

  /** markChanged is the runtime's change notification for one pod. */
  markChanged(podUid: string): void {
    this.dirty.add(podUid);
    if (this.running && !this.timer) this.schedule();
  }

  private schedule(): void {
    const elapsed = this.sim.nowMs - this.phaseMs;
    const nextTickMs = this.phaseMs + (Math.floor(elapsed / this.periodMs) + 1) * this.periodMs;
    this.timer = this.sim.at(nextTickMs, () => this.relist());
  }

  /** relist compares each changed pod's containers with the last relist and reports the pods. */
  private relist(): void {
    this.timer = undefined;
    const uids = [...this.dirty].sort();
    this.dirty.clear();
    for (const uid of uids) this.computeEvents(uid);
    if (uids.length > 0) this.onPodsChanged(uids);
  }

  private computeEvents(uid: string): void {
    const previous = this.lastStates.get(uid) ?? NONE;
    const containers = this.runtime.podContainers(uid);
    const current = new Array<string>(containers.length * 2);
    for (let i = 0; i < containers.length; i++) {
      current[2 * i] = containers[i].id;
      current[2 * i + 1] = containers[i].state;
    }
    if (this.sim.trace.enabled) {
      for (let i = 0; i < current.length; i += 2) {
        const id = current[i];
        const state = current[i + 1] as ContainerState;
        if (stateOf(previous, id) === state) continue;
        const type: PodLifecycleEventType = state === 'CONTAINER_RUNNING' ? 'ContainerStarted' : state === 'CONTAINER_EXITED' ? 'ContainerDied' : 'ContainerChanged';
        this.sim.emit({ component: this.component, kind: 'pleg.event', podUid: uid, type, containerId: id });
      }
      for (let i = 0; i < previous.length; i += 2) {
        if (stateOf(current, previous[i]) === undefined) this.sim.emit({ component: this.component, kind: 'pleg.event', podUid: uid, type: 'ContainerRemoved', containerId: previous[i] });
      }
    }
    if (current.length === 0) this.lastStates.delete(uid);
    else this.lastStates.set(uid, current);
  }
}

const NONE: readonly string[] = [];

/** stateOf finds a container's state in an [id, state, ...] list. */
function stateOf(list: readonly string[], id: string): string | undefined {
  for (let i = 0; i < list.length; i += 2) if (list[i] === id) return list[i + 1];
  return undefined;
}
