// Mirrors k8s.io/kubectl pkg/polymorphichelpers/history.go DeploymentHistoryViewer (v1.32) and
// pkg/cmd/rollout/rollout_history.go: `kubectl rollout history deployment/NAME [--revision=N]`.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { getAllReplicaSets } from '../../describe/deploymentReplicaSets';
import { describePodTemplate } from '../../describe/describePodTemplate';
import type { DescribeLookup } from '../../describe/lookup';
import { PrefixWriter } from '../../describe/prefixWriter';
import { DESCRIBE_TABWRITER, formatTabbed } from '../table/tabwriter';

const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** RolloutHistoryOutput separates stdout from the error kubectl prints on stderr (exit 1). */
export interface RolloutHistoryOutput {
  stdout: string;
  stderr: string;
}

/** historyInfo maps revision → pod template (with the ReplicaSet's change-cause copied in), skipping unparsable revisions. */
function historyInfo(replicaSets: readonly ReplicaSet[]): Map<number, PodTemplateSpec> {
  const info = new Map<number, PodTemplateSpec>();
  for (const rs of replicaSets) {
    const text = rs.metadata?.annotations?.[REVISION_ANNOTATION];
    const revision = text === undefined ? 0 : Number(text);
    if (!Number.isInteger(revision)) continue;
    const template: PodTemplateSpec = { ...rs.spec?.template, metadata: { ...rs.spec?.template?.metadata, annotations: { ...rs.spec?.template?.metadata?.annotations } } };
    const cause = rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
    if (cause) template.metadata!.annotations![CHANGE_CAUSE_ANNOTATION] = cause;
    info.set(revision, template);
  }
  return info;
}

/** viewHistory is ViewHistory: the REVISION/CHANGE-CAUSE table, or one revision's pod template (not tab-aligned, as kubectl leaves it). */
export function viewHistory(replicaSets: readonly ReplicaSet[], revision = 0): { text: string } | { error: string } {
  const info = historyInfo(replicaSets);
  if (info.size === 0) return { text: 'No rollout history found.' };
  if (revision > 0) {
    const template = info.get(revision);
    if (!template) return { error: 'unable to find the specified revision' };
    const w = new PrefixWriter();
    describePodTemplate(template, w);
    return { text: w.raw() };
  }
  const lines = ['REVISION\tCHANGE-CAUSE'];
  for (const r of [...info.keys()].sort((a, b) => a - b)) lines.push(`${r}\t${info.get(r)!.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>'}`);
  return { text: formatTabbed(`${lines.join('\n')}\n`, DESCRIBE_TABWRITER) };
}

/**
 * rolloutHistory is the whole command output for a Deployment: `deployment.apps/web ` then the
 * history (`with revision #N` before the template when --revision is given).
 * @example rolloutHistory(web, lookup).stdout // 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n'
 */
export function rolloutHistory(deployment: Deployment, lookup: DescribeLookup, revision = 0): RolloutHistoryOutput {
  const { newRS, allOld } = getAllReplicaSets(deployment, lookup);
  const result = viewHistory(newRS ? [...allOld, newRS] : allOld, revision);
  if ('error' in result) return { stdout: '', stderr: `error: ${result.error}\n` };
  const withRevision = revision > 0 ? `with revision #${revision}` : '';
  return { stdout: `deployment.apps/${deployment.metadata?.name ?? ''} ${withRevision}\n${result.text}\n`, stderr: '' };
}
