// The kubelet's HTTPS endpoints the apiserver proxies to (pkg/kubelet/server/server.go, v1.32):
// /exec and /containerLogs, plus what a connection to a pod's IP reaches. Each answers as the
// kubelet would, including the errors when the kubelet or containerd is down.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/object';
import type { ContainerRuntime } from '../runtime/containerRuntime';
import { containerLogLines, formatLogs } from '../runtime/containerLogs';
import type { ExecResult } from '../runtime/exec/shell';
import { KERNEL_VERSION } from './config';
import { execInPod, podHttpBody, type ExecRequest } from './containerExec';
import { validateContainerLogStatus, type LogRequest } from './containerLogs';
import { CRI_UNAVAILABLE } from './runtimeHealth';

/** ServerView is the kubelet as its server sees it at one instant. */
export interface ServerView {
  running: boolean;
  /** endpoint: the kubelet's `hostIP:port`. */
  endpoint: string;
  nodeName: string;
  runtime: ContainerRuntime;
  nowMs: number;
  epochMs: number;
  /** status: the pod's status as the status manager has it (newer than the apiserver's). */
  status(pod: Stored<Pod>): Pod['status'];
}

/** serveExec is the exec endpoint (`kubectl exec`), or the error the upgrade fails with. */
export function serveExec(k: ServerView, pod: Stored<Pod> | undefined, request: ExecRequest): ExecResult | { error: string } {
  if (!k.running) return { error: `error dialing backend: dial tcp ${k.endpoint}: connect: connection refused` };
  if (!pod) return { error: `unable to upgrade connection: pod does not exist` };
  // The kubelet asks containerd for an exec session: with containerd down the CRI call fails.
  if (!k.runtime.service.active) return { error: `unable to upgrade connection: ${CRI_UNAVAILABLE}` };
  return execInPod(k.runtime, pod, request, k.nowMs, k.epochMs);
}

/**
 * servePodHttp is a connection to a pod's IP on `port` (the apiserver proxy dials pod IPs
 * directly, so it answers while the kubelet is stopped too): the body, or undefined.
 */
export function servePodHttp(k: ServerView, pod: Stored<Pod> | undefined, port: number): string | undefined {
  return pod ? podHttpBody(k.runtime, pod, port, k.nowMs) : undefined;
}

/** serveContainerLogs is GET /containerLogs/{namespace}/{pod}/{container} (`kubectl logs`): the text, or the error. */
export function serveContainerLogs(k: ServerView, namespace: string, podName: string, pod: Stored<Pod> | undefined, container: string, options: LogRequest): string | { error: string } {
  if (!k.running) return { error: `Get "https://${k.endpoint}/containerLogs/${namespace}/${podName}/${container}": dial tcp ${k.endpoint}: connect: connection refused` };
  if (!pod) return { error: `pod "${podName}" cannot be found - no logs available` };
  const validated = options.containerId ? { id: options.containerId } : validateContainerLogStatus(podName, k.status(pod) ?? {}, container, Boolean(options.previous));
  if ('error' in validated) return validated;
  const picked = validated;
  // kuberuntime's GetContainerLogs starts with a ContainerStatus call, which fails while containerd is down.
  if (!k.runtime.service.active) return { error: `unable to retrieve container logs for containerd://${picked.id}` };
  const record = k.runtime.container(picked.id);
  if (!record) return '';
  const ip = k.runtime.podSandboxes(record.podUid).find((s) => s.id === record.sandboxId)?.ip ?? '';
  // A hostNetwork pod (kubeadm's etcd, apiserver) shares the node's UTS namespace: its hostname is the node's.
  const hostname = pod.spec?.hostNetwork ? k.nodeName : podName;
  const lines = containerLogLines(record, { hostname, podIP: ip, kernel: KERNEL_VERSION, epochMs: k.epochMs }, k.nowMs);
  return formatLogs(lines, record.id, k.epochMs, options);
}
