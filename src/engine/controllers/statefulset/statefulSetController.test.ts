import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 11, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
const apply = (stdin: string, advanceMs?: number) => ({ run: 'kubectl apply -f -', stdin, advanceMs });

/** volumes are static 1Gi RWO PersistentVolumes without a class, for claims without a class. */
const volumes = (count: number) =>
  Array.from({ length: count }, (_, i) => `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv-${i}}\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath: {path: /mnt/pv-${i}}\n---\n`).join('');

const headless = 'apiVersion: v1\nkind: Service\nmetadata: {name: nginx}\nspec:\n  clusterIP: None\n  selector: {app: nginx}\n  ports: [{port: 80, name: web}]\n---\n';

interface SetOptions {
  replicas?: number;
  image?: string;
  /** Extra lines under spec (2-space indented). */
  spec?: string;
  /** sleep ignores SIGTERM, so a deleted pod stays Terminating for the grace period. */
  sleep?: boolean;
  claims?: boolean;
}

function statefulSet({ replicas = 3, image = 'nginx:1.26', spec = '', sleep = false, claims = true }: SetOptions = {}): string {
  const container = sleep ? `{name: nginx, image: busybox:1.37, command: [sleep, "3600"]${claims ? ', volumeMounts: [{name: www, mountPath: /data}]' : ''}}` : `{name: nginx, image: ${image}${claims ? ', volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]' : ''}}`;
  return `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: ${replicas}
  selector: {matchLabels: {app: nginx}}
${spec}  template:
    metadata: {labels: {app: nginx}}
    spec:
      terminationGracePeriodSeconds: 10
      containers: [${container}]
${claims ? '  volumeClaimTemplates:\n  - metadata: {name: www}\n    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n' : ''}`;
}

function pods(cluster: Cluster): Pod[] {
  const listed = cluster.apiserver.ctx.cachers.get('pods')!.list({ namespace: 'default' });
  return listed.ok ? (listed.items as Pod[]) : [];
}

const runningAndReady = (p: Pod | undefined) => !!p && p.status?.phase === 'Running' && !!p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

/** poll steps the simulation every 250 ms for `ms`, handing each snapshot of the pods by name to `check`. */
function poll(cluster: Cluster, ms: number, check: (byName: Map<string, Pod>) => void): void {
  for (let t = 0; t < ms; t += 250) {
    cluster.runUntil(cluster.sim.nowMs + 250);
    check(new Map(pods(cluster).map((p) => [p.metadata!.name!, p])));
  }
}

const setEvents = "kubectl get events --field-selector involvedObject.kind=StatefulSet -o jsonpath='{range .items[*]}{.reason} {.message}{\"\\n\"}{end}'";

