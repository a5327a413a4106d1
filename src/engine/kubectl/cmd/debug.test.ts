import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const LEGACY = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';

// staging/src/k8s.io/kubectl/pkg/cmd/debug (v1.32), ephemeral containers (pods/ephemeralcontainers).
describe('kubectl debug', () => {
  const cluster = Cluster.boot(clusterSpec({ seed: 15, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  const r = runCommands(cluster, [
    { run: 'kubectl run web --image=nginx:1.27', advanceMs: 0 },
    { run: 'kubectl debug web -it --image=busybox:1.36', stdin: 'hostname\nwget -qO- localhost:80\n', advanceMs: 15_000 },
    'kubectl debug web --image=busybox:1.36 -c probe --profile=restricted -- sleep 600',
    { run: 'kubectl get pod web -o json', advanceMs: 10_000 },
    'kubectl get pods',
    'kubectl debug',
    'kubectl debug web',
    'kubectl debug web --image=busybox -t',
    'kubectl debug web --image=busybox --profile=foo',
    'kubectl run other --image=nginx:1.27',
    { run: `kubectl patch pod other --subresource=ephemeralcontainers -p '{"spec":{"ephemeralContainers":[{"name":"x","image":"busybox","ports":[{"containerPort":80}]}]}}'`, advanceMs: 0 },
  ]);
  const [, interactive, detached, json, pods, noImage, noImage2, ttyOnly, badProfile] = r;

  it('adds an ephemeral container, waits for it and attaches the session', () => {
    expect(interactive.stderr).toBe(`${LEGACY}Unable to use a TTY - input is not a terminal or the right kind of file\n`);
    // The ephemeral container shares the pod's network namespace: localhost:80 is nginx.
    expect(interactive.stdout).toMatch(/^Defaulting debug container name to debugger-[bcdfghjklmnpqrstvwxz2456789]{5}\.\nweb\n<!DOCTYPE html>[\s\S]*Welcome to nginx![\s\S]*<\/html>\n$/);
    expect(detached).toMatchObject({ exit: 0, stdout: '' });
  });

  it('keeps the pod running and reports the ephemeral containers in spec and status', () => {
    const pod = JSON.parse(json.stdout) as Pod;
    const [debugger1, probe] = pod.spec!.ephemeralContainers!;
    expect(debugger1).toMatchObject({ image: 'busybox:1.36', stdin: true, tty: true, terminationMessagePolicy: 'File' });
    expect(probe).toMatchObject({ name: 'probe', command: ['sleep', '600'], securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } } });
    const statuses = pod.status!.ephemeralContainerStatuses!;
    expect(statuses.map((s) => [s.name, Object.keys(s.state ?? {})[0], s.ready])).toEqual([[debugger1.name, 'running', false], ['probe', 'running', false]]);
    expect(pods.stdout).toMatch(/^web\s+1\/1\s+Running\s+0\s/m);
  });

  it('refuses what kubectl and the apiserver refuse', () => {
    expect(noImage).toMatchObject({ exit: 1, stderr: 'error: you must specify --image when not using --copy-to.\n' });
    expect(noImage2.stderr).toBe('error: you must specify --image when not using --copy-to.\n');
    expect(ttyOnly.stderr).toBe('error: -i/--stdin is required for containers with -t/--tty=true\n');
    expect(badProfile.stderr).toBe('error: unknown profile: foo\n');
    expect(r.at(-1)!.stderr).toBe('The Pod "other" is invalid: spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container\n');
  });
});
