import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../player/clusterView';
import { completeLine } from './complete';

const view: ClusterView = {
  t: 0,
  nodes: [{ name: 'node-1', ready: 'True', unschedulable: false, roles: [], taints: [], cpuAllocatableMilli: 2000, cpuRequestedMilli: 0, memoryAllocatableBytes: 0, memoryRequestedBytes: 0, running: true, runtimeRunning: true, pressure: [], pods: [{ namespace: 'default', name: 'web-abc', phase: 'Running', status: 'Running', ready: '1/1', restarts: '0', node: 'node-1', owner: 'web', controller: 'web-5d' }], counts: { running: 1, progress: 0, failing: 0, done: 0, terminating: 0, unknown: 0 } }],
  pending: [],
  deployments: [{ namespace: 'default', name: 'web', replicas: 1, ready: 1, updated: 1, available: 1, image: 'nginx' }],
  etcd: [],
  raft: [],
  podCount: 1,
  aggregated: false,
  pendingCount: 0,
};

describe('completeLine', () => {
  it('completes programs, kubectl verbs and resource types', () => {
    expect(completeLine('kub', view)).toEqual(['kubectl']);
    expect(completeLine('kubectl ro', view)).toEqual(['rollout']);
    expect(completeLine('kubectl get de', view)).toEqual(['deployments']);
    expect(completeLine('kubectl d', view)).toEqual(['debug', 'delete', 'describe', 'diff', 'drain']);
    expect(completeLine('kubectl ed', view)).toEqual(['edit']);
    expect(completeLine('ipt', view)).toEqual(['iptables', 'iptables-save']);
    expect(completeLine('iptables -t n', view)).toEqual(['nat']);
  });

  it('completes names of objects in the cluster', () => {
    expect(completeLine('kubectl describe pod w', view)).toEqual(['web-abc']);
    expect(completeLine('kubectl cordon n', view)).toEqual(['node-1']);
    expect(completeLine('kubectl logs w', view)).toEqual(['web-abc']);
    expect(completeLine('kubectl get nodes no', view)).toEqual(['node-1']);
    expect(completeLine('kubectl rollout status deployment/', view)).toEqual(['deployment/web']);
  });

  it('completes the node tools: systemctl verbs and units, journalctl -u, crictl', () => {
    expect(completeLine('sys', view)).toEqual(['systemctl']);
    expect(completeLine('systemctl re', view)).toEqual(['restart']);
    expect(completeLine('systemctl status ku', view)).toEqual(['kubelet']);
    expect(completeLine('journalctl -u c', view)).toEqual(['containerd']);
    expect(completeLine('crictl p', view)).toEqual(['pods', 'ps']);
  });
});
