// Mirrors staging/src/k8s.io/kubectl/pkg/polymorphichelpers/{canbeexposed.go,
// mapbasedselectorforobject.go, portsforobject.go, multiprotocolsforobject.go}: what
// `kubectl expose` reads from the object it exposes.
import type { JsonObject, JsonValue } from '../printers/json';

const obj = (v: JsonValue | undefined): JsonObject => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const list = (v: JsonValue | undefined): JsonObject[] => (Array.isArray(v) ? (v as JsonObject[]) : []);

/** groupKind formats schema.GroupKind.String(): `Kind` or `Kind.group`. */
export function groupKind(source: JsonObject): string {
  const apiVersion = String(source.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group ? `${String(source.kind)}.${group}` : String(source.kind);
}

/** canBeExposed mirrors canBeExposed's allow-list. */
export function canBeExposed(source: JsonObject): string | undefined {
  const gk = groupKind(source);
  const ok = ['ReplicationController', 'Service', 'Pod', 'Deployment.apps', 'ReplicaSet.apps', 'Deployment.extensions', 'ReplicaSet.extensions'];
  return ok.includes(gk) ? undefined : `cannot expose a ${gk}`;
}

/** makeLabels mirrors polymorphichelpers.MakeLabels (keys sorted for determinism). */
export function makeLabels(labels: JsonObject): string {
  return Object.keys(labels).sort().map((k) => `${k}=${String(labels[k])}`).join(',');
}

function podSpecOf(source: JsonObject): JsonObject {
  if (source.kind === 'Pod') return obj(source.spec);
  return obj(obj(obj(source.spec).template).spec);
}

/** mapBasedSelectorForObject mirrors mapBasedSelectorForObject; returns selector or error. */
export function mapBasedSelectorForObject(source: JsonObject): string | Error {
  const spec = obj(source.spec);
  switch (source.kind) {
    case 'ReplicationController':
      return makeLabels(obj(spec.selector));
    case 'Pod': {
      const labels = obj(obj(source.metadata).labels);
      return Object.keys(labels).length === 0 ? new Error('the pod has no labels and cannot be exposed') : makeLabels(labels);
    }
    case 'Service':
      return spec.selector == null ? new Error('the service has no pod selector set') : makeLabels(obj(spec.selector));
    case 'Deployment':
    case 'ReplicaSet': {
      const selector = obj(spec.selector);
      const what = source.kind === 'Deployment' ? 'deployment' : 'replicaset';
      if (Object.keys(obj(selector.matchLabels)).length === 0) {
        return new Error(`invalid ${what}: no selectors, therefore cannot be exposed`);
      }
      if (list(selector.matchExpressions).length > 0) return new Error("couldn't convert expressions to map-based selector format");
      return makeLabels(obj(selector.matchLabels));
    }
    default:
      return new Error(`cannot extract pod selector from ${String(source.kind)}`);
  }
}

/** portsForObject mirrors portsForObject: distinct container (or service) ports in order. */
export function portsForObject(source: JsonObject): string[] {
  const ports =
    source.kind === 'Service'
      ? list(obj(source.spec).ports).map((p) => String(p.port ?? 0))
      : list(podSpecOf(source).containers).flatMap((c) => list(c.ports).map((p) => String(p.containerPort ?? 0)));
  return [...new Set(ports)];
}

/** multiProtocolsForObject mirrors multiProtocolsForObject: port → protocols (TCP default). */
export function multiProtocolsForObject(source: JsonObject): Map<string, string[]> {
  const entries: [string, string][] =
    source.kind === 'Service'
      ? list(obj(source.spec).ports).map((p) => [String(p.port ?? 0), String(p.protocol || 'TCP')])
      : list(podSpecOf(source).containers).flatMap((c) =>
          list(c.ports).map((p): [string, string] => [String(p.containerPort ?? 0), String(p.protocol || 'TCP')]),
        );
  const out = new Map<string, string[]>();
  for (const [port, protocol] of entries) out.set(port, [...(out.get(port) ?? []), protocol]);
  return out;
}
