import type { Event as CoreEvent, ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../api/object';
import type { Rng } from '../../sim/rng';
import type { Simulator } from '../../sim/simulator';
import { Future } from '../../sim/future';
import { toRFC3339, toRFC3339Micro } from '../../sim/time';
import type { ApiClient } from '../client';
import { correlationKey } from './correlationKey';
import { flat } from '../../api/flat';
import { RecentStrings } from '../../api/recentStrings';

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
/** maxLruCacheEntries (events_cache.go): the correlator remembers this many events and objects. */
export const MAX_LRU_CACHE_ENTRIES = 4096;

/** remember sets key as the most recently used entry of an LRU map bounded to MAX_LRU_CACHE_ENTRIES. */
function remember<V>(lru: Map<number, V>, key: number, value: V): void {
  lru.delete(key);
  lru.set(key, value);
  if (lru.size > MAX_LRU_CACHE_ENTRIES) lru.delete(lru.keys().next().value!);
}

/** eventTexts: messages and fieldPaths, shared by every recorder (most are one node's copy of another's). */
const eventTexts = new RecentStrings(4096);

/** SETTLED stands for every finished write (thousands of remembered events need no Future each). */
const SETTLED: Future<void> = Future.resolved<void>(undefined);

/** settle marks `write` done and, when it is still the event's latest, forgets it. */
function settle(seen: SeenEvent, write: Future<void>): void {
  write.resolve();
  if (seen.last === write) seen.last = SETTLED;
}

interface SeenEvent {
  name: string;
  namespace: string;
  count: number;
  firstTimestamp: string;
  /** last: the latest write of this event; the next patch waits for it, as recordToSink writes one at a time. */
  last: Future<void>;
}

/**
 * EventRecorder mirrors client-go tools/record (EventBroadcaster + EventCorrelator): it turns
 * recorder.Eventf calls into core/v1 Event objects named `<object>.<hex unix nanos>`, counts
 * repeats of the same event by patching `count`/`lastTimestamp` instead of creating a new one,
 * and drops a source's events about one object beyond the spam filter's budget; both remember
 * the 4,096 most recently seen keys, as the correlator's LRU caches do. With
 * `newEventsAPI` it writes events.k8s.io/v1-style events (eventTime, action, no count) as the
 * scheduler does.
 */
export class EventRecorder {
  /** seen and buckets are keyed by correlationKey hashes of upstream's string keys. */
  private readonly seen = new Map<number, SeenEvent>();
  private readonly buckets = new Map<number, { tokens: number; lastMs: number }>();

  private readonly client: ApiClient;
  /** sourceField: every event's `source`, one frozen object per recorder. */
  private readonly sourceField: EventSource;
  /**
   * lastRef: the reference the latest event used. A kubelet records Pulled, Created, Started
   * about one container of one pod version in a row; they share one involvedObject.
   */
  private lastRef?: { obj: Stored<KubeObject>; fieldPath: string | undefined; ref: ObjectReference };

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
    this.sourceField = Object.freeze(source.host ? { component: source.component, host: source.host } : { component: source.component });
  }

  event(obj: Stored<KubeObject>, type: EventType, reason: string, text: string, options: { fieldPath?: string; action?: string } = {}): void {
    const ref = this.reference(obj, options.fieldPath);
    // The message is kept for the Event's life (1 h) and in the correlator: flat, not the caller's
    // rope, and one copy per text.
    const message = eventTexts.intern(text);
    // Upstream's keys start with the event source; a recorder here has one source, so they need not.
    // getSpamKey's parts after the source: kind, namespace, name, uid, apiVersion.
    if (!this.allow(correlationKey(ref.kind ?? '', ref.namespace ?? '', ref.name ?? '', ref.uid ?? '', ref.apiVersion ?? ''))) return;
    const namespace = ref.namespace || 'default';
    if (this.sim.trace.enabled) {
      this.sim.emit({ component: this.componentName(), kind: 'event', ref: { kind: ref.kind!, namespace: ref.namespace, name: ref.name! }, type, reason, message });
    }
    const now = toRFC3339(this.sim.nowMs, this.epochMs);
    // getEventKey's parts after the source: kind, namespace, name, fieldPath, uid, apiVersion, type, reason, message.
    const key = this.newEventsAPI ? 0 : correlationKey(ref.kind ?? '', ref.namespace ?? '', ref.name ?? '', ref.fieldPath ?? '', ref.uid ?? '', ref.apiVersion ?? '', type, reason, message);
    const seen = this.newEventsAPI ? undefined : this.seen.get(key);
    if (seen) {
      remember(this.seen, key, seen);
      const count = ++seen.count;
      const previous = seen.last;
      const done = new Future<void>();
      seen.last = done;
      previous.then(() => this.patchCount(seen, count, now, () => this.build(seen.name, namespace, ref, type, reason, message, now, options.action)).then(() => settle(seen, done)));
      return;
    }
    const name = flat(ref.name ?? '', '.', this.nanoHex());
    const created = this.client.create('events', this.build(name, namespace, ref, type, reason, message, now, options.action));
    if (this.newEventsAPI) return;
    const entry: SeenEvent = { name, namespace, count: 1, firstTimestamp: now, last: new Future<void>() };
    const first = entry.last;
    remember(this.seen, key, entry);
    created.then(() => settle(entry, first));
  }

  /**
   * patchCount raises the stored event's count; when that event is gone (expired, deleted, or its
   * create failed) it creates it again with the count so far, as recordEvent does on NotFound.
   */
  private patchCount(seen: SeenEvent, count: number, now: string, rebuild: () => CoreEvent): Future<void> {
    const done = new Future<void>();
    this.client.patch('events', seen.namespace, seen.name, 'strategic', { count, lastTimestamp: now }).then((result) => {
      if (result.ok || result.status.code !== 404) return done.resolve();
      this.client.create('events', { ...rebuild(), count, firstTimestamp: seen.firstTimestamp, lastTimestamp: now }).then(() => done.resolve());
    });
    return done;
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
    return {
      apiVersion: 'v1', kind: 'Event', metadata, involvedObject: ref, reason, message, source: this.sourceField,
      firstTimestamp: now, lastTimestamp: now, count: 1, type, eventTime: null as unknown as string,
      reportingComponent: this.source.component, reportingInstance: this.source.host ?? '',
    };
  }

  private reference(obj: Stored<KubeObject>, fieldPath: string | undefined): ObjectReference {
    const last = this.lastRef;
    if (last && last.obj === obj && last.fieldPath === fieldPath) return last.ref;
    // Frozen: the apiserver then stores it as it is, one per run of events instead of one per event.
    const ref = Object.freeze(referenceTo(obj, fieldPath === undefined ? undefined : eventTexts.intern(fieldPath)));
    this.lastRef = { obj, fieldPath, ref };
    return ref;
  }

  /** nanoHex is the hex unix-nano suffix of event names; the sub-millisecond part is random. */
  private nanoHex(): string {
    const nanos = BigInt(this.epochMs + this.sim.nowMs) * 1_000_000n + BigInt(this.rng.int(1_000_000));
    return nanos.toString(16);
  }

  private allow(objectKey: number): boolean {
    const nowMs = this.sim.nowMs;
    const bucket = this.buckets.get(objectKey) ?? { tokens: SPAM_BURST, lastMs: nowMs };
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (nowMs - bucket.lastMs) / SPAM_REFILL_MS);
    bucket.lastMs = nowMs;
    remember(this.buckets, objectKey, bucket);
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
  const { kind, apiVersion } = obj;
  const { namespace, name, uid, resourceVersion } = obj.metadata;
  // One literal per shape: an object that gains a field after it is made keeps that field in a
  // separate property array (V8), and an Event keeps its reference for an hour.
  if (namespace) {
    return fieldPath ? { kind, namespace, name, uid, apiVersion, resourceVersion, fieldPath } : { kind, namespace, name, uid, apiVersion, resourceVersion };
  }
  return fieldPath ? { kind, name, uid, apiVersion, resourceVersion, fieldPath } : { kind, name, uid, apiVersion, resourceVersion };
}

