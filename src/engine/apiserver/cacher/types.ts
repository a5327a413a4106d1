import type { Status } from 'kubernetes-types/meta/v1';
import type { KubeObject, Stored } from '../../api/object';

/** WatchEventType is the closed set the apiserver's watch stream carries. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export type WatchEvent =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK'; object: Stored<KubeObject> }
  | { type: 'ERROR'; object: Status };

export interface WatchOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** '' or undefined: current state as ADDED events, then changes; '0' the same; N: changes after N. */
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
}

/** A change the watch cache recorded at one resourceVersion. */
export interface CacheEvent {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  key: string;
  object: Stored<KubeObject>;
  prevObject?: Stored<KubeObject>;
}
