// Cases after pkg/apis/rbac/v1/evaluation_helpers_test.go and plugin/pkg/auth/authorizer/rbac
// rbac_test.go (v1.32), plus the Forbidden texts of responsewriters/errors.go, end to end.
import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';
import { appliesTo, forbiddenMessage, ruleAllows } from './rbac';

const rule = (r: PolicyRule) => r;

describe('ruleAllows', () => {
  it.each([
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }), { verb: 'get', group: '', resource: 'pods' }, true],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }), { verb: 'list', group: '', resource: 'pods' }, false],
    [rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }), { verb: 'delete', group: 'apps', resource: 'deployments' }, true],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }), { verb: 'get', group: '', resource: 'pods', subresource: 'log' }, false],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }), { verb: 'get', group: '', resource: 'pods', subresource: 'log' }, true],
    [rule({ verbs: ['update'], apiGroups: ['apps'], resources: ['*/scale'] }), { verb: 'update', group: 'apps', resource: 'deployments', subresource: 'scale' }, true],
    [rule({ verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'] }), { verb: 'get', group: '', resource: 'deployments' }, false],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] }), { verb: 'get', group: '', resource: 'configmaps', name: 'a' }, true],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] }), { verb: 'get', group: '', resource: 'configmaps', name: 'b' }, false],
    [rule({ verbs: ['list'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] }), { verb: 'list', group: '', resource: 'configmaps' }, false],
  ])('%j allows %j: %s', (r, a, allowed) => {
    expect(ruleAllows(r, a)).toBe(allowed);
  });

  it('matches users, groups and service accounts (appliesToUser)', () => {
    const sa = { username: 'system:serviceaccount:team:bot', groups: ['system:serviceaccounts', 'system:serviceaccounts:team', 'system:authenticated'] };
    expect(appliesTo({ kind: 'ServiceAccount', name: 'bot', namespace: 'team' }, sa, '')).toBe(true);
    expect(appliesTo({ kind: 'ServiceAccount', name: 'bot' }, sa, 'team')).toBe(true);
    expect(appliesTo({ kind: 'Group', name: 'system:serviceaccounts:team' }, sa, '')).toBe(true);
    expect(appliesTo({ kind: 'User', name: 'bot' }, sa, '')).toBe(false);
  });

  it('words the Forbidden reason as the apiserver does, by scope', () => {
    const jane = { username: 'jane', groups: ['system:authenticated'] };
    expect(forbiddenMessage(jane, { verb: 'list', group: '', resource: 'pods', namespace: 'default' })).toBe('User "jane" cannot list resource "pods" in API group "" in the namespace "default"');
    expect(forbiddenMessage(jane, { verb: 'get', group: '', resource: 'pods', subresource: 'log', namespace: 'default' })).toBe('User "jane" cannot get resource "pods/log" in API group "" in the namespace "default"');
    expect(forbiddenMessage(jane, { verb: 'list', group: '', resource: 'nodes' })).toBe('User "jane" cannot list resource "nodes" in API group "" at the cluster scope');
  });
});

describe('RBAC through kubectl', () => {
  it('refuses jane with Forbidden until a RoleBinding to view, then lets her read but not delete', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 1, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const binding = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: jane-view, namespace: default}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects: [{kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}]\n';
    const [create, deny, denyNamed, denyNodes, canNot, adminCan, bound, can, list, cannotDelete, log, clusterRoles] = runCommands(cluster, [
      'kubectl create deployment web --image=nginx:1.27.3',
      'kubectl get pods --as=jane',
      'kubectl get deployment web --as=jane',
      'kubectl get nodes --as=jane',
      'kubectl auth can-i list pods --as=jane',
      'kubectl auth can-i create deployments',
      { run: 'kubectl apply -f -', stdin: binding },
      'kubectl auth can-i list pods --as=jane',
      'kubectl get deployments --as=jane',
      'kubectl auth can-i delete pods --as=jane',
      'kubectl auth can-i get pods/log --as=jane',
      'kubectl get clusterroles',
    ]);
    expect(create.exit).toBe(0);
    expect(deny).toMatchObject({ exit: 1, stderr: 'Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"\n' });
    expect(denyNamed.stderr).toBe('Error from server (Forbidden): deployments.apps "web" is forbidden: User "jane" cannot get resource "deployments" in API group "apps" in the namespace "default"\n');
    expect(denyNodes.stderr).toBe('Error from server (Forbidden): nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope\n');
    expect([canNot.stdout, canNot.exit]).toEqual(['no\n', 1]);
    expect([adminCan.stdout, adminCan.exit]).toEqual(['yes\n', 0]);
    expect(bound.stdout).toBe('rolebinding.rbac.authorization.k8s.io/jane-view created\n');
    expect([can.stdout, can.exit]).toEqual(['yes\n', 0]);
    expect(list.stdout).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s/);
    expect([cannotDelete.stdout, cannotDelete.exit]).toEqual(['no\n', 1]);
    expect(log.stdout).toBe('yes\n');
    expect(clusterRoles.stdout.split('\n').slice(1).map((l) => l.split(/\s+/)[0]).filter(Boolean)).toEqual(['admin', 'cluster-admin', 'edit', 'system:basic-user', 'system:discovery', 'system:public-info-viewer', 'view']);
    // printClusterRole: NAME, CREATED AT (RFC 3339); printRoleBinding: NAME, ROLE (Kind/name), AGE.
    expect(clusterRoles.stdout).toMatch(/^NAME\s+CREATED AT\nadmin\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n/);
    const [bindings] = runCommands(cluster, ['kubectl get rolebindings -o wide']);
    expect(bindings.stdout).toMatch(/^NAME\s+ROLE\s+AGE\s+USERS\s+GROUPS\s+SERVICEACCOUNTS\njane-view\s+ClusterRole\/view\s+\d+s\s+jane\s*\n$/);
  });

  it('gives a service account its groups under --as, and asks to name two arguments', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 1, nodes: nodesFromCount(0), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [sa, usage, unknown] = runCommands(cluster, ['kubectl get pods --as=system:serviceaccount:default:default', 'kubectl auth can-i list', 'kubectl auth can-i list foos']);
    expect(sa.stderr).toBe('Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"\n');
    expect(usage.stderr).toBe("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples\n");
    expect(unknown.stderr).toBe("Warning: the server doesn't have a resource type 'foos'\n");
    // cluster-admin's wildcard rule covers a type the server does not have; kubectl only warns.
    expect(unknown.stdout).toBe('yes\n');
  });
});

describe('RBAC on deletes and namespace objects (requestinfo.go, pkg/cmd/delete)', () => {
  it('deletes a named object without reading it first, and scopes a namespace object to itself', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [, , , deleted, missing, namespace] = runCommands(cluster, [
      'kubectl create configmap settings --from-literal=mode=fast',
      'kubectl create role deleter --verb=delete --resource=configmaps',
      'kubectl create rolebinding deleter --role=deleter --user=jane',
      'kubectl delete configmap settings --as=jane',
      'kubectl delete configmap settings nothing --as=jane',
      'kubectl delete namespace kube-system --as=jane',
    ]);
    expect(deleted).toEqual({ exit: 0, stdout: 'configmap "settings" deleted\n', stderr: '' });
    expect(missing).toEqual({ exit: 1, stdout: '', stderr: 'Error from server (NotFound): configmaps "settings" not found\nError from server (NotFound): configmaps "nothing" not found\n' });
    expect(namespace.stderr).toBe('Error from server (Forbidden): namespaces "kube-system" is forbidden: User "jane" cannot delete resource "namespaces" in API group "" in the namespace "kube-system"\n');
  });
});
