import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../api/object';
import { Cluster } from '../cluster';
import { wait } from '../sim/task';
import { get, list, markPodReady, request, TEST_SPEC } from './testing';
import { kubeControllerManagerFactory } from './kubeControllerManager';

const POD_SUFFIX = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

function deployment(image: string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      minReadySeconds: 0,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'nginx', image, ports: [{ containerPort: 80, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
          restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', securityContext: {},
        },
      },
    },
  };
}

/** readyAllPods plays kubelet: every pod without a Ready condition becomes Ready (one per step). */
function readyAllPods(cluster: Cluster, ips: { next: number }): number {
  let marked = 0;
  for (const pod of list<Pod>(cluster, 'pods')) {
    if (pod.metadata.deletionTimestamp || pod.status?.conditions?.some((c) => c.type === 'Ready')) continue;
    markPodReady(cluster, pod, `10.244.0.${ips.next++}`);
    marked++;
  }
  return marked;
}

/** sizes is "<rs>=<spec.replicas>" for every ReplicaSet, oldest first. */
function sizes(cluster: Cluster): Array<[string, number]> {
  return list<ReplicaSet>(cluster, 'replicasets')
    .sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? 1 : 0))
    .map((rs) => [rs.metadata.name, rs.spec?.replicas ?? 0]);
}

