import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { runCommands } from '../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 9, nodes: nodesFromCount(2), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);
const POD = '-n kube-system kube-scheduler-control-plane';
/** The mirror pod's identity and the static pod's status, space-separated. */
const FIELDS = "-o jsonpath='{.metadata.uid} {.metadata.creationTimestamp} {.status.phase} {.status.podIP} {.status.startTime} {.status.containerStatuses[0].containerID} {.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].state.running.startedAt}'";
const EVENTS = "kubectl get events -n kube-system --field-selector involvedObject.name=kube-scheduler-control-plane -o jsonpath='{range .items[*]}{.reason}/{.count} {end}'";

// A kubelet v1.32 runs a static pod from its manifest file; the mirror pod is only its face in the
// API. Deleting the mirror leaves the containers running: the kubelet deletes the terminating
// mirror at once and creates a new one (new UID and creationTimestamp), which shows the apiserver's
// Pending until the status manager's next 10 s batch writes the running pod's status to it.
describe('deleting a mirror pod (kubectl delete pod kube-scheduler-<node> -n kube-system)', () => {
  it('keeps the static pod running: the kubelet only re-creates the mirror pod, without events', () => {
    const [before, eventsBefore, deleted, after, table, eventsAfter, describe] = runCommands(boot(), [
      `kubectl get pod ${POD} ${FIELDS}`,
      EVENTS,
      { run: `kubectl delete pod ${POD}`, advanceMs: 30_000 },
      { run: `kubectl get pod ${POD} ${FIELDS}`, advanceMs: 11_000 },
      'kubectl get pods -n kube-system',
      EVENTS,
      `kubectl describe pod ${POD}`,
    ]);
    expect(deleted.stdout).toBe('pod "kube-scheduler-control-plane" deleted\n');
    const [uid, created, phase, ...running] = after.stdout.split(' ');
    const [oldUid, oldCreated, , ...wasRunning] = before.stdout.split(' ');
    expect(uid).not.toBe(oldUid);
    expect(Date.parse(created) - Date.parse(oldCreated)).toBeGreaterThanOrEqual(30_000);
    // Same pod IP, start time, container ID, restart count and start of the running container.
    expect(phase).toBe('Running');
    expect(running).toEqual(wasRunning);
    expect(running[3]).toBe('0');
    expect(table.stdout).toMatch(/\nkube-scheduler-control-plane +1\/1 +Running +0 +11s\n/);
    // Nothing is recorded for the mirror pod's re-creation, and nothing was killed or started.
    expect(eventsBefore.stdout).toBe('Pulling/1 Pulled/1 Created/1 Started/1 ');
    expect(eventsAfter.stdout).toBe(eventsBefore.stdout);
    // describe finds the kubelet's events through the mirror annotation (the static pod's UID).
    expect(describe.stdout).toContain(`Start Time:           ${new Date(Date.parse(running[1])).toUTCString().replace('GMT', '+0000')}\n`);
    expect(describe.stdout).toMatch(/\nStatus: +Running\n/);
    expect(describe.stdout).toContain('    Restart Count:  0\n');
    expect(describe.stdout).toMatch(/\n {2}Normal {2}Started {2}\d+s {3}kubelet {2}Started container kube-scheduler\n$/);
  });

  it('shows the new mirror pod Pending with no container statuses until the next status batch', () => {
    const [, soon, later] = runCommands(boot(), [
      `kubectl delete pod ${POD} --grace-period=0 --force`,
      { run: `kubectl get pod ${POD} -o jsonpath='{.status.phase} {.status.containerStatuses}'`, advanceMs: 100 },
      { run: `kubectl get pod ${POD} -o jsonpath='{.status.phase} {.status.containerStatuses[0].ready}'`, advanceMs: 10_000 },
    ]);
    expect(soon.stdout).toBe('Pending ');
    expect(later.stdout).toBe('Running true');
  });
});
