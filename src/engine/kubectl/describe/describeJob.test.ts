import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';
import { capIndexesListOrNone } from './describeJob';

// k8s.io/kubectl pkg/describe/describe.go (v1.32) describeJob: the kubernetes.io "pi" Job example.
describe('kubectl describe job', () => {
  it('shows the defaulted spec, start/completion times, pod counts, template and events', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [, described, times] = runCommands(cluster, [
      'kubectl create job pi --image=perl:5.34.0 -- perl -Mbignum=bpi -wle "print bpi(2000)"',
      { run: 'kubectl describe job pi', advanceMs: 60_000 },
      'kubectl get job pi -o jsonpath={.status.startTime},{.status.completionTime}',
    ]);
    // The perl image pull makes the run last some seconds; the text must agree with the stored times.
    const [start, completed] = times.stdout.split(',').map((t) => Date.parse(t));
    const seconds = (completed - start) / 1000;
    expect(seconds).toBeGreaterThan(5);
    const rfc1123z = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');
    const lines = described.stdout.split('\n');
    const uid = /controller-uid=(\S+)/.exec(described.stdout)?.[1];
    expect(lines.slice(0, 16)).toEqual([
      'Name:             pi',
      'Namespace:        default',
      `Selector:         batch.kubernetes.io/controller-uid=${uid}`,
      'Labels:           <none>',
      'Annotations:      <none>',
      'Parallelism:      1',
      'Completions:      1',
      'Completion Mode:  NonIndexed',
      'Suspend:          false',
      'Backoff Limit:    6',
      `Start Time:       ${rfc1123z(start)}`,
      `Completed At:     ${rfc1123z(completed)}`,
      `Duration:         ${seconds}s`,
      'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed',
      'Pod Template:',
      `  Labels:  batch.kubernetes.io/controller-uid=${uid}`,
    ]);
    expect(described.stdout).toContain('    Command:\n      perl\n      -Mbignum=bpi\n      -wle\n      print bpi(2000)\n');
    expect(described.stdout).toMatch(/Normal {2}SuccessfulCreate {2}\d+s {3}job-controller {2}Created pod: pi-\w{5}\n {2}Normal {2}Completed {9}\d+s {3}job-controller {2}Job completed\n$/);
  });

  it('caps a long completed-indexes list after the first comma past the limit', () => {
    expect(capIndexesListOrNone('', 50)).toBe('<none>');
    expect(capIndexesListOrNone('0-3,5', 50)).toBe('0-3,5');
    expect(capIndexesListOrNone('1,3,5,7,9', 4)).toBe('1,3,5,...');
  });
});
