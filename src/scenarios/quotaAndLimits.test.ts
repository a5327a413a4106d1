import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../engine/components';
import { loadScenario } from '../engine/scenario/load';
import { runScenario, type RunRecord } from '../engine/scenario/runScenario';

describe('quota-and-limits scenario', () => {
  const loaded = loadScenario(readFileSync(new URL('./quota-and-limits.yaml', import.meta.url), 'utf8'), 'quota-and-limits.yaml');
  if (!loaded.ok) throw new Error(loaded.error);
  const results: Array<Extract<RunRecord, { type: 'result' }>> = [];
  runScenario(loaded.scenario, { components: DEFAULT_COMPONENTS, onRecord: (r) => r.type === 'result' && results.push(r) });
  const byRun = (prefix: string) => results.find((r) => r.run.startsWith(prefix))!;

  it('shows the LimitRanger annotation, the quota refusal and the PodSecurity refusal and warning', () => {
    expect(byRun('kubectl get pod web').stdout).toContain('"kubernetes.io/limit-ranger":"LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for container web"');
    expect(byRun('kubectl describe quota').stdout).toMatch(/pods\s+3\s+3\n/);
    expect(byRun('kubectl get events -n team-a').stdout).toMatch(/FailedCreate\s+replicaset\/api-[a-z0-9]+\s+Error creating: pods "api-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: team-a, requested: pods=1,requests.cpu=200m, used: pods=3,requests.cpu=600m, limited: pods=3,requests.cpu=600m/);
    expect(byRun('kubectl run nginx').stderr).toContain('violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false');
    expect(byRun('kubectl create deployment nginx').stderr).toMatch(/^Warning: would violate PodSecurity "restricted:latest"/);
  });
});
