import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

// k8s.io/kubectl pkg/describe/describe.go (v1.32): RoleDescriber, RoleBindingDescriber, ServiceAccountDescriber.
describe('kubectl describe role, rolebinding, clusterrole, serviceaccount', () => {
  const cluster = Cluster.boot(clusterSpec({ seed: 14, nodes: [], etcdMembers: 1 }), DEFAULT_COMPONENTS);
  const r = runCommands(cluster, [
    'kubectl create role pod-reader --verb=get,list,watch --resource=pods,pods/log --resource=deployments.apps',
    'kubectl create rolebinding read-pods --role=pod-reader --user=jane --serviceaccount=default:default --group=devs',
    'kubectl describe role pod-reader',
    'kubectl describe rolebinding read-pods',
    'kubectl describe clusterrole system:basic-user',
    { run: 'kubectl describe sa default', advanceMs: 2_000 },
    'kubectl describe role nope',
    'kubectl --as=jane describe pods',
  ]);

  it('prints the compacted, sorted policy rules of a role', () => {
    expect(r[2].stdout).toBe([
      'Name:         pod-reader',
      'Labels:       <none>',
      'Annotations:  <none>',
      'PolicyRule:',
      '  Resources         Non-Resource URLs  Resource Names  Verbs',
      '  ---------         -----------------  --------------  -----',
      '  pods/log          []                 []              [get list watch]',
      '  pods              []                 []              [get list watch]',
      '  deployments.apps  []                 []              [get list watch]',
      '',
    ].join('\n'));
    expect(r[4].stdout).toContain('  selfsubjectaccessreviews.authorization.k8s.io  []                 []              [create]\n');
  });

  it('prints a binding\'s role and subjects, and a service account\'s secret lists', () => {
    expect(r[3].stdout).toBe([
      'Name:         read-pods',
      'Labels:       <none>',
      'Annotations:  <none>',
      'Role:',
      '  Kind:  Role',
      '  Name:  pod-reader',
      'Subjects:',
      '  Kind            Name     Namespace',
      '  ----            ----     ---------',
      '  User            jane     ',
      '  Group           devs     ',
      '  ServiceAccount  default  default',
      '',
    ].join('\n'));
    expect(r[5].stdout).toBe('Name:                default\nNamespace:           default\nLabels:              <none>\nAnnotations:         <none>\nImage pull secrets:  <none>\nMountable secrets:   <none>\nTokens:              <none>\nEvents:              <none>\n');
  });

  it('reports a missing object on stderr only, and needs only read access to the described type', () => {
    expect(r[6]).toMatchObject({ exit: 1, stdout: '', stderr: 'Error from server (NotFound): roles.rbac.authorization.k8s.io "nope" not found\n' });
    // jane may read pods (read-pods) but no events, nodes, ... : describe still works.
    expect(r[7]).toMatchObject({ exit: 0, stderr: 'No resources found in default namespace.\n' });
  });
});
