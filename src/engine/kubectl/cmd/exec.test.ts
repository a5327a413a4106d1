import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

// staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (v1.32) against the simulated kubelet and runtime.
describe('kubectl exec', () => {
  const cluster = Cluster.boot(clusterSpec({ seed: 11, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  const r = runCommands(cluster, [
    'kubectl create deployment web --image=nginx:1.27.3 --replicas=2',
    'kubectl expose deployment web --port=80',
    { run: 'kubectl run bb --image=busybox:1.36 -- sh -c "touch /tmp/ready; sleep 3600"', advanceMs: 1_000 },
    'kubectl run old --image=busybox:1.28 -- sleep 3600',
    { run: 'kubectl exec bb -- env', advanceMs: 30_000 },
    'kubectl exec deploy/web -- env',
    'kubectl exec bb -- nslookup web',
    'kubectl exec old -- nslookup kubernetes.default',
    'kubectl exec bb -- wget -qO- web',
    'kubectl exec bb -- cat /etc/hosts /etc/resolv.conf',
    "kubectl exec bb -- sh -c 'ls /tmp; echo $HOSTNAME && exit 3'",
    'kubectl exec bb -- bash',
    'kubectl exec deploy/web -- foo',
    'kubectl exec bb -c nope -- ls',
    'kubectl exec bb',
    'kubectl exec bb hostname',
    { run: 'kubectl exec -i bb -- sh', stdin: 'echo one\nnslookup nowhere || echo failed\n' },
    'kubectl --as=system:serviceaccount:default:default exec bb -- ls',
    { run: 'kubectl run done --image=busybox:1.36 --restart=Never -- true', advanceMs: 0 },
    { run: 'kubectl exec done -- ls', advanceMs: 20_000 },
    'kubectl create service clusterip late --tcp=80',
    { run: 'kubectl exec bb -- printenv LATE_SERVICE_HOST WEB_SERVICE_PORT', advanceMs: 5_000 },
  ]);
  const [bbEnv, webEnv, nslookup, oldNslookup, wget, files, script, bash, unknown, badContainer, noCommand, deprecated, piped, forbidden] = r.slice(4);

  it('runs the command with the environment containerd built: PATH, HOSTNAME, image ENV, the Services seen at start', () => {
    const env = bbEnv.stdout.trim().split('\n');
    expect(env.slice(0, 2)).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOSTNAME=bb']);
    expect(env).toContain('WEB_SERVICE_HOST=' + /WEB_SERVICE_HOST=(\S+)/.exec(bbEnv.stdout)?.[1]);
    expect(env).toContain('KUBERNETES_SERVICE_PORT_HTTPS=443');
    expect(env.at(-1)).toBe('HOME=/root');
    // nginx's ENV follows HOSTNAME; its containers started after the Service was created.
    expect(webEnv.stdout).toMatch(/^HOSTNAME=web-\S+\nNGINX_VERSION=1\.27\.3\nPKG_RELEASE=1~bookworm\n/m);
    expect(webEnv.stdout).toContain('WEB_SERVICE_HOST=');
    expect(webEnv.stderr).toBe('');
    // A Service created after the container started is not in its environment.
    expect(r.at(-1)).toMatchObject({ stdout: '80\n', stderr: 'command terminated with exit code 1\n', exit: 1 });
  });

  it('answers DNS and HTTP from inside the pod, in each BusyBox version\'s format', () => {
    const ip = /WEB_SERVICE_HOST=(\S+)/.exec(bbEnv.stdout)![1];
    expect(nslookup.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`);
    expect(oldNslookup.stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n');
    expect(wget.stdout).toContain('<title>Welcome to nginx!</title>');
  });

  it('shows the kubelet-managed files and the script\'s own files, and keeps the shell\'s exit code', () => {
    expect(files.stdout).toMatch(/^# Kubernetes-managed hosts file\.\n127\.0\.0\.1\tlocalhost\n[\s\S]*\n10\.244\.\d+\.\d+\tbb\nsearch default\.svc\.cluster\.local svc\.cluster\.local cluster\.local\nnameserver 10\.96\.0\.10\noptions ndots:5\n$/);
    expect(script).toMatchObject({ stdout: 'ready\nbb\n', stderr: 'command terminated with exit code 3\n', exit: 3 });
    expect(piped).toMatchObject({ stdout: "one\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nowhere: NXDOMAIN\n\nfailed\n", exit: 0 });
  });

  it('fails as kubectl and the runtime do', () => {
    expect(bash).toMatchObject({ exit: 1 });
    expect(bash.stderr).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/);
    expect(unknown.stderr).toContain('exec: "foo": executable file not found in $PATH');
    expect(badContainer).toMatchObject({ exit: 1, stderr: 'Error from server (BadRequest): container nope is not valid for pod bb\n' });
    expect(noCommand).toMatchObject({ exit: 1, stderr: 'error: you must specify at least one command for the container\n' });
    expect(deprecated).toMatchObject({ exit: 0, stdout: 'bb\n', stderr: 'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n' });
    expect(forbidden.stderr).toBe('Error from server (Forbidden): pods "bb" is forbidden: User "system:serviceaccount:default:default" cannot get resource "pods" in API group "" in the namespace "default"\n');
    expect(r.at(-3)).toMatchObject({ exit: 1, stderr: 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n' });
  });
});

// Kubernetes Basics, "Explore your app": `kubectl exec -ti $POD_NAME -- bash`, then `cat server.js`
// and `curl http://localhost:8080` inside the container.
describe('kubectl exec into the bootcamp app', () => {
  it('finds the image’s own files relative to its working directory, and its server on localhost', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 12, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [, , cat, ls, curl, v2] = runCommands(cluster, [
      'kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1',
      { run: `export POD_NAME=$(kubectl get pods -o jsonpath='{.items[0].metadata.name}')`, advanceMs: 60_000 },
      'kubectl exec $POD_NAME -- cat server.js',
      'kubectl exec $POD_NAME -- ls',
      'kubectl exec $POD_NAME -- curl -s http://localhost:8080',
      'kubectl run v2 --image=docker.io/jocatalin/kubernetes-bootcamp:v2 >/dev/null; sleep 60; kubectl exec v2 -- cat /server.js | grep -c "v=2"',
    ]);
    expect(cat.stdout).toMatch(/^var http = require\('http'\);\n[\s\S]*listen\(8080/);
    expect(ls.stdout.split('\n')).toContain('server.js');
    expect(curl.stdout).toBe(`Hello Kubernetes bootcamp! | Running on: ${cluster.shellSession.vars.get('POD_NAME')} | v=1\n`);
    expect(v2.stdout).toBe('1\n');
  });
});
