import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { runCommands } from '../../testing/runCommands';

// staging/src/k8s.io/kubectl/pkg/cmd/config (v1.32) over kubeadm's admin.conf.
describe('kubectl config', () => {
  it('shows the admin kubeconfig with credentials redacted, and its one context', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(0), etcdMembers: 1 }));
    const [view, contexts, current, names, json, edit] = runCommands(cluster, [
      'kubectl config view',
      'kubectl config get-contexts',
      'kubectl config current-context',
      'kubectl config get-contexts -o name',
      'kubectl config view -o json',
      'kubectl config use-context other',
    ]);
    expect(view.stdout).toContain('- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: https://10.0.0.2:6443\n  name: kubernetes\n');
    expect(view.stdout).toContain('current-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n');
    expect(contexts.stdout).toBe('CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n');
    expect(current.stdout).toBe('kubernetes-admin@kubernetes\n');
    expect(names.stdout).toBe('kubernetes-admin@kubernetes\n');
    expect(JSON.parse(json.stdout)['current-context']).toBe('kubernetes-admin@kubernetes');
    expect(edit.exit).toBe(1);
  });
});
