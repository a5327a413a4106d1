import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../../api/object';
import { toRFC3339 } from '../../../sim/time';
import { Fixture } from '../../testing/fixture';
import { DeploymentController } from '../deploymentController';
import type { IntOrString } from '../util/fenceposts';

// Object builders of pkg/controller/deployment/deployment_controller_test.go (newDeployment, rs,
// newRSWithStatus), with complete objects (no API defaulting in these tests).

export function newDeployment(name: string, replicas: number, options: { revisionHistoryLimit?: number; maxSurge?: IntOrString; maxUnavailable?: IntOrString; selector?: Record<string, string> } = {}): Stored<Deployment> {
  const selector = options.selector ?? { foo: 'bar' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, generation: 1, annotations: {} },
    spec: {
      replicas,
      selector: { matchLabels: selector },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: options.maxSurge ?? 0, maxUnavailable: options.maxUnavailable ?? 0 } },
      template: { metadata: { labels: selector }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      revisionHistoryLimit: options.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: 600,
    },
    status: {},
  };
}

/** rs builds a ReplicaSet; `ageSeconds` back-dates its creationTimestamp from 2025-01-01T01:00:00Z. */
export function rs(name: string, replicas: number, options: { ageSeconds?: number; available?: number; statusReplicas?: number; owner?: Deployment } = {}): Stored<ReplicaSet> {
  const created = toRFC3339(3_600_000 - (options.ageSeconds ?? 0) * 1000);
  const owner = options.owner;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: created, generation: 1, labels: { foo: 'bar' },
      ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: 'Deployment', name: owner.metadata!.name!, uid: owner.metadata!.uid!, controller: true, blockOwnerDeletion: true }] : undefined,
    },
    spec: { replicas, selector: { matchLabels: { foo: 'bar' } }, template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'nginx', image: `nginx:${name}` }] } } },
    status: { replicas: options.statusReplicas ?? replicas, availableReplicas: options.available ?? replicas, observedGeneration: 1 },
  };
}

/** newController builds a DeploymentController over a fixture with preloaded listers. */
export function newController(f: Fixture, deployments: Deployment[] = [], replicaSets: ReplicaSet[] = [], pods: Pod[] = []): DeploymentController {
  const client = f.client;
  for (const d of deployments) client.seed('deployments', d);
  for (const r of replicaSets) client.seed('replicasets', r);
  return new DeploymentController({
    sim: f.sim, epochMs: f.epochMs, client, recorder: f.recorder('deployment-controller'),
    deployments: f.informer('deployments', deployments), replicaSets: f.informer('replicasets', replicaSets), pods: f.informer('pods', pods),
  });
}

/** replicasAfter reads the replica count each RS was last updated to (or its original size). */
export function replicasAfter(f: Fixture, rss: ReadonlyArray<ReplicaSet | undefined>): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const r of rss) if (r) sizes[r.metadata!.name!] = r.spec!.replicas!;
  for (const action of f.client.writes('replicasets')) {
    if (action.verb === 'update') sizes[action.name!] = (action.object as ReplicaSet).spec!.replicas!;
  }
  return sizes;
}
