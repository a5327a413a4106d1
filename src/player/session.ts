import type { ScenarioFile, ScenarioStep } from '../engine/scenario/schema';

/**
 * A session is what the learner did, kept as a scenario file (the public contract of
 * `npm run sim`): the cluster, the seed and one step per command at its sim time. Saving,
 * exporting, importing and sharing a session are all the same data.
 */
export type SessionFile = ScenarioFile;

/** defaultSession is the cluster the app opens with: a kubeadm control-plane node, 3 workers, a 3-member etcd, no steps yet. */
export function defaultSession(seed = 1): SessionFile {
  return {
    apiVersion: 'k8sim.dev/v1alpha1',
    kind: 'Scenario',
    metadata: { name: 'my-session' },
    spec: { seed, cluster: { nodes: 3, etcd: { members: 3 }, kubeSystem: true }, steps: [] },
  };
}

/** withStep returns the session with one more step (steps stay in time order). */
export function withStep(session: SessionFile, step: ScenarioStep): SessionFile {
  return { ...session, spec: { ...session.spec, steps: [...session.spec.steps, step] } };
}

/** truncatedAt drops the steps after `tMs` (forking the timeline: the future is discarded). */
export function truncatedAt(session: SessionFile, tMs: number): SessionFile {
  return { ...session, spec: { ...session.spec, steps: session.spec.steps.filter((s) => s.at <= tMs) } };
}

