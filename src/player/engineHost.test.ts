import { describe, expect, it } from 'vitest';
import { EngineHost, SNAPSHOT_INTERVAL_MS } from './engineHost';
import { defaultSession } from './session';

function host(session = defaultSession()): EngineHost {
  const created = EngineHost.create(session);
  if (!created.ok) throw new Error(created.error);
  return created.host;
}

describe('EngineHost', () => {
  it('boots the default session: a control-plane node and 3 Ready workers, and a 3-member etcd with one leader', () => {
    const h = host();
    const view = h.snapshots[0];
    expect(view.nodes.map((n) => [n.name, n.ready])).toEqual([
      ['control-plane', 'True'],
      ['node-1', 'True'],
      ['node-2', 'True'],
      ['node-3', 'True'],
    ]);
    expect(view.etcd).toHaveLength(3);
    expect(view.etcd.filter((m) => m.isLeader)).toHaveLength(1);
  });

  it('runs a typed command, records it as a step, and shows its pods Running on nodes', () => {
    const h = host();
    h.advanceTo(2_500);
    h.submit('kubectl create deployment web --image=nginx:1.27 --replicas=3');
    h.advanceTo(60_000);
    expect(h.file.spec.steps).toEqual([{ at: 2_500, run: 'kubectl create deployment web --image=nginx:1.27 --replicas=3' }]);
    expect(h.entries[0]).toMatchObject({ run: 'kubectl create deployment web --image=nginx:1.27 --replicas=3', output: 'deployment.apps/web created\n', exit: 0 });
    const last = h.snapshots[h.snapshots.length - 1];
    expect(last.t).toBe(60_000);
    const pods = last.nodes.flatMap((n) => n.pods);
    expect(pods.filter((p) => p.owner === 'web' && p.status === 'Running')).toHaveLength(3);
    expect(h.snapshots.length).toBe(60_000 / SNAPSHOT_INTERVAL_MS + 1);
  });

  it('queues a command typed while another runs, as a shell would', () => {
    const h = host();
    h.submit('kubectl create deployment web --image=nginx:1.27');
    h.submit('kubectl rollout status deployment/web');
    h.advanceTo(500);
    h.submit('kubectl get deployments');
    h.advanceTo(60_000);
    const [, status, get] = h.entries;
    expect(status.output).toContain('deployment "web" successfully rolled out');
    expect(get.startedMs).toBeGreaterThan(get.at);
    expect(get.output).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+1\/1/);
  });

  it('replaying the recorded session gives the same run: same outputs, same snapshots', () => {
    const live = host();
    live.advanceTo(1_234);
    live.submit('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    live.advanceTo(4_000);
    live.submit('kubectl get pods -w');
    live.advanceTo(9_000);
    live.interrupt();
    live.advanceTo(20_000);
    live.submit('sim etcd stop leader');
    live.advanceTo(40_000);
    const replay = host(live.file);
    replay.advanceTo(40_000);
    expect(replay.entries).toEqual(live.entries);
    expect(JSON.stringify(replay.snapshots)).toBe(JSON.stringify(live.snapshots));
    expect(replay.markers).toEqual(live.markers);
    expect(live.file.spec.steps[1]).toEqual({ at: 4_000, run: 'kubectl get pods -w', timeout: 5_000 });
  });
});
