// Field order (JSON names, in Go struct order) of k8s.io/apimachinery/pkg/apis/meta/v1/types.go at v1.32.0, for canonicalize().
// Generated from the upstream struct definitions; inline structs (TypeMeta, ProbeHandler,
// VolumeSource…) are flattened. Token syntax: see FieldOrderTable in ./fieldOrder.ts.

/** FIELD_ORDER_META maps a qualified type name to its field tokens. */
export const FIELD_ORDER_META: Readonly<Record<string, string>> = {
  'meta.ObjectMeta': 'name generateName namespace selfLink uid resourceVersion generation creationTimestamp deletionTimestamp deletionGracePeriodSeconds labels{} annotations{} ownerReferences:meta.OwnerReference[] finalizers managedFields:meta.ManagedFieldsEntry[]',
  'meta.OwnerReference': 'apiVersion kind name uid controller blockOwnerDeletion',
  'meta.ManagedFieldsEntry': 'manager operation apiVersion time fieldsType fieldsV1:meta.FieldsV1 subresource',
  'meta.FieldsV1': '',
  'meta.LabelSelector': 'matchLabels{} matchExpressions:meta.LabelSelectorRequirement[]',
  'meta.LabelSelectorRequirement': 'key operator values',
  'meta.Condition': 'type status observedGeneration lastTransitionTime reason message',
  'meta.DeleteOptions': 'kind apiVersion gracePeriodSeconds preconditions:meta.Preconditions orphanDependents propagationPolicy dryRun ignoreStoreReadErrorWithClusterBreakingPotential',
  'meta.Preconditions': 'uid resourceVersion',
  'meta.Status': 'kind apiVersion metadata:meta.ListMeta status message reason details:meta.StatusDetails code',
  'meta.ListMeta': 'selfLink resourceVersion continue remainingItemCount',
  'meta.StatusDetails': 'name group kind uid causes:meta.StatusCause[] retryAfterSeconds',
  'meta.StatusCause': 'reason message field',
};
