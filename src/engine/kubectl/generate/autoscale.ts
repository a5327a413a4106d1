// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/autoscale/autoscale.go (Validate, Run,
// createHorizontalPodAutoscaler): an autoscaling/v1 HPA targeting the given object.
import { boolFlag, numberFlag, type ParsedCommand, stringFlag } from '../args/commandSpec';
import { cmdError } from '../args/errors';
import { resourceTypeForKind } from '../args/resources';
import type { JsonObject } from '../printers/json';
import { dryRunAndPrinter, type GenerateContext, type GenerateResult, generated } from './context';
import { applySaveConfig } from './saveConfig';

/** SCALABLE lists kinds with a /scale subresource in discovery (ScaleForResource succeeds). */
const SCALABLE = new Set(['apps/Deployment', 'apps/ReplicaSet', 'apps/StatefulSet', '/ReplicationController']);

/** scaleError mirrors scale.ScaleKindResolver's miss, e.g. `... for batch/v1, Resource=jobs ...`. */
function scaleError(apiVersion: string, kind: string): string {
  const gv = apiVersion.includes('/') ? apiVersion : `/${apiVersion}`;
  const plural = resourceTypeForKind(apiVersion, kind)?.plural ?? `${kind.toLowerCase()}s`;
  return `cannot autoscale a ${kind}: could not find scale subresource for ${gv}, Resource=${plural} in discovery information`;
}

/** generateAutoscale builds the HPA for `kubectl autoscale TYPE NAME --max=N`. */
export function generateAutoscale(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const prep = dryRunAndPrinter(cmd, ctx);
  if ('kind' in prep) return prep;
  const max = numberFlag(cmd, 'max');
  const min = numberFlag(cmd, 'min');
  if (max < 1) return cmdError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) return cmdError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const source = ctx.source;
  if (!source) return cmdError('no objects passed to autoscale');
  const apiVersion = String(source.apiVersion ?? '');
  const kind = String(source.kind ?? '');
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  if (!SCALABLE.has(`${group}/${kind}`)) return cmdError(scaleError(apiVersion, kind));
  const refName = String((source.metadata as JsonObject | undefined)?.name ?? '');
  const spec: JsonObject = { scaleTargetRef: { kind, name: refName, apiVersion }, maxReplicas: max };
  if (min > 0) spec.minReplicas = min;
  const cpu = numberFlag(cmd, 'cpu-percent');
  if (cpu >= 0) spec.targetCPUUtilizationPercentage = cpu;
  const hpa: JsonObject = {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v1',
    metadata: { name: stringFlag(cmd, 'name') || refName },
    spec,
  };
  return generated(cmd, [applySaveConfig(hpa, prep.dryRun !== 'client' && boolFlag(cmd, 'save-config'))], prep, prep.dryRun === 'client' ? 'created' : 'autoscaled');
}
