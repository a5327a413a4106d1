// The seeds' Job examples end to end on the default components: `kubectl create job pi` runs one
// pod to completion (SuccessCriteriaMet, then Complete, both CompletionsReached in v1.32), a
// completions/parallelism Job runs its pods in waves, and a failing Job stops after backoffLimit.
import type { Job } from 'kubernetes-types/batch/v1';
import type { Event, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { get, list } from '../controllerManager/testing';
import { fromRFC3339 } from '../sim/time';
import { runCommands } from './runCommands';

function boot(): Cluster {
  return Cluster.boot(clusterSpec({ seed: 11, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
}

function jobEvents(cluster: Cluster, name: string): string[] {
  return list<Event>(cluster, 'events').filter((e) => e.involvedObject.kind === 'Job' && e.involvedObject.name === name).map((e) => `${e.type} ${e.reason} ${e.message}`);
}

function runUntilFinished(cluster: Cluster, name: string, limitMs: number): Job {
  const startMs = cluster.sim.nowMs;
  for (;;) {
    const job = get<Job>(cluster, 'jobs', name)!;
    if ((job.status?.conditions ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')) return job;
    if (cluster.sim.nowMs - startMs > limitMs) throw new Error(`job ${name} did not finish`);
    cluster.runUntil(cluster.sim.nowMs + 1000);
  }
}

describe('Job controller', () => {
  it("runs the seeds' pi job to completion", () => {
    const cluster = boot();
    const [created] = runCommands(cluster, [`kubectl create job pi --image=perl:5.34.0 -- perl -Mbignum=bpi -wle 'print bpi(2000)'`]);
    expect(created.stdout).toBe('job.batch/pi created\n');
    cluster.runUntil(cluster.sim.nowMs + 2000);
    const [pod] = list<Pod>(cluster, 'pods');
    expect(pod.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(pod.metadata.ownerReferences).toMatchObject([{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', controller: true, blockOwnerDeletion: true }]);
    expect(get<Job>(cluster, 'jobs', 'pi')!.status).toMatchObject({ active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(runCommands(cluster, ['kubectl get jobs'])[0].stdout).toMatch(/^pi\s+Running\s+0\/1\s+2s\s+2s$/m);

    const job = runUntilFinished(cluster, 'pi', 120_000);
    const [scm, complete] = job.status!.conditions!;
    expect([scm.type, scm.status, scm.reason, scm.message]).toEqual(['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods']);
    expect([complete.type, complete.status, complete.reason, complete.message]).toEqual(['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods']);
    expect(job.status).toMatchObject({ succeeded: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {}, completionTime: complete.lastTransitionTime });
    expect(job.status!.active).toBeUndefined();
    const durationS = (fromRFC3339(job.status!.completionTime!) - fromRFC3339(job.status!.startTime!)) / 1000;
    expect(runCommands(cluster, ['kubectl get jobs'])[0].stdout).toMatch(new RegExp(`^pi\\s+Complete\\s+1/1\\s+${durationS}s\\s`, 'm'));
    const done = get<Pod>(cluster, 'pods', pod.metadata.name)!;
    expect(done.status!.phase).toBe('Succeeded');
    expect(done.metadata.finalizers).toBeUndefined();
    expect(runCommands(cluster, ['kubectl get pods'])[0].stdout).toMatch(new RegExp(`^${pod.metadata.name}\\s+0/1\\s+Completed\\s+0\\s`, 'm'));
    expect(jobEvents(cluster, 'pi')).toEqual([`Normal SuccessfulCreate Created pod: ${pod.metadata.name}`, 'Normal Completed Job completed']);
  });

  it('keeps at most parallelism pods running until completions succeeded', () => {
    const cluster = boot();
    const manifest = `apiVersion: batch/v1
kind: Job
metadata: {name: waves}
spec:
  completions: 5
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox:1.36, command: [sh, -c, "sleep 5"]}]
`;
    expect(runCommands(cluster, [{ run: 'kubectl apply -f -', stdin: manifest }])[0].exit).toBe(0);
    let maxActive = 0;
    for (let i = 0; i < 120; i++) {
      cluster.runUntil(cluster.sim.nowMs + 1000);
      const running = list<Pod>(cluster, 'pods').filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
      maxActive = Math.max(maxActive, running.length);
      expect(running.length).toBeLessThanOrEqual(2);
    }
    const job = runUntilFinished(cluster, 'waves', 60_000);
    expect(maxActive).toBe(2);
    expect(job.status!.succeeded).toBe(5);
    expect(list<Pod>(cluster, 'pods').length).toBe(5);
    expect(runCommands(cluster, ['kubectl get job waves'])[0].stdout).toMatch(/^waves\s+Complete\s+5\/5\s/m);
  });

  it('fails the Job once more pods failed than backoffLimit, with the interim FailureTarget condition', () => {
    const cluster = boot();
    const manifest = `apiVersion: batch/v1
kind: Job
metadata: {name: oops}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox:1.36, command: [sh, -c, "exit 3"]}]
`;
    expect(runCommands(cluster, [{ run: 'kubectl apply -f -', stdin: manifest }])[0].exit).toBe(0);
    const job = runUntilFinished(cluster, 'oops', 300_000);
    expect(job.status!.conditions!.map((c) => `${c.type}/${c.status}/${c.reason}/${c.message}`)).toEqual([
      'FailureTarget/True/BackoffLimitExceeded/Job has reached the specified backoff limit',
      'Failed/True/BackoffLimitExceeded/Job has reached the specified backoff limit',
    ]);
    expect(job.status!.failed).toBe(3);
    expect(job.status!.completionTime).toBeUndefined();
    const pods = list<Pod>(cluster, 'pods').sort((a, b) => fromRFC3339(a.metadata.creationTimestamp!) - fromRFC3339(b.metadata.creationTimestamp!));
    expect(pods.map((p) => p.status?.phase)).toEqual(['Failed', 'Failed', 'Failed']);
    // Replacements wait 10 s after the first failure, 20 s after the second (pod failure back-off).
    const gapsS = pods.slice(1).map((p, i) => (fromRFC3339(p.metadata.creationTimestamp!) - fromRFC3339(pods[i].metadata.creationTimestamp!)) / 1000);
    expect(gapsS[1]).toBeGreaterThan(gapsS[0]);
    const events = jobEvents(cluster, 'oops');
    expect(events.filter((e) => e.includes('SuccessfulCreate')).length).toBe(3);
    expect(events[events.length - 1]).toBe('Warning BackoffLimitExceeded Job has reached the specified backoff limit');
    expect(runCommands(cluster, ['kubectl get job oops'])[0].stdout).toMatch(/^oops\s+Failed\s+0\/1\s/m);
  });

  it('lets the garbage collector remove a deleted Job and its pods (tracking finalizers are dropped)', () => {
    const cluster = boot();
    runCommands(cluster, [`kubectl create job sleeper --image=busybox:1.36 -- sleep 3600`]);
    cluster.runUntil(cluster.sim.nowMs + 10_000);
    expect(list<Pod>(cluster, 'pods').length).toBe(1);
    expect(runCommands(cluster, ['kubectl delete job sleeper'])[0].stdout).toBe('job.batch "sleeper" deleted\n');
    cluster.runUntil(cluster.sim.nowMs + 60_000);
    expect(list<Job>(cluster, 'jobs')).toEqual([]);
    expect(list<Pod>(cluster, 'pods')).toEqual([]);
  });
});
