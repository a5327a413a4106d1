import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

// Reference texts: real kubectl v1.32.4 (--dry-run=client against oracles/kubectl/discovery_stub.py).
describe('kubectl create role|clusterrole|rolebinding|clusterrolebinding|serviceaccount', () => {
  const cluster = Cluster.boot(clusterSpec({ seed: 6, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  const r = runCommands(cluster, [
    'kubectl create role pod-reader --verb=get --verb=list --resource=pods,deployments.apps --resource-name=a --dry-run=client -o json',
    'kubectl create rolebinding rb --role=pod-reader --user=jane --group=devs --serviceaccount=default:sa --dry-run=client -o yaml',
    'kubectl create clusterrole cr --verb=get --non-resource-url=/healthz --dry-run=client -o yaml',
    'kubectl create role r2 --resource=pods',
    'kubectl create role r3 --verb=get',
    'kubectl create role r4 --verb=get --resource=foos',
    'kubectl create role r5 --verb=fly --resource=pods --dry-run=client',
    'kubectl create rolebinding rb2 --user=jane',
    'kubectl auth can-i list pods --as=jane',
    'kubectl create role pod-reader --verb=get,list --resource=pods',
    'kubectl create rolebinding jane-reads --role=pod-reader --user=jane',
    'kubectl auth can-i list pods --as=jane',
    'kubectl create serviceaccount builder',
  ]);

  it('builds the objects in Go field order, one rule per API group', () => {
    const role = JSON.parse(r[0].stdout);
    expect(Object.keys(role)).toEqual(['kind', 'apiVersion', 'metadata', 'rules']);
    expect(role.rules).toEqual([
      { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] },
      { verbs: ['get', 'list'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['a'] },
    ]);
    expect(r[1].stdout).toBe(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  creationTimestamp: null\n  name: rb\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: pod-reader\nsubjects:\n- apiGroup: rbac.authorization.k8s.io\n  kind: User\n  name: jane\n- apiGroup: rbac.authorization.k8s.io\n  kind: Group\n  name: devs\n- kind: ServiceAccount\n  name: sa\n  namespace: default\n',
    );
    expect(r[2].stdout).toBe('apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  creationTimestamp: null\n  name: cr\nrules:\n- nonResourceURLs:\n  - /healthz\n  verbs:\n  - get\n');
  });

  it('refuses or warns as kubectl does', () => {
    expect(r[3].stderr).toBe('error: at least one verb must be specified\n');
    expect(r[4].stderr).toBe('error: at least one resource must be specified\n');
    expect(r[5].stderr).toBe('the server doesn\'t have a resource type "foos"\n');
    expect(r[6].stdout).toBe('role.rbac.authorization.k8s.io/r5 created (dry run)\n');
    expect(r[6].stderr).toBe("Warning: 'fly' is not a standard resource verb\n");
    expect(r[7].stderr).toBe('error: exactly one of clusterrole or role must be specified\n');
  });

  it('a Role and RoleBinding created from the command line grant jane what can-i then reports', () => {
    expect([r[8].stdout, r[8].exit]).toEqual(['no\n', 1]);
    expect(r[9].stdout).toBe('role.rbac.authorization.k8s.io/pod-reader created\n');
    expect(r[10].stdout).toBe('rolebinding.rbac.authorization.k8s.io/jane-reads created\n');
    expect([r[11].stdout, r[11].exit]).toEqual(['yes\n', 0]);
    expect(r[12].stdout).toBe('serviceaccount/builder created\n');
  });
});

describe('kubectl auth can-i --list (SelfSubjectRulesReview, cani.go printStatus)', () => {
  it('lists the rules RBAC gives the user: broken down, compacted per resource, sorted as kubectl sorts them', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 6, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [, , jane, admin] = runCommands(cluster, [
      'kubectl create role pod-reader --verb=get,list --resource=pods',
      'kubectl create rolebinding jane-reads --role=pod-reader --user=jane',
      'kubectl auth can-i --list --as=jane',
      'kubectl auth can-i --list',
    ]);
    const lines = jane.stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Resources                                       Non-Resource URLs   Resource Names   Verbs',
      'selfsubjectreviews.authentication.k8s.io        []                  []               [create]',
      'selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]',
      'selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]',
      'pods                                            []                  []               [get list]',
      '                                                [/api/*]            []               [get]',
    ]);
    // system:discovery and system:public-info-viewer both grant /healthz: kubectl does not merge non-resource rules.
    expect(lines.filter((l) => l.includes('[/healthz]'))).toHaveLength(2);
    expect(admin.stdout.split('\n').slice(1, 3)).toEqual([
      '*.*                                             []                  []               [*]',
      '                                                [*]                 []               [*]',
    ]);
  });
});
