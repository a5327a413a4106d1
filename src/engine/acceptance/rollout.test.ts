// Issue #3 acceptance 2: a rolling update of 10 replicas under four strategies, polled every
// second, never breaks the budgets of pkg/controller/deployment/rolling.go (maxSurge rounds up,
// maxUnavailable rounds down: pkg/controller/deployment/util ResolveFenceposts), ends with the new
// ReplicaSet at 10 and the old at 0 (revision 2), and `kubectl rollout undo` makes revision 3 with
// the old template (pkg/controller/deployment/rollback.go).
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { runCommands } from '../testing/runCommands';

const REPLICAS = 10;

function manifest(maxSurge: string | number, maxUnavailable: string | number): string {
  const q = (v: string | number) => (typeof v === 'number' ? v : `"${v}"`);
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${REPLICAS}
  selector:
    matchLabels: {app: web}
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: ${q(maxSurge)}, maxUnavailable: ${q(maxUnavailable)}}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27.3
`;
}

function list<T>(cluster: Cluster, resource: string): T[] {
  const listed = cluster.apiserver.ctx.cachers.get(resource)!.list({ namespace: 'default' });
  return listed.ok ? (listed.items as T[]) : [];
}

/** availablePods counts the deployment's pods the controller would call available (Ready, not being deleted; minReadySeconds 0). */
function availablePods(cluster: Cluster): number {
  return list<Pod>(cluster, 'pods').filter(
    (p) => p.metadata?.labels?.app === 'web' && !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
  ).length;
}

function replicaSets(cluster: Cluster): ReplicaSet[] {
  return list<ReplicaSet>(cluster, 'replicasets').filter((rs) => rs.metadata?.labels?.app === 'web');
}

const revision = (obj: { metadata?: { annotations?: Record<string, string> } }) => obj.metadata?.annotations?.['deployment.kubernetes.io/revision'];

describe.each([
  ['25%', '25%', 3, 2],
  [0, 1, 0, 1],
  [1, 0, 1, 0],
  ['50%', 0, 5, 0],
] as const)('rolling update of 10 replicas with maxSurge %s, maxUnavailable %s', (maxSurge, maxUnavailable, surge, unavailable) => {
  it(`keeps Σ spec.replicas ≤ ${REPLICAS + surge} and available ≥ ${REPLICAS - unavailable} at every second, then undo makes revision 3`, () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 7, nodes: nodesFromCount(4), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [applied, ready] = runCommands(cluster, [{ run: 'kubectl apply -f -', stdin: manifest(maxSurge, maxUnavailable) }, 'kubectl rollout status deployment/web --timeout=5m']);
    expect(applied.stdout).toBe('deployment.apps/web created\n');
    expect(ready.stdout).toContain('deployment "web" successfully rolled out');

    const setImage = cluster.exec('kubectl set image deployment/web nginx=nginx:1.27.2');
    let maxTotal = 0;
    let minAvailable = Infinity;
    let polls = 0;
    const deadline = cluster.sim.nowMs + 600_000;
    const done = () => {
      const rss = replicaSets(cluster);
      const next = rss.find((rs) => rs.spec?.template?.spec?.containers?.[0]?.image === 'nginx:1.27.2');
      return next?.status?.availableReplicas === REPLICAS && rss.every((rs) => rs === next || (rs.spec?.replicas === 0 && (rs.status?.replicas ?? 0) === 0));
    };
    while (cluster.sim.nowMs < deadline && !(setImage.done.isSettled && done())) {
      cluster.runUntil(cluster.sim.nowMs + 1000);
      polls++;
      maxTotal = Math.max(maxTotal, replicaSets(cluster).reduce((sum, rs) => sum + (rs.spec?.replicas ?? 0), 0));
      minAvailable = Math.min(minAvailable, availablePods(cluster));
    }
    expect(done()).toBe(true);
    expect(polls).toBeGreaterThan(3);
    expect(maxTotal).toBeLessThanOrEqual(REPLICAS + surge);
    expect(minAvailable).toBeGreaterThanOrEqual(REPLICAS - unavailable);
    // The budgets are used, not just respected: the surge (or the unavailability) really happened.
    expect(maxTotal > REPLICAS || minAvailable < REPLICAS).toBe(true);

    const rss = replicaSets(cluster);
    const newRs = rss.find((rs) => rs.spec?.template?.spec?.containers?.[0]?.image === 'nginx:1.27.2')!;
    const oldRs = rss.find((rs) => rs !== newRs)!;
    expect([newRs.spec?.replicas, oldRs.spec?.replicas]).toEqual([10, 0]);
    expect([revision(newRs), revision(oldRs)]).toEqual(['2', '1']);
    const [history] = runCommands(cluster, ['kubectl rollout history deployment/web']);
    expect(history.stdout).toMatch(/^deployment\.apps\/web \nREVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n\n$/);

    const [undo, status] = runCommands(cluster, ['kubectl rollout undo deployment/web', 'kubectl rollout status deployment/web --timeout=5m']);
    expect(undo.stdout).toBe('deployment.apps/web rolled back\n');
    expect(status.stdout).toContain('deployment "web" successfully rolled out');
    const after = replicaSets(cluster);
    const restored = after.find((rs) => rs.metadata?.name === oldRs.metadata?.name)!;
    expect(restored.spec?.template?.spec?.containers?.[0]?.image).toBe('nginx:1.27.3');
    expect(revision(restored)).toBe('3');
    expect(restored.metadata?.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(restored.spec?.replicas).toBe(10);
    const deployment = list<{ metadata?: { annotations?: Record<string, string> }; spec?: { template?: { spec?: { containers?: Array<{ image?: string }> } } } }>(cluster, 'deployments')[0];
    expect(revision(deployment)).toBe('3');
    expect(deployment.spec?.template?.spec?.containers?.[0]?.image).toBe('nginx:1.27.3');
  });
});
