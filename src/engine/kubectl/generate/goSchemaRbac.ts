// The rbac/v1 and core ServiceAccount structs kubectl's create role|clusterrole|rolebinding|
// clusterrolebinding|serviceaccount encode, in Go declaration order (k8s.io/api rbac/v1 types.go,
// core/v1 types.go, v0.32.4), in goSchema.generated.ts's notation. Hand-written: the extractor
// predates these commands.
export const rbacStructs: Readonly<Record<string, readonly string[]>> = {
  'rbac.PolicyRule': ['verbs:[]string', 'apiGroups:[]string?', 'resources:[]string?', 'resourceNames:[]string?', 'nonResourceURLs:[]string?'],
  'rbac.AggregationRule': ['clusterRoleSelectors:[]meta.LabelSelector?'],
  'rbac.Role': ['...meta.TypeMeta', 'metadata:meta.ObjectMeta?', 'rules:[]rbac.PolicyRule'],
  'rbac.ClusterRole': ['...meta.TypeMeta', 'metadata:meta.ObjectMeta?', 'rules:[]rbac.PolicyRule', 'aggregationRule:*rbac.AggregationRule?'],
  'rbac.Subject': ['kind:string', 'apiGroup:string?', 'name:string', 'namespace:string?'],
  'rbac.RoleRef': ['apiGroup:string', 'kind:string', 'name:string'],
  'rbac.RoleBinding': ['...meta.TypeMeta', 'metadata:meta.ObjectMeta?', 'subjects:[]rbac.Subject?', 'roleRef:rbac.RoleRef'],
  'rbac.ClusterRoleBinding': ['...meta.TypeMeta', 'metadata:meta.ObjectMeta?', 'subjects:[]rbac.Subject?', 'roleRef:rbac.RoleRef'],
  'core.ServiceAccount': ['...meta.TypeMeta', 'metadata:meta.ObjectMeta?', 'secrets:[]core.ObjectReference?', 'imagePullSecrets:[]core.LocalObjectReference?', 'automountServiceAccountToken:*bool?'],
};
