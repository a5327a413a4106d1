// The RBAC objects a kubeadm v1.32 cluster starts with that learners bind users to
// (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go ClusterRoles, kubeadm's
// kubeadm:cluster-admins binding). admin/edit/view are reduced to the resources k8sim serves.
import type { ClusterRole, ClusterRoleBinding, PolicyRule } from 'kubernetes-types/rbac/v1';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

const core = (resources: string[], verbs: string[]): PolicyRule => ({ apiGroups: [''], resources, verbs });
const group = (apiGroup: string, resources: string[], verbs: string[]): PolicyRule => ({ apiGroups: [apiGroup], resources, verbs });

const VIEW: PolicyRule[] = [
  core(['configmaps', 'endpoints', 'persistentvolumeclaims', 'pods', 'pods/log', 'pods/status', 'replicationcontrollers', 'services', 'serviceaccounts', 'events', 'limitranges', 'resourcequotas', 'namespaces'], READ),
  group('apps', ['deployments', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'daemonsets', 'controllerrevisions'], READ),
  group('autoscaling', ['horizontalpodautoscalers'], READ),
  group('batch', ['jobs', 'cronjobs'], READ),
  group('policy', ['poddisruptionbudgets'], READ),
  group('discovery.k8s.io', ['endpointslices'], READ),
];

const EDIT: PolicyRule[] = [
  core(['configmaps', 'endpoints', 'persistentvolumeclaims', 'pods', 'replicationcontrollers', 'services', 'secrets', 'serviceaccounts'], WRITE),
  core(['pods/eviction'], ['create']),
  core(['secrets'], READ),
  group('apps', ['deployments', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'daemonsets'], WRITE),
  group('autoscaling', ['horizontalpodautoscalers'], WRITE),
  group('batch', ['jobs', 'cronjobs'], WRITE),
  group('policy', ['poddisruptionbudgets'], WRITE),
  ...VIEW,
];

const ADMIN: PolicyRule[] = [group('rbac.authorization.k8s.io', ['roles', 'rolebindings'], [...READ, ...WRITE]), ...EDIT];

const clusterRole = (name: string, rules: PolicyRule[], labels: Record<string, string> = { 'kubernetes.io/bootstrapping': 'rbac-defaults' }): ClusterRole => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: { name, labels, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } },
  rules,
});

const binding = (name: string, role: string, subject: { kind: 'User' | 'Group'; name: string }): ClusterRoleBinding => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRoleBinding',
  metadata: { name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: [{ apiGroup: 'rbac.authorization.k8s.io', ...subject }],
});

/** bootstrapRbac lists the ClusterRoles and ClusterRoleBindings created at apiserver start. */
export function bootstrapRbac(): Array<ClusterRole | ClusterRoleBinding> {
  return [
    clusterRole('cluster-admin', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }]),
    clusterRole('admin', ADMIN),
    clusterRole('edit', EDIT),
    clusterRole('view', VIEW),
    // What every authenticated user may do (policy.go: basic-user, discovery, public-info-viewer).
    clusterRole('system:basic-user', [
      group('authorization.k8s.io', ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']),
      group('authentication.k8s.io', ['selfsubjectreviews'], ['create']),
    ]),
    clusterRole('system:discovery', [{ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] }]),
    clusterRole('system:public-info-viewer', [{ nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] }]),
    binding('cluster-admin', 'cluster-admin', { kind: 'Group', name: 'system:masters' }),
    binding('system:basic-user', 'system:basic-user', { kind: 'Group', name: 'system:authenticated' }),
    binding('system:discovery', 'system:discovery', { kind: 'Group', name: 'system:authenticated' }),
    {
      ...binding('system:public-info-viewer', 'system:public-info-viewer', { kind: 'Group', name: 'system:authenticated' }),
      subjects: [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:authenticated' },
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:unauthenticated' },
      ],
    },
    { ...binding('kubeadm:cluster-admins', 'cluster-admin', { kind: 'Group', name: 'kubeadm:cluster-admins' }), metadata: { name: 'kubeadm:cluster-admins' } },
  ];
}
