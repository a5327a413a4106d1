// The kubelet's exec endpoint (server.go getExec → GetExec → CRI Exec): the apiserver proxies
// POST /api/v1/namespaces/NS/pods/POD/exec here; the kubelet finds the running container and
// asks containerd to run the command in it (runtime/exec/shell.ts).
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/object';
import { milliValue, value } from '../api/quantity';
import type { ContainerRuntime } from '../runtime/containerRuntime';
import { servedBody } from '../runtime/exec/httpBodies';
import { ContainerLayer } from '../runtime/exec/layer';
import { execInContainer, type ExecResult, type ImageFamily, type Network } from '../runtime/exec/shell';
import { fileExistsAt, fileTimeline } from '../runtime/shellFs';
import { KERNEL_VERSION } from './config';

export interface ExecRequest {
  container: string;
  argv: string[];
  stdin: string;
  network?: Network;
  /** attach: stand for the container's own process (kubectl run -i/attach): an exited container still answers. */
  attach?: boolean;
}

/** imageFamily tells the image's userland from its reference (BusyBox, Alpine, Debian, none). */
export function imageFamily(image: string): { family: ImageFamily; busybox128: boolean } {
  const busybox128 = /\/busybox:1\.28(\.|$|-)/.test(image);
  if (/\/(busybox|agnhost)[:@]/.test(image) || /e2e-test-images\/(busybox|agnhost)/.test(image)) return { family: 'busybox', busybox128 };
  if (/alpine/.test(image)) return { family: 'alpine', busybox128: false };
  if (/\/pause[:@]|distroless|hello-app/.test(image)) return { family: 'none', busybox128: false };
  return { family: 'debian', busybox128: false };
}

/**
 * execInPod: the container must be running (`container not found` otherwise, as the CRI answers
 * for an absent container); the command sees the container's environment and files now.
 */
export function execInPod(runtime: ContainerRuntime, pod: Stored<Pod>, request: ExecRequest, nowMs: number, epochMs: number): ExecResult | { error: string } {
  const uid = pod.metadata.uid ?? '';
  const record = runtime.listContainers().filter((c) => c.podUid === uid && c.name === request.container && (c.state === 'CONTAINER_RUNNING' || (request.attach && c.state === 'CONTAINER_EXITED'))).pop();
  if (!record) return { error: `unable to upgrade connection: container not found ("${request.container}")` };
  const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === request.container);
  const podIP = runtime.podSandboxes(uid).find((s) => s.id === record.sandboxId)?.ip ?? '';
  const runningMs = nowMs - (record.startedAtMs ?? nowMs);
  const timeline = fileTimeline(record.argv);
  const scriptFiles = new Set([...timeline.keys()].filter((path) => fileExistsAt(timeline, path, runningMs)));
  const cpuLimit = spec?.resources?.limits?.cpu;
  const memoryLimit = spec?.resources?.limits?.memory;
  const { family, busybox128 } = imageFamily(record.image);
  const hostname = pod.spec?.hostname ?? pod.metadata.name;
  const layer = (record.layer ??= new ContainerLayer());
  layer.clockMs = runningMs;
  const changesBefore = layer.history.length;
  const result = execInContainer(request.argv, {
    family,
    busybox128,
    env: record.env,
    wallMs: epochMs + nowMs,
    kernel: KERNEL_VERSION,
    network: request.network,
    // localhost is the pod's network namespace: any running container of the pod may answer.
    self: (port) => podHttpBody(runtime, pod, port, nowMs),
    tools: record.tools,
    stdin: request.stdin,
    view: {
      hostname,
      namespace: pod.metadata.namespace ?? 'default',
      podIP,
      serviceAccount: pod.spec?.automountServiceAccountToken !== false,
      memoryLimitBytes: memoryLimit === undefined ? undefined : value(memoryLimit),
      cpuLimitMillis: cpuLimit === undefined ? undefined : milliValue(cpuLimit),
      scriptFiles,
      imageFiles: record.files,
      layer,
    },
  });
  if (layer.history.length !== changesBefore) runtime.filesChanged(uid);
  return result;
}

/**
 * podHttpBody is what a connection to the pod's IP on `port` gets: the body of the running
 * container listening there (once its server is up), or undefined when nothing listens.
 */
export function podHttpBody(runtime: ContainerRuntime, pod: Stored<Pod>, port: number, nowMs: number): string | undefined {
  const answering = runtime
    .podContainers(pod.metadata.uid ?? '')
    .find((c) => c.state === 'CONTAINER_RUNNING' && c.behavior.mode === 'serve' && c.behavior.ports.some((p) => p.port === port) && nowMs - (c.startedAtMs ?? nowMs) >= c.behavior.readyAfterMs);
  if (!answering) return undefined;
  const version = answering.env.find((kv) => kv.startsWith('NGINX_VERSION='))?.slice('NGINX_VERSION='.length);
  return servedBody(answering.image, pod.spec?.hostname ?? pod.metadata.name, { layer: answering.layer, imageFiles: answering.files, version });
}
