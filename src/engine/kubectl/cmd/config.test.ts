import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
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
    expect(edit).toMatchObject({ exit: 1, stderr: 'error: no context exists with the name: "other"\n' });
  });

  it('sets the current context\'s namespace, which every later command uses, and switches contexts', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(1), etcdMembers: 1 }));
    const [ns, setNs, created, contexts, listDev, created2, use, listDefault, unknown, minify] = runCommands(cluster, [
      'kubectl create namespace dev',
      'kubectl config set-context --current --namespace=dev',
      'kubectl create configmap settings --from-literal=a=1',
      'kubectl config get-contexts',
      'kubectl get configmap settings',
      'kubectl config set-context admin-default --cluster=kubernetes --user=kubernetes-admin',
      'kubectl config use-context admin-default',
      'kubectl get configmap settings',
      'kubectl get pods --context=nope',
      'kubectl config view --minify -o json',
    ]);
    expect(ns.exit).toBe(0);
    expect(setNs.stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(created.stdout).toBe('configmap/settings created\n');
    expect(contexts.stdout).toBe('CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   dev\n');
    expect(listDev.stdout).toMatch(/^NAME +DATA +AGE\nsettings +1 +/);
    expect(created2.stdout).toBe('Context "admin-default" created.\n');
    expect(use.stdout).toBe('Switched to context "admin-default".\n');
    expect(listDefault.stderr).toBe('Error from server (NotFound): configmaps "settings" not found\n');
    expect(unknown).toMatchObject({ exit: 1, stderr: 'error: context was not found for specified context: nope\n' });
    expect(JSON.parse(minify.stdout).contexts).toEqual([{ name: 'admin-default', context: { cluster: 'kubernetes', user: 'kubernetes-admin' } }]);
  });

  it('renames and deletes contexts; without a current context kubectl has no server', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(0), etcdMembers: 1 }));
    const [renamed, current, deleted, get, missing] = runCommands(cluster, [
      'kubectl config rename-context kubernetes-admin@kubernetes admin',
      'kubectl config current-context',
      'kubectl config delete-context admin',
      'kubectl get pods',
      'kubectl config use-context',
    ]);
    expect(renamed.stdout).toBe('Context "kubernetes-admin@kubernetes" renamed to "admin".\n');
    expect(current.stdout).toBe('admin\n');
    expect(deleted.stdout).toBe('deleted context admin from /root/.kube/config\n');
    expect(deleted.stderr).toBe('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    expect(get).toMatchObject({ exit: 1, stderr: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n' });
    expect(missing.stderr).toBe("error: Unexpected args: []\nSee 'kubectl config use-context -h' for help and examples\n");
  });
});

describe('kubectl config view -o jsonpath|go-template|name (outputs of kubectl v1.32 on the same kubeconfig)', () => {
  it('prints the (redacted) config through the template printers', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 1, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [, ns, clusterData, context, name, wide] = runCommands(cluster, [
      'kubectl config set-context --current --namespace=kube-system',
      "kubectl config view --minify -o jsonpath='{..namespace}'",
      "kubectl config view -o jsonpath='{.users[*].user}'",
      "kubectl config view -o go-template='{{index .contexts 0 \"name\"}}'",
      'kubectl config view -o name',
      'kubectl config view -o wide',
    ]);
    expect(ns.stdout).toBe('kube-system');
    expect(clusterData.stdout).toBe('{"client-certificate-data":"DATA+OMITTED","client-key-data":"DATA+OMITTED"}');
    expect(context.stdout).toBe('kubernetes-admin@kubernetes');
    expect(name.stdout).toBe('config/<unknown>\n');
    expect(wide.stderr).toBe('error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n');
  });
});
