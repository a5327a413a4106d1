// What the pieces of one StatefulSet sync share: the controller name for events and traces, and
// the context of the pod loop (updateStatefulSet.ts, rollingUpdate.ts).

import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Stored } from '../../api/object';
import type { SyncError } from '../types';
import type { DefaultStatefulSetControl } from './statefulSetControl';
import type { StatusClock } from './status';

/** STATEFULSET_CONTROLLER is the controller's name and its events' source component. */
export const STATEFULSET_CONTROLLER = 'statefulset-controller';

/** PodPass is one pass over a set's pods. */
export interface PodPass {
  ssc: DefaultStatefulSetControl;
  set: Stored<StatefulSet>;
  /** updateSet is the set with the update revision's template applied. */
  updateSet: Stored<StatefulSet>;
  /** monotonic is OrderedReady: one pod at a time, stop at the first one not healthy. */
  monotonic: boolean;
  clock: StatusClock;
}

/** StepResult is a loop step's (shouldExit, err): stop this sync here (waiting on a pod, or an error). */
export interface StepResult {
  shouldExit: boolean;
  err: SyncError;
}
