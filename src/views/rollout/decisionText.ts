import type { Locale } from '../../i18n/messages';
import type { RolloutDecision } from '../../player/rollout';

/** decisionText says a Deployment controller decision in words, with the budget numbers. */
export function decisionText(d: RolloutDecision, locale: Locale): string {
  if (locale === 'zh-CN') {
    if (d.kind === 'createReplicaSet') return `创建新的 ReplicaSet ${d.replicaSet}，副本数 ${d.to}（maxSurge ${d.maxSurge} → 还可多建 ${Math.max(0, d.room)} 个）`;
    if (d.kind === 'scaleUp') return `扩容 ${d.replicaSet}：${d.from} → ${d.to}（maxSurge ${d.maxSurge} → 还可多建 ${Math.max(0, d.room)} 个）`;
    return `缩容 ${d.replicaSet}：${d.from} → ${d.to}（maxUnavailable ${d.maxUnavailable} → 可减少 ${Math.max(0, d.room)} 个可用副本）`;
  }
  if (d.kind === 'createReplicaSet') return `Created new ReplicaSet ${d.replicaSet} with ${d.to} replicas (maxSurge ${d.maxSurge} → may create ${Math.max(0, d.room)} more)`;
  if (d.kind === 'scaleUp') return `Scaled up ${d.replicaSet} from ${d.from} to ${d.to} (maxSurge ${d.maxSurge} → may create ${Math.max(0, d.room)} more)`;
  return `Scaled down ${d.replicaSet} from ${d.from} to ${d.to} (maxUnavailable ${d.maxUnavailable} → ${Math.max(0, d.room)} available may go)`;
}
