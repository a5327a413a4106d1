// Mirrors kubernetes pkg/controller/namespace/deletion/status_condition_utils.go.

import type { Namespace, NamespaceCondition } from 'kubernetes-types/core/v1';

export type NamespaceConditionType =
  | 'NamespaceDeletionDiscoveryFailure'
  | 'NamespaceDeletionGroupVersionParsingFailure'
  | 'NamespaceDeletionContentFailure'
  | 'NamespaceContentRemaining'
  | 'NamespaceFinalizersRemaining';

/** CONDITION_TYPES in the order the controller writes them. */
export const CONDITION_TYPES: readonly NamespaceConditionType[] = [
  'NamespaceDeletionDiscoveryFailure', 'NamespaceDeletionGroupVersionParsingFailure', 'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining', 'NamespaceFinalizersRemaining',
];

const OK: Record<NamespaceConditionType, { reason: string; message: string }> = {
  NamespaceDeletionDiscoveryFailure: { reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  NamespaceDeletionGroupVersionParsingFailure: { reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
  NamespaceDeletionContentFailure: { reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
  NamespaceContentRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  NamespaceFinalizersRemaining: { reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
};

/**
 * NamespaceConditionUpdater collects the failure conditions of one deletion pass and turns them
 * into the five status conditions a Terminating namespace shows (OK variants for the rest).
 */
export class NamespaceConditionUpdater {
  private readonly newConditions: NamespaceCondition[] = [];

  constructor(private readonly now: string) {}

  /** contentFailed: some resource types could not be deleted (ContentDeletionFailed). */
  contentFailed(errors: string[]): void {
    this.newConditions.push({ type: 'NamespaceDeletionContentFailure', status: 'True', lastTransitionTime: this.now, reason: 'ContentDeletionFailed', message: `Failed to delete all resource types, ${errors.length} remaining: ${errors.join(', ')}` });
  }

  /** resourcesRemain: e.g. "Some resources are remaining: pods. has 3 resource instances". */
  resourcesRemain(remaining: string[]): void {
    this.newConditions.push({ type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: this.now, reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${remaining.join(', ')}` });
  }

  /** finalizersRemain: e.g. "Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances". */
  finalizersRemain(remaining: string[]): void {
    this.newConditions.push({ type: 'NamespaceFinalizersRemaining', status: 'True', lastTransitionTime: this.now, reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${remaining.join(', ')}` });
  }

  /** update writes the conditions into `ns` (mutates); true when anything changed. */
  update(ns: Namespace): boolean {
    const status = (ns.status ??= {});
    const conditions = [...(status.conditions ?? [])];
    let changed = false;
    for (const type of CONDITION_TYPES) {
      const next = this.newConditions.find((c) => c.type === type) ?? { type, status: 'False', lastTransitionTime: this.now, ...OK[type] };
      const index = conditions.findIndex((c) => c.type === type);
      if (index < 0) {
        conditions.push(next);
        changed = true;
      } else if (conditions[index].status !== next.status || conditions[index].message !== next.message || conditions[index].reason !== next.reason) {
        conditions[index] = next;
        changed = true;
      }
    }
    status.conditions = conditions;
    return changed;
  }
}
