import type { Event as CoreEvent, ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../api/object';
import type { Rng } from '../../sim/rng';
import type { Simulator } from '../../sim/simulator';
import { toRFC3339, toRFC3339Micro } from '../../sim/time';
import type { ApiClient } from '../client';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  /** `deployment-controller`, `kubelet`, `default-scheduler`, ... */
  component: string;
  /** The node for kubelet events. */
  host?: string;
}

/** EventCorrelator's spam filter: 25 events burst per source+object, then one per 5 minutes. */
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;

interface SeenEvent {
  name: string;
  namespace: string;
  count: number;
}

/**
 * EventRecorder mirrors client-go tools/record (EventBroadcaster + EventCorrelator): it turns
 * recorder.Eventf calls into core/v1 Event objects named `<object>.<hex unix nanos>`, counts
 * repeats of the same event by patching `count`/`lastTimestamp` instead of creating a new one,
 * and drops a source's events about one object beyond the spam filter's budget. With
 * `newEventsAPI` it writes events.k8s.io/v1-style events (eventTime, action, no count) as the
 * scheduler does.
 */
export class EventRecorder {
  private readonly seen = new Map<string, SeenEvent>();
  private readonly buckets = new Map<string, { tokens: number; lastMs: number }>();

  private readonly client: ApiClient;

  constructor(
    private readonly sim: Simulator,
    client: ApiClient,
    private readonly source: EventSource,
    private readonly epochMs: number,
    private readonly rng: Rng,
    private readonly newEventsAPI?: { reportingInstance: string },
  ) {
    // The broadcaster writes through its own client, outside the component's QPS limit; the
    // spam filter is what bounds events.
    this.client = client.unthrottled();
  }

  event(obj: Stored<KubeObject>, type: EventType, reason: string, message: string, options: { fieldPath?: string; action?: string } = {}): void {
    const ref = referenceTo(obj, options.fieldPath);
    const objectKey = `${this.source.component}/${this.source.host ?? ''}/${ref.kind}/${ref.namespace}/${ref.name}/${ref.uid}`;
    if (!this.allow(objectKey)) return;
    const namespace = ref.namespace || 'default';
    if (this.sim.trace.enabled) {
      this.sim.emit({ component: this.componentName(), kind: 'event', ref: { kind: ref.kind!, namespace: ref.namespace, name: ref.name! }, type, reason, message });
    }
    const now = toRFC3339(this.sim.nowMs, this.epochMs);
    const key = `${objectKey}/${type}/${reason}/${message}`;
    const seen = this.newEventsAPI ? undefined : this.seen.get(key);
    if (seen) {
      seen.count++;
      this.client.patch('events', seen.namespace, seen.name, 'strategic', { count: seen.count, lastTimestamp: now });
      return;
    }
    const name = `${ref.name}.${this.nanoHex()}`;
    this.client.create('events', this.build(name, namespace, ref, type, reason, message, now, options.action));
    if (!this.newEventsAPI) this.seen.set(key, { name, namespace, count: 1 });
  }

  private build(name: string, namespace: string, ref: ObjectReference, type: EventType, reason: string, message: string, now: string, action?: string): CoreEvent {
    const metadata = { name, namespace };
    if (this.newEventsAPI) {
      const micro = toRFC3339Micro(this.sim.nowMs, this.epochMs);
      return {
        apiVersion: 'v1', kind: 'Event', metadata, involvedObject: ref, reason, message, source: {},
        firstTimestamp: null as unknown as string, lastTimestamp: null as unknown as string, type, eventTime: micro,
        action: action ?? reason, reportingComponent: this.source.component, reportingInstance: this.newEventsAPI.reportingInstance,
      };
    }
    const source = this.source.host ? { component: this.source.component, host: this.source.host } : { component: this.source.component };
    return {
      apiVersion: 'v1', kind: 'Event', metadata, involvedObject: ref, reason, message, source,
      firstTimestamp: now, lastTimestamp: now, count: 1, type, eventTime: null as unknown as string,
      reportingComponent: this.source.component, reportingInstance: this.source.host ?? '',
    };
  }

  /** nanoHex is the hex unix-nano suffix of event names; the sub-millisecond part is random. */
  private nanoHex(): string {
    const nanos = BigInt(this.epochMs + this.sim.nowMs) * 1_000_000n + BigInt(this.rng.int(1_000_000));
    return nanos.toString(16);
  }

  private allow(objectKey: string): boolean {
    const nowMs = this.sim.nowMs;
    const bucket = this.buckets.get(objectKey) ?? { tokens: SPAM_BURST, lastMs: nowMs };
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (nowMs - bucket.lastMs) / SPAM_REFILL_MS);
    bucket.lastMs = nowMs;
    this.buckets.set(objectKey, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private componentName(): string {
    return this.source.host ? `${this.source.component}/${this.source.host}` : this.source.component;
  }
}

/** referenceTo builds the involvedObject reference (reference.GetReference). */
export function referenceTo(obj: Stored<KubeObject>, fieldPath?: string): ObjectReference {
  const ref: ObjectReference = {
    kind: obj.kind,
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    uid: obj.metadata.uid,
    apiVersion: obj.apiVersion,
    resourceVersion: obj.metadata.resourceVersion,
  };
  if (fieldPath) (ref as { fieldPath?: string }).fieldPath = fieldPath;
  if (!ref.namespace) delete (ref as { namespace?: string }).namespace;
  return ref;
}