// pkg/controller/statefulset (v1.32): stateful_set.go, stateful_set_control.go, stateful_pod_control.go.
describe('statefulset-controller', () => {
  it('creates pods one at a time in ordinal order, each after its claim, once its predecessor is Running and Ready', () => {
    const cluster = boot();
    runCommands(cluster, [apply(volumes(3) + headless + statefulSet())]);
    // Poll index at which each pod was first seen, and first seen Running and Ready.
    const seen = new Map<string, number>();
    const ready = new Map<string, number>();
    let tick = 0;
    poll(cluster, 30_000, (byName) => {
      tick++;
      for (const [name, pod] of byName) {
        if (!seen.has(name)) seen.set(name, tick);
        if (!ready.has(name) && runningAndReady(pod)) ready.set(name, tick);
      }
    });
    expect([...seen.keys()].sort()).toEqual(['web-0', 'web-1', 'web-2']);
    expect(seen.get('web-1')!).toBeGreaterThanOrEqual(ready.get('web-0')!);
    expect(seen.get('web-2')!).toBeGreaterThanOrEqual(ready.get('web-1')!);
    expect(seen.get('web-1')!).toBeGreaterThan(seen.get('web-0')!);
    const [sts, wide, pvc, identity, events, status, all] = runCommands(cluster, [
      'kubectl get sts',
      'kubectl get statefulset web -o wide',
      "kubectl get pvc -o jsonpath='{range .items[*]}{.metadata.name} {.status.phase} {.metadata.labels.app}{\"\\n\"}{end}'",
      "kubectl get pod web-1 -o jsonpath='{.spec.hostname} {.spec.subdomain} {.metadata.labels} {.spec.volumes[0].persistentVolumeClaim.claimName} {.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}'",
      setEvents,
      "kubectl get sts web -o jsonpath='{.status}'",
      'kubectl get all',
    ]);
    expect(all.stdout).toMatch(/\n\nNAME +READY +AGE\nstatefulset\.apps\/web +3\/3 +3\ds\n$/);
    expect(sts.stdout).toMatch(/^NAME +READY +AGE\nweb +3\/3 +3\ds\n$/);
    expect(wide.stdout).toMatch(/^NAME +READY +AGE +CONTAINERS +IMAGES\nweb +3\/3 +3\ds +nginx +nginx:1\.26\n$/);
    expect(pvc.stdout.trim().split('\n')).toEqual(['www-web-0 Bound nginx', 'www-web-1 Bound nginx', 'www-web-2 Bound nginx']);
    const s = JSON.parse(status.stdout);
    expect(s).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3, collisionCount: 0, observedGeneration: 1 });
    expect(s.currentRevision).toBe(s.updateRevision);
    expect(s.updateRevision).toMatch(/^web-[bcdf4-9]+$/);
    const [hostname, subdomain, labels, claimName, owner] = identity.stdout.split(' ');
    expect([hostname, subdomain, claimName, owner]).toEqual(['web-1', 'nginx', 'www-web-1', 'StatefulSet/web']);
    expect(JSON.parse(labels)).toEqual({ app: 'nginx', 'apps.kubernetes.io/pod-index': '1', 'controller-revision-hash': s.updateRevision, 'statefulset.kubernetes.io/pod-name': 'web-1' });
    expect(events.stdout.trim().split('\n')).toEqual([
      'SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      'SuccessfulCreate create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'SuccessfulCreate create Pod web-1 in StatefulSet web successful',
      'SuccessfulCreate create Claim www-web-2 Pod web-2 in StatefulSet web success',
      'SuccessfulCreate create Pod web-2 in StatefulSet web successful',
    ]);
  });

  it('with minReadySeconds, waits for each pod to be available before creating the next', () => {
    const cluster = boot();
    runCommands(cluster, [apply(headless + statefulSet({ replicas: 2, claims: false, spec: '  minReadySeconds: 5\n' }))]);
    let readyAtMs = -1;
    let createdAtMs = -1;
    poll(cluster, 30_000, (byName) => {
      if (readyAtMs < 0 && runningAndReady(byName.get('web-0'))) readyAtMs = cluster.sim.nowMs;
      if (createdAtMs < 0 && byName.has('web-1')) createdAtMs = cluster.sim.nowMs;
    });
    expect(readyAtMs).toBeGreaterThan(0);
    expect(createdAtMs - readyAtMs).toBeGreaterThanOrEqual(5_000);
    // The wake-up comes from the 5 s requeue after each sync: the delaying queue keeps only the
    // earliest pending time per key, so the one armed at creation (t=5 s) fires first, finds web-0
    // ready for 3 s only, and the next one (t=10 s) creates web-1.
    expect(createdAtMs - readyAtMs).toBeLessThan(8_500);
    const [status] = runCommands(cluster, ["kubectl get sts web -o jsonpath='{.status.readyReplicas} {.status.availableReplicas}'"]);
    expect(status.stdout).toBe('2 2');
  });

  it('scales down from the highest ordinal, one pod at a time, and keeps the claims (Retain)', () => {
    const cluster = boot();
    runCommands(cluster, [apply(volumes(3) + headless + statefulSet({ sleep: true })), { run: 'kubectl scale sts web --replicas=1', advanceMs: 30_000 }]);
    const deletionOrder: string[] = [];
    let maxTerminating = 0;
    poll(cluster, 40_000, (byName) => {
      const terminating = [...byName.values()].filter((p) => p.metadata?.deletionTimestamp).map((p) => p.metadata!.name!);
      maxTerminating = Math.max(maxTerminating, terminating.length);
      for (const name of terminating) if (!deletionOrder.includes(name)) deletionOrder.push(name);
    });
    expect(deletionOrder).toEqual(['web-2', 'web-1']);
    expect(maxTerminating).toBe(1);
    const [got, pvc, describe] = runCommands(cluster, ['kubectl get pods -o name', 'kubectl get pvc -o name', 'kubectl describe sts web']);
    expect(got.stdout).toBe('pod/web-0\n');
    expect(pvc.stdout).toBe('persistentvolumeclaim/www-web-0\npersistentvolumeclaim/www-web-1\npersistentvolumeclaim/www-web-2\n');
    expect(describe.stdout).toMatch(/^Replicas: +1 desired \| 1 total\nUpdate Strategy: +RollingUpdate\n  Partition: +0\nPods Status: +1 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/m);
    expect(describe.stdout).toMatch(/^Volume Claims:\n  Name: +www\n  StorageClass: +\n  Labels: +<none>\n  Annotations: +<none>\n  Capacity: +1Gi\n  Access Modes: +\[ReadWriteOnce\]\n/m);
    expect(describe.stdout).toMatch(/Normal +SuccessfulDelete .* statefulset-controller +delete Pod web-2 in StatefulSet web successful\n.*delete Pod web-1 in StatefulSet web successful\n$/);

    // Scaling up again reuses the kept claims: no new Claim event.
    const [, again, events] = runCommands(cluster, [
      { run: 'kubectl scale sts web --replicas=2' },
      { run: "kubectl get pod web-1 -o jsonpath='{.status.phase} {.spec.volumes[0].persistentVolumeClaim.claimName}'", advanceMs: 20_000 },
      "kubectl get events --field-selector involvedObject.kind=StatefulSet -o jsonpath='{range .items[*]}{.count} {.message}{\"\\n\"}{end}'",
    ]);
    expect(again.stdout).toBe('Running www-web-1');
    expect(events.stdout.match(/create Claim/g)).toHaveLength(3);
    expect(events.stdout).toContain('2 create Pod web-1 in StatefulSet web successful\n');
  });

  it('rolls an update from the highest ordinal down, one pod at a time, to the new revision', () => {
    const cluster = boot();
    runCommands(cluster, [apply(volumes(3) + headless + statefulSet()), { run: 'kubectl set image sts/web nginx=nginx:1.27', advanceMs: 30_000 }]);
    const [rollout, hashes, status, revisions] = runCommands(cluster, [
      'kubectl rollout status sts/web',
      "kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}={.metadata.labels.controller-revision-hash} {.spec.containers[0].image}{\"\\n\"}{end}'",
      "kubectl get sts web -o jsonpath='{.status.currentRevision} {.status.updateRevision} {.status.currentReplicas} {.status.updatedReplicas}'",
      'kubectl get controllerrevisions --no-headers',
    ]);
    expect(rollout.stdout.trim().split('\n').pop()).toBe('partitioned roll out complete: 3 new pods have been updated...');
    const [current, update, currentReplicas, updated] = status.stdout.split(' ');
    expect(current).toBe(update);
    expect([currentReplicas, updated]).toEqual(['3', '3']);
    expect(hashes.stdout).toBe(`web-0=${update} nginx:1.27\nweb-1=${update} nginx:1.27\nweb-2=${update} nginx:1.27\n`);
    expect(revisions.stdout.trim().split('\n').map((l) => l.split(/ +/).slice(0, 3).join(' ')).sort()).toEqual([`${update} statefulset.apps/web 2`, expect.stringMatching(/^web-\w+ statefulset\.apps\/web 1$/)].sort());
    const [events] = runCommands(cluster, [setEvents]);
    const deletes = events.stdout.split('\n').filter((l) => l.startsWith('SuccessfulDelete')).map((l) => l.split(' ').at(-5));
    expect(deletes).toEqual(['web-2', 'web-1', 'web-0']);
  });

  it('stops at the partition and leaves OnDelete pods alone until they are deleted', () => {
    const cluster = boot();
    const [, , images, rollout] = runCommands(cluster, [
      apply(headless + statefulSet({ claims: false, spec: '  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 2}}\n' })),
      { run: 'kubectl set image sts/web nginx=nginx:1.27', advanceMs: 20_000 },
      { run: "kubectl get pods -o jsonpath='{range .items[*]}{.spec.containers[0].image} {end}'", advanceMs: 20_000 },
      'kubectl rollout status sts/web',
    ]);
    expect(images.stdout).toBe('nginx:1.26 nginx:1.26 nginx:1.27 ');
    expect(rollout.stdout).toBe('partitioned roll out complete: 1 new pods have been updated...\n');

    const [, untouched, , replaced, describe] = runCommands(cluster, [
      { run: `kubectl patch sts web -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'` },
      { run: "kubectl get pods -o jsonpath='{range .items[*]}{.spec.containers[0].image} {end}'", advanceMs: 20_000 },
      'kubectl delete pod web-0',
      { run: "kubectl get pods -o jsonpath='{range .items[*]}{.spec.containers[0].image} {end}'", advanceMs: 20_000 },
      'kubectl describe sts web',
    ]);
    expect(untouched.stdout).toBe('nginx:1.26 nginx:1.26 nginx:1.27 ');
    expect(replaced.stdout).toBe('nginx:1.27 nginx:1.26 nginx:1.27 ');
    expect(describe.stdout).toMatch(/^Update Strategy: +OnDelete\nPods Status:/m);
  });

  it('Parallel creates every pod at once from spec.ordinals.start; Delete policies let the garbage collector remove the claims', () => {
    const cluster = boot();
    const spec = '  podManagementPolicy: Parallel\n  ordinals: {start: 5}\n  persistentVolumeClaimRetentionPolicy: {whenScaled: Delete, whenDeleted: Delete}\n';
    runCommands(cluster, [apply(volumes(3) + headless + statefulSet({ spec }))]);
    let allPendingTogether = false;
    poll(cluster, 20_000, (byName) => {
      if (['web-5', 'web-6', 'web-7'].every((n) => byName.get(n)?.status?.phase === 'Pending')) allPendingTogether = true;
    });
    expect(allPendingTogether).toBe(true);
    const [owners, , afterScale, , afterDelete] = runCommands(cluster, [
      "kubectl get pvc -o jsonpath='{range .items[*]}{.metadata.name}:{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {end}'",
      'kubectl scale sts web --replicas=1',
      { run: "kubectl get pods,pvc -o name", advanceMs: 30_000 },
      'kubectl delete sts web',
      { run: 'kubectl get pods,pvc -o name', advanceMs: 30_000 },
    ]);
    expect(owners.stdout).toBe('www-web-5:StatefulSet/web www-web-6:StatefulSet/web www-web-7:StatefulSet/web ');
    expect(afterScale.stdout).toBe('pod/web-5\npersistentvolumeclaim/www-web-5\n');
    expect(afterDelete.stdout).toBe('');
  });

  it('rollout undo goes back to the earlier revision, renumbered, without a new ControllerRevision', () => {
    const cluster = boot();
    const [, , , images, revisions] = runCommands(cluster, [
      apply(headless + statefulSet({ replicas: 2, claims: false })),
      { run: 'kubectl set image sts/web nginx=nginx:1.27', advanceMs: 20_000 },
      { run: 'kubectl rollout undo sts/web', advanceMs: 20_000 },
      { run: "kubectl get pods -o jsonpath='{range .items[*]}{.spec.containers[0].image} {end}'", advanceMs: 20_000 },
      "kubectl get controllerrevisions -o jsonpath='{range .items[*]}{.revision}:{.data.spec.template.spec.containers[0].image} {end}'",
    ]);
    expect(images.stdout).toBe('nginx:1.26 nginx:1.26 ');
    expect(revisions.stdout.trim().split(' ').sort()).toEqual(['2:nginx:1.27', '3:nginx:1.26']);
  });

  it('deletes a Failed pod and creates it again under the same name', () => {
    const cluster = boot();
    const [, uid, , after, events] = runCommands(cluster, [
      apply(headless + statefulSet({ replicas: 2, claims: false })),
      { run: 'kubectl get pod web-1 -o jsonpath={.metadata.uid}', advanceMs: 20_000 },
      `kubectl patch pod web-1 --subresource=status --type=merge -p '{"status":{"phase":"Failed"}}'`,
      { run: "kubectl get pod web-1 -o jsonpath='{.metadata.uid} {.status.phase}'", advanceMs: 15_000 },
      setEvents,
    ]);
    const [newUid, phase] = after.stdout.split(' ');
    expect(newUid).not.toBe(uid.stdout);
    expect(phase).toBe('Running');
    expect(events.stdout).toContain('SuccessfulDelete delete Pod web-1 in StatefulSet web successful\n');
  });

  it('recreates a deleted pod with the same name and claim', () => {
    const cluster = boot();
    const [, , before, , after] = runCommands(cluster, [
      apply(volumes(2) + headless + statefulSet({ replicas: 2 })),
      { run: 'kubectl get pod web-0 -o jsonpath={.metadata.uid}', advanceMs: 20_000 },
      "kubectl get pod web-0 -o jsonpath='{.spec.volumes[0].persistentVolumeClaim.claimName}'",
      'kubectl delete pod web-0',
      { run: "kubectl get pod web-0 -o jsonpath='{.spec.volumes[0].persistentVolumeClaim.claimName} {.status.phase}'", advanceMs: 15_000 },
    ]);
    expect(before.stdout).toBe('www-web-0');
    expect(after.stdout).toBe('www-web-0 Running');
  });
});
