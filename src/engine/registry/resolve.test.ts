import { describe, it, expect } from 'vitest';
import { resolveImage, type ResolvedImage } from './resolve';
import { FAKE_DIGEST_SUFFIX } from './digest';
import { withOverride, EMPTY_REGISTRY_STATE } from './registryState';
import { planContainerRun } from './runPlan';

function ok(image: string): ResolvedImage {
  const result = resolveImage(image);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('resolveImage: catalog lookups', () => {
  it.each([
    // Sizes kubelet 1.32 reported in real "Successfully pulled image" events.
    ['nginx:1.14.2', 'docker.io/library/nginx:1.14.2', 44_710_204],
    ['nginx:1.25', 'docker.io/library/nginx:1.25', 67_665_983],
    ['nginx:1.27-alpine', 'docker.io/library/nginx:1.27-alpine', 20_984_244],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10', 320_368],
    ['registry.k8s.io/e2e-test-images/agnhost:2.39', 'registry.k8s.io/e2e-test-images/agnhost:2.39', 126_872_991],
    ['gcr.io/google-samples/kubernetes-bootcamp:v1', 'gcr.io/google-samples/kubernetes-bootcamp:v1', 83_642_968],
    ['registry.k8s.io/hpa-example', 'registry.k8s.io/hpa-example:latest', 164_030_864],
    ['busybox', 'docker.io/library/busybox:latest', 2_236_931],
  ])('%s', (image, normalized, sizeBytes) => {
    const resolved = ok(image);
    expect(resolved.normalized).toBe(normalized);
    expect(resolved.sizeBytes).toBe(sizeBytes);
  });

  it.each([
    'nginx:1.16.1', 'nginx:1.19.10', 'nginx:1.21.6', 'nginx:1.23', 'nginx:stable', 'nginx:mainline', 'nginx:alpine', 'nginx:stable-alpine',
    'busybox:1.28', 'busybox:1.34', 'busybox:1.35', 'busybox:1.36', 'busybox:1.36.1', 'busybox:1.37', 'busybox:musl', 'busybox:glibc',
    'redis:6.2', 'redis:7', 'redis:alpine', 'redis:7.4-alpine', 'registry.k8s.io/pause:3.9', 'k8s.gcr.io/pause:3.9',
    'registry.k8s.io/e2e-test-images/agnhost:2.52', 'docker.io/jocatalin/kubernetes-bootcamp:v2', 'perl:5.34.0', 'perl:slim',
    'httpd:2.4', 'mysql:8.0', 'postgres:16-alpine', 'python:3.12-slim', 'node:20-alpine', 'alpine:3.20', 'ubuntu:22.04',
    'debian:bookworm-slim', 'registry.k8s.io/echoserver:1.4', 'k8s.gcr.io/echoserver:1.10', 'gcr.io/google-samples/hello-app:2.0',
    'registry.k8s.io/coredns/coredns:v1.11.3', 'registry.k8s.io/etcd:3.5.16-0', 'registry.k8s.io/kube-proxy:v1.32.0',
    'polinux/stress', 'k8sim/crasher', 'k8sim/memhog',
  ])('knows %s', (image) => {
    expect(resolveImage(image).ok).toBe(true);
  });

  it('gives every tag of one image the same fake digest, marked as fake', () => {
    const [latest, mainline, exact] = ['nginx', 'nginx:mainline', 'nginx:1.27.3'].map(ok);
    expect(latest.digest).toBe(exact.digest);
    expect(mainline.digest).toBe(exact.digest);
    expect(ok('nginx:1.26.2').digest).not.toBe(exact.digest);
    expect(exact.digest).toMatch(new RegExp(`^sha256:[0-9a-f]{48}${FAKE_DIGEST_SUFFIX}$`));
    expect(exact.imageRef).toBe(`docker.io/library/nginx@${exact.digest}`);
  });

  it('pulls by digest', () => {
    const { digest } = ok('nginx:1.25.5');
    expect(ok(`nginx@${digest}`).sizeBytes).toBe(ok('nginx:1.25.5').sizeBytes);
    expect(ok(`nginx:whatever@${digest}`).normalized).toBe(`docker.io/library/nginx@${digest}`);
  });

  it('serves only pre-2023 tags from frozen k8s.gcr.io', () => {
    expect(resolveImage('k8s.gcr.io/pause:3.10').ok).toBe(false);
  });
});

describe('resolveImage: failures with containerd 1.7 / kubelet 1.32 texts', () => {
  it('reports a missing tag as NotFound (the rpc prefix stays for non-Unknown codes)', () => {
    expect(resolveImage('nginx:1.99')).toEqual({
      ok: false,
      reason: 'ErrImagePull',
      kind: 'not-found',
      error: 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found',
      eventMessage: 'Failed to pull image "nginx:1.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found',
    });
  });

  it('reports a missing Docker Hub repository as pull access denied (as seen on kind nodes)', () => {
    const result = resolveImage('jakwehrgkaejw:kahsdfgkhj');
    expect(result.ok === false && result.eventMessage).toBe(
      'Failed to pull image "jakwehrgkaejw:kahsdfgkhj": failed to pull and unpack image "docker.io/library/jakwehrgkaejw:kahsdfgkhj": failed to resolve reference "docker.io/library/jakwehrgkaejw:kahsdfgkhj": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
    const user = resolveImage('opsproof/app:missing');
    expect(user.ok === false && user.error).toBe(
      'failed to pull and unpack image "docker.io/opsproof/app:missing": failed to resolve reference "docker.io/opsproof/app:missing": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });

  it('reports a missing tag on registry.k8s.io as NotFound', () => {
    const result = resolveImage('registry.k8s.io/pause:9.9');
    expect(result.ok === false && result.error).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/pause:9.9": failed to resolve reference "registry.k8s.io/pause:9.9": registry.k8s.io/pause:9.9: not found',
    );
  });

  it('reports an unknown registry host as a DNS failure', () => {
    const result = resolveImage('myregistry.example:5000/team/app:1', EMPTY_REGISTRY_STATE, { dnsServer: '10.0.0.2:53' });
    expect(result.ok === false && result.error).toBe(
      'failed to pull and unpack image "myregistry.example:5000/team/app:1": failed to resolve reference "myregistry.example:5000/team/app:1": failed to do request: Head "https://myregistry.example:5000/v2/team/app/manifests/1": dial tcp: lookup myregistry.example on 10.0.0.2:53: no such host',
    );
  });

  it('reports an invalid name as kubelet does (InvalidImageName)', () => {
    expect(resolveImage('Nginx:1.25')).toEqual({
      ok: false,
      reason: 'InvalidImageName',
      error: 'Failed to apply default image tag "Nginx:1.25": couldn\'t parse image name "Nginx:1.25": invalid reference format: repository name (library/Nginx) must be lowercase',
      eventMessage: 'Failed to apply default image tag "Nginx:1.25": couldn\'t parse image name "Nginx:1.25": invalid reference format: repository name (library/Nginx) must be lowercase',
    });
    const spaced = resolveImage('nginx 1.25');
    expect(spaced.ok === false && spaced.error).toBe('Failed to apply default image tag "nginx 1.25": couldn\'t parse image name "nginx 1.25": invalid reference format');
  });
});

describe('planContainerRun', () => {
  it('serves nginx on port 80 and prints the entrypoint lines', () => {
    const plan = planContainerRun(ok('nginx:1.25'));
    expect(plan.argv).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    expect(plan.behavior.mode).toBe('serve');
    expect(plan.behavior.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    expect(plan.behavior.logs[0].text).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
  });

  it('exits 0 at once for busybox without a command', () => {
    expect(planContainerRun(ok('busybox'))).toMatchObject({ argv: ['sh'], behavior: { mode: 'exit', exitCode: 0 } });
  });

  it('follows command/args over ENTRYPOINT/CMD', () => {
    expect(planContainerRun(ok('busybox:1.28'), { command: ['sleep', '3600'] }).behavior).toMatchObject({ mode: 'exit', runMs: 3_600_000 });
    const script = planContainerRun(ok('busybox'), { command: ['sh', '-c', 'echo The app is running! && sleep 3600'] });
    expect(script.behavior).toMatchObject({ mode: 'exit', runMs: 3_600_000, logs: [{ atMs: 0, stream: 'stdout', text: 'The app is running!' }] });
    const loop = planContainerRun(ok('busybox'), { args: ['/bin/sh', '-c', 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'] });
    expect(loop.behavior).toMatchObject({ mode: 'serve', repeatEveryMs: 1000 });
  });

  it('runs agnhost netexec with its ports', () => {
    const plan = planContainerRun(ok('registry.k8s.io/e2e-test-images/agnhost:2.39'), { command: ['/agnhost', 'netexec', '--http-port=8080'] });
    expect(plan.behavior.ports).toEqual([{ port: 8080, protocol: 'TCP' }, { port: 8081, protocol: 'UDP' }]);
    expect(plan.behavior.logs.map((l) => l.text)).toEqual([
      '{{ts:klog}}       1 log.go:194] Started HTTP server on port 8080',
      '{{ts:klog}}       1 log.go:194] Started UDP server on port  8081',
    ]);
  });

  it('prints π for the Job tutorial', () => {
    const plan = planContainerRun(ok('perl:5.34.0'), { command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] });
    expect(plan.behavior.mode).toBe('exit');
    expect(plan.behavior.logs[0].text.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(true);
    expect(plan.behavior.logs[0].text).toHaveLength(2001);
  });

  it('exits 1 when mysql or postgres get no password', () => {
    expect(planContainerRun(ok('mysql:8.0')).behavior).toMatchObject({ mode: 'exit', exitCode: 1 });
    expect(planContainerRun(ok('mysql:8.0'), { env: [{ name: 'MYSQL_ROOT_PASSWORD' }] }).behavior.mode).toBe('serve');
    expect(planContainerRun(ok('postgres')).behavior).toMatchObject({ mode: 'exit', exitCode: 1 });
  });

  it('holds the stress memory of the memory-limit task', () => {
    const plan = planContainerRun(ok('polinux/stress'), { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] });
    expect(plan.behavior.memoryBytes).toBe(151 * 1024 * 1024);
  });

  it('applies run-time overrides (sim image)', () => {
    const state = withOverride(EMPTY_REGISTRY_STATE, 'nginx:1.25', { mode: 'exit', exitCode: 1, runMs: 500 });
    expect(planContainerRun(ok('nginx:1.25'), {}, state).behavior).toMatchObject({ mode: 'exit', exitCode: 1, runMs: 500 });
    expect(planContainerRun(ok('nginx:1.26'), {}, state).behavior.mode).toBe('serve');
  });
});
