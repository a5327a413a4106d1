import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const BOOTCAMP = 'gcr.io/google-samples/kubernetes-bootcamp:v1';

/** A cluster running the Kubernetes Basics tutorial's app, with $POD_NAME set as the tutorial does. */
function tutorial() {
  const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  runCommands(cluster, [
    `kubectl create deployment kubernetes-bootcamp --image=${BOOTCAMP}`,
    { run: `export POD_NAME="$(kubectl get pods -o jsonpath='{.items[0].metadata.name}')"`, advanceMs: 60_000 },
  ]);
  return cluster;
}

// kubectl proxy (staging/src/k8s.io/kubectl/pkg/cmd/proxy) and the apiserver's pods/services
// proxy subresources (pkg/registry/core/pod/strategy.go ResourceLocation).
describe('kubectl proxy', () => {
  it('serves the API on localhost:8001 in the background until killed (Kubernetes Basics: Explore your app)', () => {
    const cluster = tutorial();
    const pod = cluster.shellSession.vars.get('POD_NAME')!;
    expect(pod).toMatch(/^kubernetes-bootcamp-[a-z0-9]+-[a-z0-9]{5}$/);
    const [started, version, app, killed, after] = runCommands(cluster, [
      'kubectl proxy &',
      'curl http://localhost:8001/version',
      'curl http://localhost:8001/api/v1/namespaces/default/pods/$POD_NAME:8080/proxy/',
      'kill %1',
      'curl http://localhost:8001/version',
    ]);
    expect(started).toEqual({ exit: 0, stdout: 'Starting to serve on 127.0.0.1:8001\n', stderr: expect.stringMatching(/^\[1\] \d+\n$/) });
    expect(JSON.parse(version.stdout).gitVersion).toBe('v1.32.4');
    expect(app.stdout).toBe(`Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`);
    expect(killed.stderr).toBe('[1]+  Terminated              kubectl proxy\n');
    expect(after).toMatchObject({ exit: 7, stderr: "curl: (7) Failed to connect to localhost port 8001 after 0 ms: Couldn't connect to server\n" });
  });

  it('answers as the apiserver does when the pod is missing, has no IP, or nothing listens on the port', () => {
    const cluster = tutorial();
    const [, missing, closed, noPort] = runCommands(cluster, [
      'kubectl proxy --port=8080 &',
      'curl -s localhost:8080/api/v1/namespaces/default/pods/nope/proxy/',
      'curl -s localhost:8080/api/v1/namespaces/default/pods/$POD_NAME:9090/proxy/',
      'kubectl get --raw /api/v1/namespaces/default/pods/$POD_NAME/proxy/',
    ]);
    expect(JSON.parse(missing.stdout)).toMatchObject({ reason: 'NotFound', message: 'pods "nope" not found', code: 404 });
    const ip = JSON.parse(runCommands(cluster, ['kubectl get pod $POD_NAME -o json'])[0].stdout).status.podIP;
    expect(JSON.parse(closed.stdout)).toMatchObject({ reason: 'ServiceUnavailable', message: `error trying to reach service: dial tcp ${ip}:9090: connect: connection refused`, code: 503 });
    // No port given and none declared: the apiserver dials port 80.
    expect(noPort).toEqual({ exit: 1, stdout: '', stderr: `Error from server (ServiceUnavailable): error trying to reach service: dial tcp ${ip}:80: connect: connection refused\n` });
    const [pending] = runCommands(cluster, ['kubectl run idle --image=busybox:1.36 --overrides=\'{"spec":{"nodeName":"nowhere"}}\' >/dev/null; kubectl get --raw /api/v1/namespaces/default/pods/idle:80/proxy/']);
    expect(pending.stderr).toBe('Error from server (BadRequest): address not allowed\n');
  });

  it('reaches a ready endpoint through a Service proxy, and says when there is none', () => {
    const cluster = tutorial();
    const [, , app, none] = runCommands(cluster, [
      'kubectl expose deployment/kubernetes-bootcamp --port 8080',
      'kubectl create service clusterip empty --tcp=80:80',
      { run: 'kubectl get --raw /api/v1/namespaces/default/services/kubernetes-bootcamp:8080/proxy/', advanceMs: 2000 },
      'kubectl get --raw /api/v1/namespaces/default/services/empty/proxy/',
    ]);
    expect(app.stdout).toMatch(/^Hello Kubernetes bootcamp! \| Running on: kubernetes-bootcamp-\S+ \| v=1\n$/);
    expect(none.stderr).toBe('Error from server (ServiceUnavailable): no endpoints available for service "empty"\n');
  });

  it('refuses a port in use and forbids exec paths, as its request filter does', () => {
    const cluster = tutorial();
    const [, second, apiserverPort, exec] = runCommands(cluster, [
      'kubectl proxy &',
      'kubectl proxy',
      'kubectl proxy -p 6443',
      'curl -s http://127.0.0.1:8001/api/v1/namespaces/default/pods/$POD_NAME/exec',
    ]);
    expect(second).toEqual({ exit: 1, stdout: '', stderr: 'error: listen tcp 127.0.0.1:8001: bind: address already in use\n' });
    expect(apiserverPort.stderr).toBe('error: listen tcp 127.0.0.1:6443: bind: address already in use\n');
    expect(exec.stdout).toBe('Forbidden\n');
  });
});
