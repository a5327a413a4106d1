// Mirrors kubernetes pkg/controller/podautoscaler/horizontal.go (v1.32) setCondition and
// setConditionInList: conditions are set in place (added on first use, in that order), and
// lastTransitionTime moves only when the status flips.
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerCondition } from 'kubernetes-types/autoscaling/v2';

export type ConditionType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';
export type ConditionStatus = 'True' | 'False' | 'Unknown';

/** HPACondition is a condition before it is placed on the object (the controller's proposed one). */
export interface HPACondition {
  type: ConditionType;
  status: ConditionStatus;
  reason: string;
  message: string;
}

/** setCondition sets (or adds) a condition on the working copy's status; `now` is metav1.Now(). */
export function setCondition(hpa: HorizontalPodAutoscaler, condition: HPACondition, now: string): void {
  const status = (hpa.status ??= { desiredReplicas: 0 });
  const list: HorizontalPodAutoscalerCondition[] = [...(status.conditions ?? [])];
  let index = list.findIndex((c) => c.type === condition.type);
  if (index < 0) {
    list.push({ type: condition.type, status: '' });
    index = list.length - 1;
  }
  const existing = list[index];
  list[index] = {
    type: condition.type,
    status: condition.status,
    lastTransitionTime: existing.status !== condition.status ? now : existing.lastTransitionTime,
    reason: condition.reason,
    message: condition.message,
  };
  status.conditions = list;
}
