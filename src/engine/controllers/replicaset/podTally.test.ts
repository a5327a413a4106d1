import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../../components';
import { loadScenario } from '../../scenario/load';
import { runScenario } from '../../scenario/runScenario';
import { ReplicaSetController } from './replicaSetController';

/** trace runs a scenario with the full trace on and returns its JSON lines. */
function trace(text: string, file: string, listEverySync: boolean): string[] {
  ReplicaSetController.listEverySync = listEverySync;
  const loaded = loadScenario(text, file);
  if (!loaded.ok) throw new Error(loaded.error);
  // Look at every ReplicaSet's status every 2 s (the trace alone does not show status bodies).
  const endMs = Math.max(loaded.scenario.untilMs ?? 0, ...loaded.scenario.steps.map((s) => s.at)) + 30_000;
  const looks = Array.from({ length: Math.floor(endMs / 2000) }, (_, i) => ({ at: i * 2000 + 7, run: 'kubectl get rs -A -o yaml' }));
  loaded.scenario.steps = [...loaded.scenario.steps, ...looks].sort((a, b) => a.at - b.at);
  const lines: string[] = [];
  runScenario(loaded.scenario, { trace: true, components: DEFAULT_COMPONENTS, onRecord: (r) => lines.push(JSON.stringify(r)) });
  return lines;
}

const library = (name: string) => readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8');

// Adoption, release, scale down and up, pods deleted by hand, a template label edited on the RS.
const RELABEL = `apiVersion: k8sim.dev/v1alpha1
kind: Scenario
metadata: {name: relabel}
spec:
  seed: 5
  cluster: {nodes: 2, etcd: {members: 1}}
  steps:
    - at: 0s
      run: kubectl run stray --image=nginx:1.27 --labels=app=bare
    - at: 1s
      run: kubectl apply -f -
      stdin: |
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: bare}
        spec:
          replicas: 3
          selector: {matchLabels: {app: bare}}
          template:
            metadata: {labels: {app: bare, tier: web}}
            spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
    - at: 2s
      run: kubectl create deployment web --image=nginx:1.27 --replicas=4
    - at: 20s
      run: kubectl label pods -l app=bare app=gone --overwrite
    - at: 30s
      run: kubectl scale rs bare --replicas=1
    - at: 35s
      run: kubectl scale deployment web --replicas=2
    - at: 40s
      run: kubectl delete pods -l app=bare --wait=false
    - at: 45s
      run: kubectl label pods -l app=web tier=x
    - at: 50s
      run: kubectl scale rs bare --replicas=4
    - at: 55s
      run: kubectl apply -f -
      stdin: |
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: bare}
        spec:
          replicas: 4
          selector: {matchLabels: {app: bare}}
          template:
            metadata: {labels: {app: bare, tier: api}}
            spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
    - at: 60s
      run: kubectl scale deployment web --replicas=6
  until: 90s
`;

describe('ReplicaSetPodTally: syncReplicaSet from counts behaves exactly as listing the pods every sync', () => {
  afterEach(() => {
    ReplicaSetController.listEverySync = false;
  });

  for (const file of ['rolling-update.yaml', 'rollout-strategies.yaml', 'node-failure.yaml', 'hpa-walkthrough.yaml']) {
    it(`${file}: byte-identical trace`, () => {
      const text = library(file);
      const counted = trace(text, file, false);
      expect(counted).toEqual(trace(text, file, true));
    });
  }

  it('adoption, release, deletes and scaling: byte-identical trace', () => {
    const counted = trace(RELABEL, 'relabel.yaml', false);
    expect(counted.some((l) => l.includes('"kind":"replicaset.createPods"') || l.includes('SuccessfulCreate'))).toBe(true);
    expect(counted).toEqual(trace(RELABEL, 'relabel.yaml', true));
  });
});
