import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Cluster } from '../engine/cluster';
import { maxSurge, maxUnavailable } from '../engine/controllers/deployment/util/fenceposts';
import { deploymentRolloutStatus } from '../engine/kubectl/printers/rollout/rolloutStatus';
import type { TraceEvent } from '../engine/sim/trace';
import type { PodView } from './clusterView';

const REVISION = 'deployment.kubernetes.io/revision';

export interface ReplicaSetView {
  name: string;
  revision: string;
  image: string;
  spec: number;
  ready: number;
  available: number;
  isNew: boolean;
  pods: PodView[];
}

/** RolloutDecision is one step the Deployment controller took, with the budget it had then. */
export interface RolloutDecision {
  t: number;
  kind: 'scaleUp' | 'scaleDown' | 'createReplicaSet';
  replicaSet: string;
  from: number;
  to: number;
  /** room: maxTotalPods − currentPodCount before a scale-up; maxScaledDown before a scale-down (rolling.go). */
  room: number;
  maxSurge: number;
  maxUnavailable: number;
}

/** RolloutView is what the rollout diagram shows for one Deployment. */
export interface RolloutView {
  namespace: string;
  name: string;
  strategy: string;
  replicas: number;
  maxSurge: number;
  maxUnavailable: number;
  /** totalSpec is Σ spec.replicas over its ReplicaSets (bounded by replicas + maxSurge). */
  totalSpec: number;
  /** available is status.availableReplicas (kept ≥ replicas − maxUnavailable). */
  available: number;
  replicaSets: ReplicaSetView[];
  status: string;
  decisions: RolloutDecision[];
}

/**
 * RolloutTracker keeps the Deployment controller's recent decisions per Deployment (from the
 * trace) with the budget in force when each was taken, read off the watch caches at that moment.
 */
export class RolloutTracker {
  private readonly decisions = new Map<string, RolloutDecision[]>();
  private readonly budgets = new Map<string, { up?: number; down?: number }>();

  constructor(private readonly cluster: Cluster) {}

  observe(event: TraceEvent): void {
    const ref = event.ref;
    if (!ref || !event.kind.startsWith('deployment.')) return;
    const key = `${ref.namespace}/${ref.name}`;
    const e = event as TraceEvent & { replicaSet?: string; from?: number; to?: number; replicas?: number; currentPodCount?: number; maxTotalPods?: number; maxScaledDown?: number };
    // The controller traces its budget just before it scales (rolling.go's numbers).
    if (event.kind === 'deployment.reconcileNewReplicaSet') this.budgets.set(key, { ...this.budgets.get(key), up: (e.maxTotalPods ?? 0) - (e.currentPodCount ?? 0) });
    if (event.kind === 'deployment.scaleDownBudget') this.budgets.set(key, { ...this.budgets.get(key), down: e.maxScaledDown ?? 0 });
    if (event.kind !== 'deployment.scale' && event.kind !== 'deployment.createReplicaSet') return;
    const d = this.cluster.apiserver.ctx.cachers.get('deployments')?.get(`/registry/deployments/${ref.namespace}/${ref.name}`) as Deployment | undefined;
    if (!d) return;
    const created = event.kind === 'deployment.createReplicaSet';
    const from = created ? 0 : e.from ?? 0;
    const to = created ? e.replicas ?? 0 : e.to ?? 0;
    const up = to > from;
    const budget = this.budgets.get(key) ?? {};
    const decision: RolloutDecision = {
      t: event.t,
      kind: created ? 'createReplicaSet' : up ? 'scaleUp' : 'scaleDown',
      replicaSet: e.replicaSet ?? '',
      from,
      to,
      // A new ReplicaSet starts with exactly what the surge budget allowed (NewRSNewReplicas).
      room: created ? to : up ? budget.up ?? to - from : budget.down ?? from - to,
      maxSurge: maxSurge(d),
      maxUnavailable: maxUnavailable(d),
    };
    const list = this.decisions.get(key) ?? [];
    list.push(decision);
    if (list.length > 30) list.shift();
    this.decisions.set(key, list);
  }

  /** views are the rollout views of the Deployments outside kube-system (at most `limit`). */
  views(podsByOwner: (rs: string) => PodView[], limit = 5): RolloutView[] {
    const listed = this.cluster.apiserver.ctx.cachers.get('deployments')?.list({});
    const deployments = (listed?.ok ? (listed.items as Deployment[]) : []).filter((d) => d.metadata?.namespace !== 'kube-system').slice(0, limit);
    return deployments.map((d) => this.view(d, podsByOwner));
  }

  private view(d: Deployment, podsByOwner: (rs: string) => PodView[]): RolloutView {
    const sets = replicaSetsOf(this.cluster, d);
    const current = d.metadata?.annotations?.[REVISION];
    const status = deploymentRolloutStatus(d);
    return {
      namespace: d.metadata?.namespace ?? '',
      name: d.metadata?.name ?? '',
      strategy: d.spec?.strategy?.type ?? 'RollingUpdate',
      replicas: d.spec?.replicas ?? 1,
      maxSurge: maxSurge(d),
      maxUnavailable: maxUnavailable(d),
      totalSpec: sets.reduce((sum, rs) => sum + (rs.spec?.replicas ?? 0), 0),
      available: d.status?.availableReplicas ?? 0,
      replicaSets: sets
        .map((rs) => ({
          name: rs.metadata?.name ?? '',
          revision: rs.metadata?.annotations?.[REVISION] ?? '',
          image: rs.spec?.template?.spec?.containers?.[0]?.image ?? '',
          spec: rs.spec?.replicas ?? 0,
          ready: rs.status?.readyReplicas ?? 0,
          available: rs.status?.availableReplicas ?? 0,
          isNew: rs.metadata?.annotations?.[REVISION] === current,
          pods: podsByOwner(rs.metadata?.name ?? ''),
        }))
        .sort((a, b) => Number(b.revision) - Number(a.revision)),
      status: status.message ?? `error: ${status.error}`,
      decisions: this.decisions.get(`${d.metadata?.namespace}/${d.metadata?.name}`) ?? [],
    };
  }
}

function replicaSetsOf(cluster: Cluster, d: Deployment): ReplicaSet[] {
  const listed = cluster.apiserver.ctx.cachers.get('replicasets')?.list({ namespace: d.metadata?.namespace });
  const sets = listed?.ok ? (listed.items as ReplicaSet[]) : [];
  return sets.filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.controller && o.uid === d.metadata?.uid));
}
