// The seeds' two troubleshooting runbooks as library scenarios: determinism, and what a learner must see.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../engine/components';
import { loadScenario } from '../engine/scenario/load';
import { runScenario, type RunRecord } from '../engine/scenario/runScenario';

type Result = RunRecord & { run: string; exit: number; stdout: string; stderr: string };

function run(file: string, trace = false): Result[] {
  const loaded = loadScenario(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.error);
  const records: RunRecord[] = [];
  runScenario(loaded.scenario, { trace, components: DEFAULT_COMPONENTS, onRecord: (r) => records.push(r) });
  return records.filter((r) => r.type === 'result') as Result[];
}

describe('node-notready-runtime scenario', () => {
  it('is byte-identical run to run', () => {
    expect(JSON.stringify(run('node-notready-runtime.yaml', true))).toBe(JSON.stringify(run('node-notready-runtime.yaml', true)));
  });

  it('shows containerd stopping, the node reporting the runtime down, and recovering', () => {
    const results = run('node-notready-runtime.yaml');
    const out = (prefix: string, index = 0) => results.filter((r) => r.run.startsWith(prefix))[index];
    expect(out('ssh node-1 systemctl status containerd').stdout).toMatch(/^● containerd\.service - containerd container runtime\n/);
    expect(out('ssh node-1 crictl ps', 1)).toMatchObject({ exit: 1, stderr: expect.stringContaining('validate CRI v1 runtime API') });
    expect(out('kubectl get nodes').stdout).toMatch(/\nnode-1 +NotReady /);
    expect(out('kubectl describe node node-1').stdout).toMatch(/Ready +False .* KubeletNotReady +container runtime is down\n/);
    expect(out('ssh node-1 journalctl').stdout).toContain('"Skipping pod synchronization" err="container runtime is down"');
    expect(out('kubectl get pods -o wide').stdout).toContain('"key":"node.kubernetes.io/not-ready"');
    expect(out('kubectl get nodes', 1).stdout).toMatch(/\nnode-1 +Ready /);
  });
});

describe('etcd-backup-restore scenario', () => {
  it('is byte-identical run to run', () => {
    expect(JSON.stringify(run('etcd-backup-restore.yaml', true))).toBe(JSON.stringify(run('etcd-backup-restore.yaml', true)));
  });

  it('saves a dated snapshot, restores it, and brings the cluster back to it', () => {
    const results = run('etcd-backup-restore.yaml');
    expect(results[1].stdout).toBe('Snapshot saved at /backup/etcd-20250101.db\n');
    expect(results[2].stdout).toMatch(/^\+-+\+-+\+-+\+-+\+\n\| +HASH +\| REVISION \| TOTAL KEYS \| TOTAL SIZE \|\n/);
    expect(results[4].stderr).toContain('"msg":"restored snapshot"');
    const last = results[results.length - 1];
    expect(last.stdout).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nweb +2\/2 /);
    expect(last.stderr).toBe('Error from server (NotFound): configmaps "after-backup" not found\n');
  });
});
