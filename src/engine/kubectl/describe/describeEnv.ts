// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) describeContainerEnvVars and
// describeContainerEnvFrom, with EnvValueRetriever's downward-API field resolution.
import type { Container, EnvVar, Pod } from 'kubernetes-types/core/v1';
import { compareStrings } from '../printers/table/labels';
import { formatQuantity, milliValue, parseQuantity, quantityValue, type Quantity } from '../printers/table/quantity';
import { LEVEL_2, LEVEL_3, type PrefixWriter } from './prefixWriter';

/** formatMap is fieldpath.FormatMap: sorted `key="value"` lines. */
function formatMap(map: Record<string, string> | undefined): string {
  return Object.keys(map ?? {}).sort(compareStrings).map((k) => `${k}=${JSON.stringify(map![k])}`).join('\n');
}

/**
 * fieldPathValue is kubectl's fieldpath.ExtractFieldPathAsString: only metadata fields resolve
 * (spec.nodeName, status.podIP... print empty in describe, although the kubelet fills them in).
 */
function fieldPathValue(pod: Pod | null, path: string): string {
  if (!pod) return '';
  const meta = pod.metadata ?? {};
  const subscript = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(path);
  if (subscript) return (subscript[1] === 'metadata.labels' ? meta.labels : meta.annotations)?.[subscript[2]] ?? '';
  switch (path) {
    case 'metadata.annotations': return formatMap(meta.annotations);
    case 'metadata.labels': return formatMap(meta.labels);
    case 'metadata.name': return meta.name ?? '';
    case 'metadata.namespace': return meta.namespace ?? '';
    case 'metadata.uid': return meta.uid ?? '';
    default: return '';
  }
}

/** resourceFieldValue is ExtractContainerResourceValue: the container's value divided by the divisor, rounded up. */
function resourceFieldValue(env: EnvVar, container: Container): string {
  const ref = env.valueFrom!.resourceFieldRef!;
  const divisor: Quantity = ref.divisor !== undefined && String(ref.divisor) !== '0' ? parseQuantity(ref.divisor) : parseQuantity('1');
  const [kind, name] = ref.resource.split('.');
  const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests;
  const raw = list?.[name];
  const value = raw === undefined ? parseQuantity('0') : parseQuantity(raw);
  if (name === 'cpu') return String(Math.ceil(milliValue(value) / milliValue(divisor)));
  if (name === 'memory' || name === 'ephemeral-storage') return String(Math.ceil(quantityValue(value) / quantityValue(divisor)));
  return formatQuantity(value);
}

/** describeContainerEnvVars prints `Environment:` with literal values, downward-API and key references. */
export function describeContainerEnvVars(container: Container, pod: Pod | null, w: PrefixWriter): void {
  const env = container.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
    } else if (from.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${fieldPathValue(pod, from.fieldRef.fieldPath)} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      let value = resourceFieldValue(e, container);
      const resource = from.resourceFieldRef.resource;
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      const ref = from.secretKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${ref.key}' in secret '${ref.name ?? ''}'>\tOptional: ${Boolean(ref.optional)}\n`);
    } else if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef;
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${ref.key}' of config map '${ref.name ?? ''}'>\tOptional: ${Boolean(ref.optional)}\n`);
    }
  }
}

/** describeContainerEnvFrom prints `Environment Variables from:` (ConfigMap/Secret sources, optional prefix). */
export function describeContainerEnvFrom(container: Container, w: PrefixWriter): void {
  const sources = container.envFrom ?? [];
  w.write(LEVEL_2, `Environment Variables from:${sources.length === 0 ? '\t<none>' : ''}\n`);
  for (const source of sources) {
    const [kind, ref] = source.configMapRef ? ['ConfigMap', source.configMapRef] : source.secretRef ? ['Secret', source.secretRef] : ['', undefined];
    const name = ref?.name ?? '';
    const optional = Boolean(ref?.optional);
    const from = source.prefix ? `${kind} with prefix '${source.prefix}'` : kind;
    w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
  }
}
