import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../components';
import { loadScenario } from '../scenario/load';
import { runScenario, type RunRecord } from '../scenario/runScenario';

const SCENARIO = `apiVersion: k8sim.dev/v1alpha1
kind: Scenario
metadata: {name: oom-under-load}
spec:
  seed: 7
  cluster: {nodes: 1}
  steps:
    - at: 0s
      run: kubectl apply -f -
      stdin: |
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
                resources: {limits: {memory: 64Mi}}
    - at: 30s
      run: kubectl get pods
    - at: 31s
      run: sim load deployment/web --memory=100Mi
    - at: 100s
      run: kubectl get pods
    - at: 101s
      run: kubectl get pods -o yaml
`;

describe('sim load memory over the limit', () => {
  it('OOM-kills the serving container (exit 137, OOMKilled) and the kubelet restarts it', () => {
    const loaded = loadScenario(SCENARIO, 'oom.yaml');
    if (!loaded.ok) throw new Error(loaded.error);
    const records: Array<{ t: number; run: string; stdout: string }> = [];
    runScenario(loaded.scenario, { components: DEFAULT_COMPONENTS, onRecord: (r: RunRecord) => records.push(r as never) });
    const at = (t: number) => records.find((r) => r.t === t)!.stdout;
    expect(at(30_000)).toMatch(/web-\S+\s+1\/1\s+Running\s+0\s/);
    expect(at(100_000)).toMatch(/web-\S+\s+\d\/1\s+(Running|OOMKilled|CrashLoopBackOff)\s+[1-9]\d* \(\d+s ago\)\s/);
    expect(at(101_000)).toMatch(/lastState:\n\s+terminated:\n\s+containerID: \S+\n\s+exitCode: 137\n\s+finishedAt: \S+\n\s+reason: OOMKilled\n/);
  });
});
