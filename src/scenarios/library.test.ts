// Every bundled scenario is part of the in-app library: it must load, run headless, and carry its
// title, chapters and narration in both languages.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../engine/components';
import { loadScenario } from '../engine/scenario/load';
import { runScenario, type RunRecord } from '../engine/scenario/runScenario';

const DIR = new URL('./', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
type Localized = string | { en?: string; 'zh-CN'?: string } | undefined;
const bothLanguages = (text: Localized) => typeof text === 'object' && !!text.en && !!text['zh-CN'];

describe('scenario library', () => {
  it('has the scenarios issue #6 asks for', () => {
    const names = FILES.map((f) => f.replace(/\.yaml$/, ''));
    for (const name of ['hello-minikube', 'pod-creation', 'explore-your-app', 'service-traffic', 'service-routing-ipvs', 'rolling-update', 'rollout-strategies', 'hpa-walkthrough', 'etcd-leader-failover', 'etcd-partition', 'node-failure', 'pending-pods', 'priority-preemption', 'crashloop-imagepull', 'controller-manager-leader-election']) {
      expect(names).toContain(name);
    }
  });

  it.each(FILES)('%s loads, runs, and is titled and narrated in en and zh-CN', (file) => {
    const loaded = loadScenario(readFileSync(new URL(file, DIR), 'utf8'), file);
    if (!loaded.ok) throw new Error(loaded.error);
    const { file: scenario } = loaded.scenario;
    expect(bothLanguages(scenario.metadata.title)).toBe(true);
    for (const step of scenario.spec.steps) {
      if (step.narration) expect(bothLanguages(step.narration), `${file} narration at ${step.at}`).toBe(true);
      if (step.chapter) expect(bothLanguages(step.chapter), `${file} chapter at ${step.at}`).toBe(true);
    }
    const results: RunRecord[] = [];
    runScenario(loaded.scenario, { components: DEFAULT_COMPONENTS, onRecord: (r) => results.push(r) });
    expect(results.filter((r) => r.type === 'result')).toHaveLength(scenario.spec.steps.filter((s) => s.run).length);
  });
});