describe('kube-controller-manager: Deployment → ReplicaSet → Pods, rolling update, garbage collection', () => {
  it('rolls a 3-replica deployment out, updates it within maxSurge/maxUnavailable and collects it', () => {
    const cluster = Cluster.boot(TEST_SPEC, [kubeControllerManagerFactory]);
    const admin = cluster.admin();
    const created = request(cluster, (function* () {
      return yield* wait(admin.create('deployments', deployment('nginx:1.27')));
    })());
    expect(created.ok).toBe(true);
    cluster.runUntil(cluster.sim.nowMs + 3000);

    // One ReplicaSet `web-<pod-template-hash>` and three pods `<rs>-xxxxx` it controls.
    const [rs1] = list<ReplicaSet>(cluster, 'replicasets');
    expect(rs1.metadata.name).toMatch(/^web-[456789bcdf]{1,10}$/);
    const hash = rs1.metadata.labels!['pod-template-hash'];
    expect(rs1.metadata.name).toBe(`web-${hash}`);
    expect(rs1.spec?.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs1.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    const pods = list<Pod>(cluster, 'pods');
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name.startsWith(`${rs1.metadata.name}-`)).toBe(true);
      expect(pod.metadata.name.slice(rs1.metadata.name.length + 1)).toMatch(POD_SUFFIX);
      expect(pod.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
      expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs1.metadata.name, uid: rs1.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }

    // Play kubelet: the pods become Ready, the deployment completes.
    const ips = { next: 10 };
    readyAllPods(cluster, ips);
    cluster.runUntil(cluster.sim.nowMs + 2000);
    const d1 = get<Deployment>(cluster, 'deployments', 'web')!;
    expect(d1.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d1.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d1.status?.conditions?.map((c) => `${c.type}/${c.reason}/${c.message}`)).toEqual([
      'Available/MinimumReplicasAvailable/Deployment has minimum availability.',
      `Progressing/NewReplicaSetAvailable/ReplicaSet "${rs1.metadata.name}" has successfully progressed.`,
    ]);

    // Template change: 25% of 3 → maxSurge 1, maxUnavailable 0, so pods go 3+1, one at a time.
    request(cluster, (function* () {
      return yield* wait(admin.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } }));
    })());
    // Each decision of the deployment controller is a trace event: replay them into (old,new) sizes.
    const current = new Map<string, number>([[rs1.metadata.name, 3]]);
    const steps: string[] = [];
    const unsubscribe = cluster.sim.trace.subscribe((e) => {
      if (e.kind === 'deployment.createReplicaSet') current.set(e.replicaSet as string, e.replicas as number);
      else if (e.kind === 'deployment.scale') current.set(e.replicaSet as string, e.to as number);
      else return;
      steps.push([...current.values()].join(','));
    });
    for (let i = 0; i < 20; i++) {
      cluster.runUntil(cluster.sim.nowMs + 1000);
      const live = list<Pod>(cluster, 'pods').filter((p) => !p.metadata.deletionTimestamp);
      expect(live.length).toBeLessThanOrEqual(4);
      const ready = live.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
      expect(ready.length).toBeGreaterThanOrEqual(3);
      if (readyAllPods(cluster, ips) === 0 && steps[steps.length - 1] === '0,3') break;
    }
    unsubscribe();
    // The derived walkthrough of rollout_cases.json: (old,new) 3,0 → 3,1 → 2,1 → 2,2 → 1,2 → 1,3 → 0,3.
    expect(steps).toEqual(['3,1', '2,1', '2,2', '1,2', '1,3', '0,3']);
    const [old, rs2] = sizes(cluster);
    expect(old[0]).toBe(rs1.metadata.name);
    expect(rs2[0]).not.toBe(rs1.metadata.name);
    const d2 = get<Deployment>(cluster, 'deployments', 'web')!;
    expect(d2.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(d2.status).toMatchObject({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    const messages = list<Event>(cluster, 'events').filter((e) => e.involvedObject.kind === 'Deployment').map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining([
      `Scaled up replica set ${rs1.metadata.name} to 3`,
      `Scaled up replica set ${rs2[0]} to 1`,
      `Scaled down replica set ${rs1.metadata.name} to 2 from 3`,
      `Scaled up replica set ${rs2[0]} to 2 from 1`,
      `Scaled down replica set ${rs1.metadata.name} to 0 from 1`,
    ]));

    // kubectl rollout undo: the old template comes back, the old RS is reused with revision 3.
    request(cluster, (function* () {
      return yield* wait(admin.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } }));
    })());
    for (let i = 0; i < 20; i++) {
      cluster.runUntil(cluster.sim.nowMs + 1000);
      if (readyAllPods(cluster, ips) === 0 && sizes(cluster).map(([, n]) => n).join(',') === '3,0') break;
    }
    const reused = get<ReplicaSet>(cluster, 'replicasets', rs1.metadata.name)!;
    expect(list(cluster, 'replicasets')).toHaveLength(2);
    expect(reused.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(get<Deployment>(cluster, 'deployments', 'web')!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');

    // kubectl delete deployment web (background): the garbage collector removes RSs, then pods.
    request(cluster, (function* () {
      return yield* wait(admin.delete('deployments', 'default', 'web'));
    })());
    cluster.runUntil(cluster.sim.nowMs + 5000);
    expect(list(cluster, 'deployments')).toEqual([]);
    expect(list(cluster, 'replicasets')).toEqual([]);
    expect(list<Stored<Pod>>(cluster, 'pods')).toEqual([]);
  });

  it('deletes a deployment in the foreground: pods, then the ReplicaSet, then the Deployment', () => {
    const cluster = Cluster.boot(TEST_SPEC, [kubeControllerManagerFactory]);
    const admin = cluster.admin();
    request(cluster, (function* () {
      return yield* wait(admin.create('deployments', deployment('nginx:1.27')));
    })());
    cluster.runUntil(cluster.sim.nowMs + 3000);
    const order: string[] = [];
    cluster.sim.trace.subscribe((e) => {
      if (e.kind === 'gc.delete' || e.kind === 'gc.removeFinalizer') order.push(`${e.kind} ${e.ref?.kind}`);
    });
    request(cluster, (function* () {
      return yield* wait(admin.delete('deployments', 'default', 'web', { propagationPolicy: 'Foreground' }));
    })());
    cluster.runUntil(cluster.sim.nowMs + 5000);
    expect(list(cluster, 'deployments')).toEqual([]);
    expect(list(cluster, 'replicasets')).toEqual([]);
    expect(list(cluster, 'pods')).toEqual([]);
    expect(order).toEqual([
      'gc.delete ReplicaSet', 'gc.delete Pod', 'gc.delete Pod', 'gc.delete Pod',
      'gc.removeFinalizer ReplicaSet', 'gc.removeFinalizer Deployment',
    ]);
  });

  it('is deterministic: the same seed and inputs give the same trace', () => {
    const run = () => {
      const cluster = Cluster.boot(TEST_SPEC, [kubeControllerManagerFactory]);
      const lines: string[] = [];
      cluster.sim.trace.subscribe((e) => lines.push(JSON.stringify(e)));
      request(cluster, (function* () {
        return yield* wait(cluster.admin().create('deployments', deployment('nginx:1.27')));
      })());
      cluster.runUntil(cluster.sim.nowMs + 3000);
      return lines;
    };
    const first = run();
    expect(first.length).toBeGreaterThan(100);
    expect(run()).toEqual(first);
  });
});
