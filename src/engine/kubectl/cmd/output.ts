import type { KubeObject } from '../../api/object';
import { resourceForKind } from '../../api/resources';
import { marshalTyped, marshalUnstructured } from '../generate';
import { printJson, type JsonObject, type JsonValue } from '../printers/json';
import { printYaml } from '../printers/yaml';

/**
 * qualifiedName is how kubectl's name printer names an object: `deployment.apps/web`, `pod/nginx`.
 */
export function qualifiedName(obj: KubeObject): string {
  const group = obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0] : '';
  const kind = (obj.kind ?? '').toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${obj.metadata?.name ?? ''}`;
}

/** quotedName is the `deployments.apps "web"` form delete and the errors use. */
export function quotedName(obj: KubeObject): string {
  const info = obj.kind ? resourceForKind(obj.kind) : undefined;
  const plural = info ? (info.group ? `${info.resource}.${info.group}` : info.resource) : (obj.kind ?? '').toLowerCase();
  return `${plural} "${obj.metadata?.name ?? ''}"`;
}

/** dryRunSuffix is what the name printer appends: ` (dry run)` / ` (server dry run)`. */
export function dryRunSuffix(dryRun: 'none' | 'client' | 'server'): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/**
 * printObjects prints what `-o` asks for. `typed` objects (typed clientsets: create, run, expose…)
 * keep Go struct order; `unstructured` ones (get, apply) come out with sorted keys, as kubectl's
 * unstructured JSON/YAML printers do. Several objects (or a LIST) print as a v1 List.
 */
export function printObjects(
  objects: readonly KubeObject[],
  output: string,
  mode: 'typed' | 'unstructured',
  operation = '',
  dryRun: 'none' | 'client' | 'server' = 'none',
  asList = objects.length !== 1,
): string {
  if (output === '' || output === 'name') {
    const suffix = output === 'name' ? '' : ` ${operation}${dryRunSuffix(dryRun)}`;
    return objects.map((obj) => `${qualifiedName(obj)}${suffix}\n`).join('');
  }
  const marshal = (obj: KubeObject): JsonValue => (mode === 'typed' ? marshalTyped(obj as unknown as JsonObject) : marshalUnstructured(obj as unknown as JsonValue));
  let value: JsonValue;
  if (!asList) value = marshal(objects[0]);
  else value = marshalUnstructured({ apiVersion: 'v1', items: objects.map(marshal), kind: 'List', metadata: { resourceVersion: '' } } as unknown as JsonValue);
  if (output === 'json') return printJson(value);
  if (output === 'yaml') return printYaml(value);
  return '';
}
