import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

/** A Deployment of nginx behind a Service whose port 8080 targets the pods' port 80. */
function web() {
  const cluster = Cluster.boot(clusterSpec({ seed: 6, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  runCommands(cluster, ['kubectl create deployment web --image=nginx:1.27.3 --port=80', 'kubectl expose deployment web --port=8080 --target-port=80']);
  cluster.runUntil(cluster.sim.nowMs + 30_000);
  return cluster;
}

// staging/src/k8s.io/kubectl/pkg/cmd/portforward (v1.32).
describe('kubectl port-forward', () => {
  it('forwards a local port to a Service’s targetPort on one of its pods, announcing each connection', () => {
    const [started, page, killed] = runCommands(web(), ['kubectl port-forward svc/web 8080:8080 &', { run: 'curl -s http://localhost:8080', advanceMs: 1000 }, 'kill %1']);
    expect(started).toEqual({ exit: 0, stdout: '', stderr: '[1] 2407\n' });
    // The job printed its listeners after the prompt came back: they lead the next line's output.
    expect(page.stdout).toMatch(/^Forwarding from 127\.0\.0\.1:8080 -> 80\nForwarding from \[::1\]:8080 -> 80\nHandling connection for 8080\n<!DOCTYPE html>\n[\s\S]*Welcome to nginx!/);
    expect(killed.stderr).toBe('[1]+  Terminated              kubectl port-forward svc/web 8080:8080\n');
  });

  it('gives curl an empty reply and logs the kubelet’s error when nothing listens on the pod’s port', () => {
    const [, refused] = runCommands(web(), ['kubectl port-forward deploy/web 9000:9090 &', { run: 'curl localhost:9000', advanceMs: 1000 }]);
    expect(refused.exit).toBe(52);
    expect(refused.stderr).toMatch(/^E\d{4} [\d:.]+ +\d+ portforward\.go:424\] "Unhandled Error" err="an error occurred forwarding 9000 -> 9090: error forwarding port 9090 to pod web-[a-z0-9]+-[a-z0-9]{5}, uid : .*dial tcp4 127\.0\.0\.1:9090: connect: connection refused/m);
    expect(refused.stderr).toMatch(/curl: \(52\) Empty reply from server\n$/);
  });

  it('refuses a pod that is not running, a port in use, a missing Service port, and needs ports', () => {
    const cluster = web();
    const results = runCommands(cluster, [
      'kubectl run waiting --image=nginx:1.27.3 --overrides=\'{"spec":{"nodeName":"nowhere"}}\'',
      'kubectl port-forward pod/waiting 8081:80',
      'kubectl port-forward svc/web 6443:8080',
      'kubectl port-forward svc/web 8082:80',
      'kubectl port-forward web-pod',
    ]);
    expect(results[1]).toEqual({ exit: 1, stdout: '', stderr: 'error: unable to forward port because pod is not running. Current status=Pending\n' });
    expect(results[2].stderr).toBe('error: unable to listen on any of the requested ports: [{6443 80}]\n');
    expect(results[3].stderr).toBe('error: Service web does not have a service port 80\n');
    expect(results[4].stderr).toBe("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
  });

  it('ends with "lost connection to pod" once the pod is gone', () => {
    const [, , lost, jobs] = runCommands(web(), [
      'kubectl port-forward deploy/web 8080:80 &',
      { run: 'kubectl delete deployment web', advanceMs: 1000 },
      { run: 'curl localhost:8080', advanceMs: 40_000 },
      'jobs',
    ]);
    expect(lost.stderr).toMatch(/Handling connection for 8080\n|error: lost connection to pod\n/);
    expect(lost.stderr).toContain('error: lost connection to pod\n');
    expect(lost.exit).toBe(52);
    expect(jobs.stdout).toBe('');
  });
});
