// metrics-server in a booted cluster, seen through `kubectl top` and `sim load`: the texts are
// kubectl 1.32's (top_pod.go, top_node.go) and metrics-server's (pkg/api NotFound errors).
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { kubeControllerManagerFactory } from '../../controllerManager/kubeControllerManager';
import { kubeletFactory } from '../../kubelet/kubeletFactory';
import { schedulerFactory } from '../../scheduler/scheduler';
import { wait } from '../../sim/task';
import { runCommands } from '../../testing/runCommands';
import { list, request } from '../../controllerManager/testing';
import type { MetricsList, PodMetrics } from '../types';
import { METRICS_SERVER, type MetricsServer } from './metricsServer';

const SPEC = clusterSpec({ seed: 3, nodes: nodesFromCount(2), etcdMembers: 1 });

function bootWithDeployment(): Cluster {
  const cluster = Cluster.boot(SPEC, DEFAULT_COMPONENTS);
  runCommands(cluster, ['kubectl create deployment web --image=nginx:1.27 --replicas=3']);
  cluster.runUntil(cluster.sim.nowMs + 45_000);
  return cluster;
}

const rows = (stdout: string) => stdout.trim().split('\n').slice(1).map((line) => line.trim().split(/\s+/));

describe('metrics-server and kubectl top', () => {
  it('answers "Metrics API not available" without metrics-server, and once it is stopped', () => {
    const bare = Cluster.boot(SPEC, [kubeControllerManagerFactory, schedulerFactory, kubeletFactory]);
    expect(runCommands(bare, ['kubectl top pods'])[0]).toEqual({ exit: 1, stdout: '', stderr: 'error: Metrics API not available\n' });
    const cluster = Cluster.boot(SPEC, DEFAULT_COMPONENTS);
    expect(runCommands(cluster, ['kubectl top nodes'])[0].exit).toBe(0);
    cluster.component<MetricsServer>(METRICS_SERVER)!.stop();
    expect(runCommands(cluster, ['kubectl top nodes'])[0].stderr).toBe('error: Metrics API not available\n');
    // A client that skips discovery gets the aggregator's 503.
    const listed = request(cluster, (function* () {
      return yield* wait(cluster.admin().listGroup<MetricsList<PodMetrics>>('metrics.k8s.io', 'pods', 'default'));
    })());
    expect(listed.ok ? 'ok' : listed.status).toMatchObject({ code: 503, reason: 'ServiceUnavailable', message: 'the server is currently unable to handle the request (get pods.metrics.k8s.io)' });
  });

  it('shows node usage (system overhead plus pods) as a share of allocatable', () => {
    const cluster = bootWithDeployment();
    const [top] = runCommands(cluster, ['kubectl top nodes']);
    expect(top.stdout.split('\n')[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s+$/);
    expect(rows(top.stdout).map((r) => r[0])).toEqual(['node-1', 'node-2']);
    for (const [, cpu, , memory] of rows(top.stdout)) {
      expect(Number(cpu.replace('m', ''))).toBeGreaterThanOrEqual(40);
      expect(Number(memory.replace('Mi', ''))).toBeGreaterThanOrEqual(600);
    }
  });

  it('reports a pod from its second scrape; kubectl explains young and old pods without metrics', () => {
    const cluster = Cluster.boot(SPEC, DEFAULT_COMPONENTS);
    const [created, early] = runCommands(cluster, ['kubectl create deployment web --image=nginx:1.27 --replicas=2', { run: 'kubectl top pods', advanceMs: 3_000 }]);
    expect(created.exit).toBe(0);
    expect(early).toEqual({ exit: 1, stdout: '', stderr: 'error: metrics not available yet\n' });
    cluster.runUntil(cluster.sim.nowMs + 40_000);
    const [ready] = runCommands(cluster, ['kubectl top pods']);
    expect(rows(ready.stdout).map((r) => r.slice(1))).toEqual([['1m', '8Mi'], ['1m', '8Mi']]);
    // Stop the kubelet of the node running the first pod: its metrics disappear at the next scrape.
    const pods = list<Pod>(cluster, 'pods');
    const node = pods[0].spec!.nodeName!;
    runCommands(cluster, [`sim node stop ${node}`]);
    cluster.runUntil(cluster.sim.nowMs + 150_000);
    const [one, nodes] = runCommands(cluster, [`kubectl top pod ${pods[0].metadata.name}`, 'kubectl top nodes']);
    expect(one.stderr).toBe(`Error from server (NotFound): podmetrics.metrics.k8s.io "default/${pods[0].metadata.name}" not found\n`);
    expect(rows(nodes.stdout).find((r) => r[0] === node)).toEqual([node, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
    const onStopped = pods.filter((p) => p.spec?.nodeName === node);
    const [old] = runCommands(cluster, [`kubectl top pods --field-selector spec.nodeName=${node}`]);
    expect(old.stderr).toMatch(new RegExp(`^error: Metrics not available for pod default/(${onStopped.map((p) => p.metadata.name).join('|')}), age: 3m\\d+(\\.\\d+)?s\\n$`));
  });

  it('sim load: per-pod and total CPU, memory, and its errors', () => {
    const cluster = bootWithDeployment();
    const results = runCommands(cluster, [
      'sim load deployment/web --cpu=250m', { run: 'kubectl top pods', advanceMs: 16_000 },
      'sim load deployment/web --total-cpu=1500m --memory=64Mi', { run: 'kubectl top pods --containers', advanceMs: 16_000 },
      'sim load', 'sim load deployment/web --cpu=0', { run: 'kubectl top pods', advanceMs: 16_000 },
      'sim load deployment/nope --cpu=1', 'sim load deployment/web', 'sim load deployment/web --cpu=1 --total-cpu=2',
    ]);
    const [perPod, perPodTop, total, totalTop, listed, removed, idleTop, missing, noAmount, both] = results;
    expect(perPod.stdout).toBe('deployment.apps/web load: 250m CPU per pod\n');
    expect(rows(perPodTop.stdout).map((r) => r[1])).toEqual(['251m', '251m', '251m']);
    expect(total.stdout).toBe('deployment.apps/web load: 1500m CPU spread over the ready pods, 64Mi memory per pod\n');
    expect(rows(totalTop.stdout).map((r) => r.slice(1))).toEqual([['nginx', '501m', '72Mi'], ['nginx', '501m', '72Mi'], ['nginx', '501m', '72Mi']]);
    expect(listed.stdout).toBe('default\tdeployment.apps/web\t1500m CPU spread over the ready pods, 64Mi memory per pod\n');
    expect(removed.stdout).toBe('deployment.apps/web load: 64Mi memory per pod\n');
    expect(rows(idleTop.stdout).map((r) => r.slice(1))).toEqual([['1m', '72Mi'], ['1m', '72Mi'], ['1m', '72Mi']]);
    expect(missing).toEqual({ exit: 1, stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n' });
    expect([noAmount.exit, both.exit]).toEqual([1, 1]);
    expect(noAmount.stderr).toMatch(/^error: usage: sim load deployment\/NAME/);
  });
});
