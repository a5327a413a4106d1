// Mirrors kubernetes pkg/scheduler/eventhandlers.go (v1.32): informer events → scheduler cache
// (bound pods, nodes) and scheduling queue (unbound pods, cluster events that requeue).
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Stored } from '../api/object';
import type { SharedIndexInformer } from '../client/cache/sharedInformer';
import type { SchedulerCache } from './cache/cache';
import type { ClusterEvent } from './framework/interface';
import { newPodInfo } from './framework/podInfo';
import type { SchedulingQueue } from './queue/schedulingQueue';

export interface EventHandlerTarget {
  cache: SchedulerCache;
  queue: SchedulingQueue;
  schedulerName: string;
  /** nominated pods (preemption) are forgotten once bound or deleted. */
  nominated?: Map<string, unknown>;
}

/** addAllEventHandlers wires the pod and node informers into the cache and the queue. */
export function addAllEventHandlers(target: EventHandlerTarget, pods: SharedIndexInformer<Pod>, nodes: SharedIndexInformer<Node>): void {
  const { cache, queue } = target;
  const responsible = (pod: Stored<Pod>) => responsibleForPod(pod, target.schedulerName);
  pods.addEventHandler({
    add: (pod) => {
      if (assignedPod(pod)) {
        cache.addPod(pod);
        // A new neighbour may satisfy a waiting pod's inter-pod affinity (AssignedPodAdd).
        queue.moveAllToActiveOrBackoffQueue(event('AssignedPod', 'Add', 'AssignedPodAdd'));
      } else if (responsible(pod)) queue.add(pod);
    },
    update: (oldPod, newPod) => {
      if (assignedPod(newPod)) {
        if (!assignedPod(oldPod)) {
          queue.delete(newPodInfo(newPod).key);
          target.nominated?.delete(newPodInfo(newPod).key);
          queue.moveAllToActiveOrBackoffQueue(event('AssignedPod', 'Add', 'AssignedPodAdd'));
        }
        cache.updatePod(newPod);
      } else if (responsible(newPod)) {
        queue.update(newPod);
      }
    },
    delete: (pod) => {
      const key = newPodInfo(pod).key;
      if (assignedPod(pod)) {
        cache.removePod(key);
        queue.moveAllToActiveOrBackoffQueue(event('AssignedPod', 'Delete', 'AssignedPodDelete'));
      } else {
        queue.delete(key);
        target.nominated?.delete(key);
      }
    },
  });
  nodes.addEventHandler({
    add: (node) => {
      cache.addNode(node);
      queue.moveAllToActiveOrBackoffQueue(event('Node', 'Add', 'NodeAdd'));
    },
    update: (oldNode, newNode) => {
      cache.updateNode(newNode);
      for (const change of nodeSchedulingPropertiesChange(oldNode, newNode)) queue.moveAllToActiveOrBackoffQueue(change);
    },
    delete: (node) => cache.removeNode(node.metadata.name),
  });
}

/**
 * addVolumeEventHandlers: a claim, volume or class that appears or changes may let a pod
 * VolumeBinding rejected schedule (the PV controller binding its claim, a new volume).
 */
export function addVolumeEventHandlers(
  queue: SchedulingQueue,
  informers: { claims: SharedIndexInformer<PersistentVolumeClaim>; volumes: SharedIndexInformer<PersistentVolume>; classes: SharedIndexInformer<StorageClass> },
): void {
  const on = (resource: 'PersistentVolumeClaim' | 'PersistentVolume' | 'StorageClass') => ({
    add: () => queue.moveAllToActiveOrBackoffQueue(event(resource, 'Add', `${resource}Add`)),
    update: () => queue.moveAllToActiveOrBackoffQueue(event(resource, 'Update', `${resource}Update`)),
  });
  informers.claims.addEventHandler(on('PersistentVolumeClaim'));
  informers.volumes.addEventHandler(on('PersistentVolume'));
  informers.classes.addEventHandler(on('StorageClass'));
}

/** assignedPod: the pod has a node (bound, or bound by the user through spec.nodeName). */
export function assignedPod(pod: Pod): boolean {
  return Boolean(pod.spec?.nodeName);
}

/** responsibleForPod: the pod names this scheduler (an absent schedulerName means the default). */
export function responsibleForPod(pod: Pod, schedulerName: string): boolean {
  return (pod.spec?.schedulerName || 'default-scheduler') === schedulerName;
}

/**
 * nodeSchedulingPropertiesChange lists the node changes that may make pods schedulable:
 * spec.unschedulable cleared, allocatable, labels, taints, and condition statuses (heartbeat
 * times alone are not a change).
 */
export function nodeSchedulingPropertiesChange(oldNode: Node, newNode: Node): ClusterEvent[] {
  const events: ClusterEvent[] = [];
  if (Boolean(oldNode.spec?.unschedulable) !== Boolean(newNode.spec?.unschedulable) && !newNode.spec?.unschedulable) {
    events.push(event('Node', 'UpdateNodeTaint', 'NodeSpecUnschedulableChange'));
  }
  if (!sameJSON(oldNode.status?.allocatable, newNode.status?.allocatable)) events.push(event('Node', 'UpdateNodeAllocatable', 'NodeAllocatableChange'));
  if (!sameJSON(oldNode.metadata?.labels, newNode.metadata?.labels)) events.push(event('Node', 'UpdateNodeLabel', 'NodeLabelChange'));
  if (!sameJSON(oldNode.spec?.taints, newNode.spec?.taints)) events.push(event('Node', 'UpdateNodeTaint', 'NodeTaintChange'));
  const conditions = (node: Node) => (node.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).join(',');
  if (conditions(oldNode) !== conditions(newNode)) events.push(event('Node', 'UpdateNodeCondition', 'NodeConditionChange'));
  return events;
}

function event(resource: ClusterEvent['resource'], action: ClusterEvent['action'], label: string): ClusterEvent {
  return { resource, action, label };
}

function sameJSON(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
