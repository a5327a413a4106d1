import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { runCommands } from '../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(2), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);

// ssh from the terminal (the first control-plane machine) to the cluster's nodes, as kubeadm labs allow.
describe('ssh', () => {
  it('runs a command line in the node\'s own shell: its hostname, files and manifest directory', () => {
    const [here, there, files, manifests, home] = runCommands(boot(), [
      'hostname',
      "ssh root@node-1 'hostname; echo $HOSTNAME'",
      "ssh node-1 'echo from-node-1 > /tmp/mark'; ssh node-1 cat /tmp/mark; cat /tmp/mark",
      'ssh node-2 ls /etc/kubernetes/manifests; ssh control-plane ls /etc/kubernetes/manifests',
      'ssh -o StrictHostKeyChecking=no -i /root/.ssh/id_ed25519 node-2 pwd',
    ]);
    expect(here.stdout).toBe('control-plane\n');
    // $HOSTNAME is single-quoted here, so node-1's shell expands it.
    expect(there.stdout).toBe('node-1\nnode-1\n');
    expect(files).toMatchObject({ stdout: 'from-node-1\n', stderr: 'cat: /tmp/mark: No such file or directory\n', exit: 1 });
    expect(manifests.stdout).toBe('etcd.yaml            kube-controller-manager.yaml\nkube-apiserver.yaml  kube-scheduler.yaml\n');
    expect(home.stdout).toBe('/root\n');
  });

  it('reads a script from stdin without a command, as the remote shell does', () => {
    const [script] = runCommands(boot(), ['ssh node-1 <<EOF\nX=5\necho x=\\$X on \\$(hostname)\nEOF']);
    expect(script.stdout).toBe('x=5 on node-1\n');
  });

  it('ends the remote script at exit N and returns N', () => {
    const [exited, after] = runCommands(boot(), ["ssh node-1 'echo one; exit 3; echo two'", 'echo $?; hostname']);
    expect(exited).toMatchObject({ stdout: 'one\n', exit: 3 });
    expect(after.stdout).toBe('3\ncontrol-plane\n');
  });

  it('leaves a worker without admin.conf or etcdctl, and passes the remote exit status back', () => {
    const [kubectl, etcdctl, status] = runCommands(boot(), ['ssh node-1 kubectl get pods', 'ssh node-1 etcdctl member list', "ssh node-1 'true; false'; echo $?"]);
    expect(kubectl).toMatchObject({ exit: 1, stderr: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n' });
    expect(etcdctl).toMatchObject({ exit: 127, stderr: 'bash: etcdctl: command not found\n' });
    expect(status.stdout).toBe('1\n');
  });

  it('answers as OpenSSH for an unknown host and a missing destination', () => {
    const [unknown, usage] = runCommands(boot(), ['ssh node-9 hostname', 'ssh -p 22']);
    expect(unknown).toMatchObject({ exit: 255, stderr: 'ssh: Could not resolve hostname node-9: Name or service not known\n' });
    expect(usage.exit).toBe(255);
    expect(usage.stderr).toMatch(/^usage: ssh \[-46AaCfGgKkMNnqsTtVvXxYy\]/);
  });

  it("reaches the node's own endpoints with curl: a stopped kubelet refuses, a worker serves no apiserver", () => {
    const [healthy, apiserver, remote, stopped] = runCommands(boot(), [
      'ssh node-1 curl -s localhost:10248/healthz',
      'ssh node-1 curl -k https://localhost:6443/healthz',
      'ssh node-1 curl -k https://control-plane:6443/healthz',
      'sim node stop node-1 && ssh node-1 curl localhost:10248/healthz',
    ]);
    expect(healthy.stdout).toBe('ok');
    expect(apiserver).toMatchObject({ exit: 7, stderr: "curl: (7) Failed to connect to localhost port 6443 after 0 ms: Couldn't connect to server\n" });
    expect(remote.stdout).toBe('ok');
    expect(stopped).toMatchObject({ exit: 7, stderr: "curl: (7) Failed to connect to localhost port 10248 after 0 ms: Couldn't connect to server\n" });
  });
});
