import { describe, expect, it } from 'vitest';
import { Cluster } from '../../engine/cluster';
import { clusterSpec, nodesFromCount } from '../../engine/clusterSpec';
import { DEFAULT_COMPONENTS } from '../../engine/components';
import { runCommands } from '../../engine/testing/runCommands';
import { caption } from './captions';
import { SequenceRecorder } from './recorder';

function record(lines: string[]): SequenceRecorder {
  const cluster = Cluster.boot(clusterSpec({ seed: 5, nodes: nodesFromCount(3), etcdMembers: 3 }), DEFAULT_COMPONENTS);
  const recorder = new SequenceRecorder();
  cluster.sim.trace.subscribe((e) => recorder.observe(e));
  runCommands(cluster, lines);
  cluster.runUntil(cluster.sim.nowMs + 60_000);
  return recorder;
}

describe('pod-creation sequence recorder', () => {
  it('records a Deployment’s first Pod through every component in the classic order', () => {
    const recorder = record(['kubectl create deployment web --image=nginx:1.27.3', 'kubectl expose deployment web --port=80']);
    expect(recorder.steps.map((s) => s.id)).toEqual([
      'post', 'admission', 'persist', 'created', 'watchDeployment', 'createReplicaSet', 'createPod', 'watchPod', 'filter', 'score', 'bind',
      'kubeletWatch', 'sandbox', 'pull', 'createContainer', 'startContainer', 'statusRunning', 'endpoints', 'proxyRules',
    ]);
    const times = recorder.steps.map((s) => s.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const score = recorder.steps.find((s) => s.id === 'score')!;
    const bind = recorder.steps.find((s) => s.id === 'bind')!;
    expect(bind.detail.node).toBe(score.detail.node);
    expect(caption(recorder.steps.find((s) => s.id === 'filter')!, 'en')).toBe('filter: 3/3 nodes fit');
    expect(caption(recorder.steps.find((s) => s.id === 'pull')!, 'zh-CN')).toBe('拉取镜像 nginx:1.27.3');
  });

  it('records a bare Pod from kubectl run without the controller steps', () => {
    const recorder = record(['kubectl run web --image=nginx:1.27.3']);
    expect(recorder.steps.map((s) => s.id)).toEqual(['post', 'admission', 'persist', 'created', 'watchPod', 'filter', 'score', 'bind', 'kubeletWatch', 'sandbox', 'pull', 'createContainer', 'startContainer', 'statusRunning']);
  });
});
