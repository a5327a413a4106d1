import type { KubeObject } from '../api/object';
import type { Simulator } from '../sim/simulator';
import type { ObjectRef } from '../sim/trace';

/**
 * traceDecision records what a controller decided (scale a ReplicaSet, create pods, delete a
 * dependent...) as one trace event, so the UI can narrate a rollout step by step. Kinds are dotted
 * (`deployment.scale`, `replicaset.createPods`, `gc.delete`) and fields are only ever added.
 */
export function traceDecision(sim: Simulator, component: string, kind: string, ref: ObjectRef | undefined, detail: Record<string, unknown> = {}): void {
  if (sim.trace.enabled) sim.emit({ component, kind, ref, ...detail });
}

/** refOf is the trace reference of an API object. */
export function refOf(obj: KubeObject): ObjectRef {
  const meta = obj.metadata ?? {};
  return { kind: obj.kind ?? '', namespace: meta.namespace, name: meta.name ?? '', uid: meta.uid };
}
