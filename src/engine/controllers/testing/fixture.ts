import type { KubeObject } from '../../api/object';
import { namespacedName } from '../../api/object';
import { SharedIndexInformer } from '../../client/cache/sharedInformer';
import { EventRecorder } from '../../client/record/eventRecorder';
import type { ApiClient } from '../../client/client';
import { Simulator } from '../../sim/simulator';
import { spawn, type Task } from '../../sim/task';
import { DEFAULT_EPOCH_MS } from '../../sim/time';
import { FakeClient } from './fakeClient';

/**
 * Fixture is the k8s controller-test fixture: a simulator, a recording FakeClient, informers whose
 * caches the test preloads (never started), and an event recorder that remembers Events.
 */
export class Fixture {
  readonly sim: Simulator;
  readonly client = new FakeClient();
  readonly epochMs = DEFAULT_EPOCH_MS;
  readonly events: string[] = [];

  constructor(startMs = 3_600_000) {
    this.sim = new Simulator(1, startMs);
    this.sim.trace.subscribe((e) => {
      if (e.kind === 'event') this.events.push(`${e.type} ${e.reason} ${e.message}`);
    });
  }

  informer<T extends KubeObject>(resource: string, objects: T[] = []): SharedIndexInformer<T> {
    const informer = new SharedIndexInformer<T>(this.sim, this.client as unknown as ApiClient, resource, {}, 'fixture');
    for (const obj of objects) informer.indexer.upsert(namespacedName(obj), obj as never);
    return informer;
  }

  recorder(component: string): EventRecorder {
    return new EventRecorder(this.sim, this.client as unknown as ApiClient, { component }, this.epochMs, this.sim.rng.fork('events'));
  }

  /** run drives one task to completion on the sim clock and returns its value. */
  run<T>(task: Task<T>, limitMs = 60_000): T {
    const future = spawn(task);
    this.sim.runWhile(() => !future.isSettled, this.sim.nowMs + limitMs);
    if (!future.isSettled) throw new Error('task did not finish');
    return future.value;
  }
}
