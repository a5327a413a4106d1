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
  private readonly lastStates = new Map<string, Map<string, ContainerState>>();
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
    const previous = this.lastStates.get(uid) ?? new Map<string, ContainerState>();
    const current = new Map<string, ContainerState>();
    for (const container of this.runtime.podContainers(uid)) current.set(container.id, container.state);
    if (this.sim.trace.enabled) {
      for (const [id, state] of current) {
        const before = previous.get(id);
        if (before === state) continue;
        const type: PodLifecycleEventType = state === 'CONTAINER_RUNNING' ? 'ContainerStarted' : state === 'CONTAINER_EXITED' ? 'ContainerDied' : 'ContainerChanged';
        this.sim.emit({ component: this.component, kind: 'pleg.event', podUid: uid, type, containerId: id });
      }
      for (const id of previous.keys()) if (!current.has(id)) this.sim.emit({ component: this.component, kind: 'pleg.event', podUid: uid, type: 'ContainerRemoved', containerId: id });
    }
    if (current.size === 0) this.lastStates.delete(uid);
    else this.lastStates.set(uid, current);
  }
}
