import { describe, expect, it } from 'vitest';
import { EngineHost } from './engineHost';
import { defaultSession } from './session';

function running(): EngineHost {
  const created = EngineHost.create(defaultSession());
  if (!created.ok) throw new Error(created.error);
  const host = created.host;
  host.submit('kubectl create deployment web --image=nginx:1.27.3 --replicas=2');
  host.advanceTo(30_000);
  return host;
}

describe('inspector data', () => {
  it('shows a pod as kubectl get -o yaml, its events and the scheduler decision with the score table', () => {
    const host = running();
    const pod = host.liveView().nodes.flatMap((n) => n.pods).find((p) => p.owner === 'web')!;
    const data = host.inspect({ kind: 'pod', namespace: 'default', name: pod.name });
    expect(data.yaml).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/);
    expect(data.yaml).toContain(`  name: ${pod.name}\n`);
    expect(data.events.map((e) => e[2])).toEqual(expect.arrayContaining(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']));
    expect(data.events.find((e) => e[2] === 'Scheduled')![4]).toBe(`Successfully assigned default/${pod.name} to ${pod.node}`);
    // The control-plane node counts among all nodes; its taint filters it out before scoring.
    expect(data.schedule).toMatchObject({ result: 'Scheduled', node: pod.node, numAllNodes: 4 });
    expect(data.schedule!.scorePlugins).toContain('NodeResourcesFit');
    expect(data.schedule!.scores!.map((r) => r.node).sort()).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it('shows a node with its pods requests and the controllers workqueues', () => {
    const host = running();
    const node = host.inspect({ kind: 'node', name: 'node-1' });
    expect(node.yaml).toMatch(/^apiVersion: v1\nkind: Node\n/);
    expect(node.usage!.cpuAllocatableMilli).toBeGreaterThan(0);
    const kcm = host.inspect({ kind: 'component', name: 'kube-controller-manager' });
    const deployment = kcm.component!.find((c) => c.component === 'deployment-controller')!;
    expect(deployment.queue).toBe('deployment');
    expect(deployment.syncs).toBeGreaterThan(0);
    expect(deployment.recent.some((r) => r.key === 'default/web')).toBe(true);
    const pods = kcm.informerCaches!.find((c) => c.resource === 'pods')!;
    expect(pods.objects).toBe(host.liveView().podCount);
  });

  it('streams Events as kubectl get events rows', () => {
    const host = running();
    const feed = host.drainEvents();
    const scaled = feed.find((e) => e.reason === 'ScalingReplicaSet')!;
    expect(scaled).toMatchObject({ namespace: 'default', type: 'Normal', object: 'deployment/web' });
    expect(scaled.message).toMatch(/^Scaled up replica set web-[a-z0-9]+ from 0 to 2$|^Scaled up replica set web-[a-z0-9]+ to 2$/);
    expect(host.drainEvents()).toEqual([]);
  });
});
