import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { runCommands } from '../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 10, nodes: nodesFromCount(1), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);

// kubeadm's --pod-manifest-path (/etc/kubernetes/manifests) on the control-plane machine the
// terminal runs on: the kubelet's file source (pkg/kubelet/config/file.go) as an admin meets it.
describe('/etc/kubernetes/manifests from the terminal', () => {
  it('lists kubeadm’s manifests as YAML that reads back as their static pod', () => {
    const [ls, yaml] = runCommands(boot(), ['ls /etc/kubernetes/manifests | cat', 'cat /etc/kubernetes/manifests/kube-scheduler.yaml']);
    expect(ls.stdout).toBe('etcd.yaml\nkube-apiserver.yaml\nkube-controller-manager.yaml\nkube-scheduler.yaml\n');
    expect(yaml.stdout).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    component: kube-scheduler\n    tier: control-plane\n  name: kube-scheduler\n  namespace: kube-system\nspec:\n/);
    expect(yaml.stdout).toMatch(/\nstatus: \{\}\n$/);
  });

  it('stops the scheduler when its manifest is moved out and starts it again when it is moved back', () => {
    const cluster = boot();
    const [uid, , gone, stopped, , back, running] = runCommands(cluster, [
      "kubectl get pod -n kube-system kube-scheduler-control-plane -o jsonpath='{.metadata.annotations.kubernetes\\.io/config\\.hash}'",
      'mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/',
      { run: 'kubectl get pods -n kube-system -l component=kube-scheduler', advanceMs: 10_000 },
      'sim controlplane list | grep kube-scheduler',
      'mv /tmp/kube-scheduler.yaml /etc/kubernetes/manifests/',
      { run: "kubectl get pod -n kube-system kube-scheduler-control-plane -o jsonpath='{.metadata.annotations.kubernetes\\.io/config\\.hash}'", advanceMs: 10_000 },
      'sim controlplane list | grep kube-scheduler',
    ]);
    expect(gone.stderr).toBe('No resources found in kube-system namespace.\n');
    expect(stopped.stdout).toMatch(/^kube-scheduler +control-plane +Stopped/);
    // The same manifest in the same file: the same config hash, so the same static pod UID.
    expect(back.stdout).toBe(uid.stdout);
    expect(running.stdout).toMatch(/^kube-scheduler +control-plane +Running/);
  });

  it('runs a pod written into the directory as a static pod with a mirror, and stops it when the file goes', () => {
    const [, listed, deleted, again, , after, bad] = runCommands(boot(), [
      'kubectl run static-web --image=nginx:1.27.3 --port=80 --dry-run=client -o yaml > /etc/kubernetes/manifests/static-web.yaml',
      { run: 'kubectl get pods -o wide --no-headers', advanceMs: 30_000 },
      'kubectl delete pod static-web-control-plane',
      { run: "kubectl get pod static-web-control-plane -o jsonpath='{.status.containerStatuses[0].restartCount} {.metadata.ownerReferences[0].kind}'", advanceMs: 12_000 },
      'rm /etc/kubernetes/manifests/static-web.yaml',
      { run: 'kubectl get pods', advanceMs: 30_000 },
      { run: 'echo "kind: Pod" > /etc/kubernetes/manifests/bad.yaml; kubectl get pods', advanceMs: 0 },
    ]);
    expect(listed.stdout).toMatch(/^static-web-control-plane +1\/1 +Running +0 +\S+ +10\.244\.0\.\d+ +control-plane +/);
    expect(deleted.stdout).toBe('pod "static-web-control-plane" deleted\n');
    // Deleting the mirror pod leaves the static pod running: the kubelet only creates the mirror again.
    expect(again.stdout).toBe('0 Node');
    expect(after.stderr).toBe('No resources found in default namespace.\n');
    // A file that is not a valid Pod is skipped, as the kubelet only logs it.
    expect(bad.stderr).toBe('No resources found in default namespace.\n');
  });
});
