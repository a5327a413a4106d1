// The explore-your-app scenario (Kubernetes Basics, module 3): logs and exec show what a learner
// sees in the tutorial.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../engine/components';
import { loadScenario } from '../engine/scenario/load';
import { runScenario, type RunRecord } from '../engine/scenario/runScenario';

type Result = RunRecord & { run: string; exit: number; stdout: string; stderr: string };

function run(trace = false): RunRecord[] {
  const loaded = loadScenario(readFileSync(new URL('./explore-your-app.yaml', import.meta.url), 'utf8'), 'explore-your-app.yaml');
  if (!loaded.ok) throw new Error(loaded.error);
  const records: RunRecord[] = [];
  runScenario(loaded.scenario, { trace, components: DEFAULT_COMPONENTS, onRecord: (r) => records.push(r) });
  return records;
}

describe('explore-your-app scenario', () => {
  const out = run().filter((r) => r.type === 'result') as Result[];
  const by = (prefix: string) => out.find((r) => r.run.startsWith(prefix))!;

  it('runs the bootcamp app and answers from inside the pod', () => {
    const pod = /^(kubernetes-bootcamp-\S+)\s+1\/1\s+Running\s+0\s/m.exec(by('kubectl get pods').stdout)?.[1];
    expect(pod).toBeDefined();
    expect(by('kubectl logs').stdout).toMatch(new RegExp(`^Kubernetes Bootcamp App Started At: \\S+ \\| Running On:  ${pod} \\n`));
    expect(by('kubectl exec deployment/kubernetes-bootcamp -- env').stdout).toMatch(new RegExp(`^PATH=\\S+\\nHOSTNAME=${pod}\\nNPM_CONFIG_LOGLEVEL=info\\nNODE_VERSION=6\\.3\\.1\\n(KUBERNETES_\\w+=\\S+\\n){8}HOME=/root\\n$`));
    expect(by('kubectl exec deployment/kubernetes-bootcamp -- curl').stdout).toBe(`Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`);
    expect(by('kubectl exec deployment/kubernetes-bootcamp -- nslookup')).toMatchObject({ exit: 1, stdout: '' });
  });

  it('follows the tutorial through $POD_NAME, kubectl proxy and the pods/proxy subresource', () => {
    const pod = /^(kubernetes-bootcamp-\S+)\s/m.exec(by('kubectl get pods').stdout)?.[1];
    expect(by('export POD_NAME').stdout).toBe(`Name of the Pod: ${pod}\n`);
    expect(by('kubectl proxy &').stdout).toBe('Starting to serve on 127.0.0.1:8001\n');
    expect(by('curl http://localhost:8001/').stdout).toBe(`Hello Kubernetes bootcamp! | Running on: ${pod} | v=1\n`);
    expect(by('kubectl exec $POD_NAME -- cat server.js').stdout).toContain('listen(8080');
    expect(by('kill %1').stderr).toBe('[1]+  Terminated              kubectl proxy\n');
  });

  it('is byte-identical run to run, trace included', () => {
    expect(run(true).map((r) => JSON.stringify(r))).toEqual(run(true).map((r) => JSON.stringify(r)));
  });
});
