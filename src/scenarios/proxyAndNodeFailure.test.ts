// The node-failure, service-traffic and service-routing-ipvs scenarios: deterministic, and showing what a learner must see.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../engine/components';
import { loadScenario } from '../engine/scenario/load';
import { runScenario, type RunRecord } from '../engine/scenario/runScenario';

type Result = RunRecord & { run: string; exit: number; stdout: string; stderr: string };

function run(file: string, trace = false): RunRecord[] {
  const loaded = loadScenario(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.error);
  const records: RunRecord[] = [];
  runScenario(loaded.scenario, { trace, components: DEFAULT_COMPONENTS, onRecord: (r) => records.push(r) });
  return records;
}

function results(records: RunRecord[]): Result[] {
  return records.filter((r) => r.type === 'result') as Result[];
}

describe('node-failure scenario', () => {
  const records = run('node-failure.yaml');
  const out = results(records);
  const nth = (cmd: string, i = 0) => out.filter((r) => r.run === cmd)[i];

  it('goes NotReady after the grace period, taints, evicts after 300 s and recovers', () => {
    expect(nth('kubectl get nodes', 0).stdout).toMatch(/^node-2\s+Ready\s/m);
    expect(nth('kubectl get nodes', 1).stdout).toMatch(/^node-2\s+NotReady\s/m);
    expect(nth('kubectl describe node node-2').stdout).toMatch(/Taints:\s+node\.kubernetes\.io\/unreachable:NoExecute\n\s+node\.kubernetes\.io\/unreachable:NoSchedule/);
    expect(nth('sim curl web --from node-1').stdout).not.toMatch(/on node-2 answered/);
    expect(nth('kubectl get pods -o wide', 1).stdout).toMatch(/Terminating .* node-2 /);
    expect(nth('kubectl get events --field-selector reason=TaintManagerEviction').stdout).toContain('Marking for deletion Pod default/web-');
    expect(nth('kubectl get nodes', 2).stdout).toMatch(/^node-2\s+Ready\s/m);
  });

  it('is byte-identical run to run, trace included', () => {
    expect(run('node-failure.yaml', true).map((r) => JSON.stringify(r))).toEqual(run('node-failure.yaml', true).map((r) => JSON.stringify(r)));
  });
});

describe('service-traffic scenario', () => {
  const out = results(run('service-traffic.yaml'));
  const nth = (cmd: string, i = 0) => out.filter((r) => r.run === cmd)[i];

  it('curls a pod through the rules, then gets refused, and runs the pi Job', () => {
    expect(nth('sim curl web --from node-1', 0).stdout).toMatch(/^POD\s+pod default\/web-\S+ \(10\.244\.\d+\.\d+\) on node-\d answered$/m);
    expect(nth('sim proxy node-1').stdout).toContain('KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(nth('sim curl web --from node-1', 2).exit).toBe(7);
    expect(nth('kubectl get jobs').stdout).toMatch(/^pi\s+Complete\s+1\/1\s/m);
  });

  it('is byte-identical run to run, trace included', () => {
    expect(run('service-traffic.yaml', true).map((r) => JSON.stringify(r))).toEqual(run('service-traffic.yaml', true).map((r) => JSON.stringify(r)));
  });
});

describe('service-routing-ipvs scenario', () => {
  const out = results(run('service-routing-ipvs.yaml'));
  const curls = out.filter((r) => r.run === 'sim curl web --from node-1').map((r) => /real server (\d) of (\d)/.exec(r.stdout)?.slice(1).join('/'));
  const proxies = out.filter((r) => r.run === 'sim proxy node-1').map((r) => r.stdout);

  it('programs one rr virtual server whose real servers follow the endpoints', () => {
    expect(proxies[0]).toMatch(/^TCP {2}10\.\d+\.\d+\.\d+:80 rr\n(\s+-> 10\.244\.\d+\.\d+:80\s+Masq\s+1\s+0\s+0\n){3}/m);
    expect(proxies[0]).not.toContain('KUBE-SVC');
    // Only the web Service's virtual server (kube-dns has its own, with CoreDNS's endpoints).
    const web = proxies[1].split(/\n(?=TCP|UDP)/).find((block) => /^TCP {2}[\d.]+:80 rr\n/.test(block))!;
    expect(web.match(/-> 10\.244\./g)).toHaveLength(1);
  });

  it('hands connections to the real servers in turn, the fourth back to the first', () => {
    expect(curls).toEqual(['1/3', '2/3', '3/3', '1/3']);
  });
});
