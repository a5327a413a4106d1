import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';
import { jobName } from './cronJobController';

const boot = () => Cluster.boot(clusterSpec({ seed: 8, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
/** The minute-stamp of sim minute `m` (sim time 0 is 2025-01-01T00:00:00Z). */
const minute = (name: string, m: number) => jobName(name, Date.UTC(2025, 0, 1, 0, m));
const jobNames = "kubectl get jobs -o jsonpath='{range .items[*]}{.metadata.name} {end}'";

// pkg/controller/cronjob/cronjob_controllerv2.go (v1.32).
describe('cronjob-controller', () => {
  it('creates one Job per scheduled minute, named by the minute, and keeps three successful ones', () => {
    const [, names, status, job, events, described] = runCommands(boot(), [
      'kubectl create cronjob hello --image=busybox:1.37 --schedule="*/1 * * * *" -- echo hello',
      { run: jobNames, advanceMs: 290_000 },
      "kubectl get cronjob hello -o jsonpath='{.status.lastScheduleTime} {.status.lastSuccessfulTime} {.status.active}'",
      `kubectl get job ${minute('hello', 4)} -o jsonpath='{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.annotations.batch\\.kubernetes\\.io/cronjob-scheduled-timestamp}'`,
      'kubectl get events --field-selector involvedObject.name=hello',
      'kubectl describe cronjob hello',
    ]);
    expect(described.stdout).toMatch(/^Schedule: +\*\/1 \* \* \* \*\nConcurrency Policy: +Allow\nSuspend: +False\nSuccessful Job History Limit: +3\nFailed Job History Limit: +1\nStarting Deadline Seconds: +<unset>\nSelector: +<unset>\n/m);
    expect(described.stdout).toMatch(/^Last Schedule Time: +Wed, 01 Jan 2025 00:04:00 \+0000\nActive Jobs: +<none>\n/m);
    expect(jobName('hello', Date.UTC(2025, 0, 1, 0, 1))).toBe('hello-28928161');
    // Minutes 1–4 ran; the oldest was deleted (successfulJobsHistoryLimit 3).
    expect(names.stdout).toBe(`${[2, 3, 4].map((m) => minute('hello', m)).join(' ')} `);
    expect(status.stdout).toMatch(/^2025-01-01T00:04:00Z 2025-01-01T00:04:0\dZ $/);
    expect(job.stdout).toBe('CronJob/hello 2025-01-01T00:04:00Z');
    expect(events.stdout).toContain(`Created job ${minute('hello', 1)}`);
    expect(events.stdout).toContain(`Saw completed job: ${minute('hello', 1)}, status: Complete`);
    expect(events.stdout).toContain(`Deleted job ${minute('hello', 1)}`);
  });

  it('honours concurrencyPolicy Forbid and Replace, suspend and startingDeadlineSeconds', () => {
    const results = runCommands(boot(), [
      'kubectl create cronjob forbid --image=busybox:1.37 --schedule="*/1 * * * *" -- sleep 100',
      'kubectl create cronjob replace --image=busybox:1.37 --schedule="*/1 * * * *" -- sleep 100',
      'kubectl create cronjob paused --image=busybox:1.37 --schedule="*/1 * * * *" -- echo hi',
      `kubectl patch cronjob forbid -p '{"spec":{"concurrencyPolicy":"Forbid"}}'`,
      `kubectl patch cronjob replace -p '{"spec":{"concurrencyPolicy":"Replace"}}'`,
      `kubectl patch cronjob paused -p '{"spec":{"suspend":true}}'`,
      { run: jobNames, advanceMs: 150_000 },
      'kubectl get events --field-selector involvedObject.name=forbid',
      'kubectl get events --field-selector involvedObject.name=replace',
    ]);
    const [names, forbid, replace] = results.slice(6);
    expect(names.stdout).toBe(`${minute('forbid', 1)} ${minute('replace', 2)} `);
    expect(forbid.stdout).toContain('Not starting job because prior execution is running and concurrency policy is Forbid');
    expect(replace.stdout).toContain(`Deleted job ${minute('replace', 1)}`);
  });

  it('skips a schedule older than its starting deadline, and creates a Job from the CronJob by hand', () => {
    const [, , , skipped, later, manual, owner, missing] = runCommands(boot(), [
      'kubectl create cronjob late --image=busybox:1.37 --schedule="*/1 * * * *" -- echo hi',
      `kubectl patch cronjob late -p '{"spec":{"suspend":true,"startingDeadlineSeconds":10}}'`,
      { run: `kubectl patch cronjob late -p '{"spec":{"suspend":false}}'`, advanceMs: 75_000 },
      { run: jobNames, advanceMs: 1_000 },
      { run: jobNames, advanceMs: 50_000 },
      'kubectl create job manual --from=cronjob/late',
      "kubectl get job manual -o jsonpath='{.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate} {.metadata.ownerReferences[0].name}'",
      'kubectl create job other --from=cronjob/nope',
    ]);
    // Minute 1 had passed by more than 10 s when the CronJob was resumed: it is not run.
    expect(skipped.stdout).toBe('');
    expect(later.stdout).toBe(`${minute('late', 2)} `);
    expect(manual.stdout).toBe('job.batch/manual created\n');
    expect(owner.stdout).toBe('manual late');
    expect(missing).toMatchObject({ exit: 1, stderr: 'Error from server (NotFound): cronjobs.batch "nope" not found\n' });
  });
});
