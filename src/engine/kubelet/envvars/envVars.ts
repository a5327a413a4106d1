// Mirrors kubernetes pkg/kubelet/envvars/envvars.go (FromServices) and kubelet_pods.go
// (getServiceEnvVarMap, makeEnvironmentVariables), v1.32: the variables the kubelet hands the
// runtime for a container — its declared env with $(VAR) references expanded, then the
// Docker-link style variables of the Services it may see.
import type { Container, EnvVar, Pod, Service } from 'kubernetes-types/core/v1';

/** KeyValue is one variable as CRI passes it. */
export interface KeyValue {
  name: string;
  value: string;
}

/** MASTER_SERVICES: default-namespace Services every pod sees, even with enableServiceLinks false. */
const MASTER_SERVICES = new Set(['kubernetes']);

const envName = (name: string) => name.replace(/-/g, '_').toUpperCase();

/** isServiceIPSet: a ClusterIP other than "" and "None" (headless and ExternalName get no variables). */
function isServiceIPSet(service: Service): boolean {
  const ip = service.spec?.clusterIP;
  return ip !== undefined && ip !== '' && ip !== 'None';
}

/** fromServices builds the variables of each Service: _SERVICE_HOST/_PORT, named ports, and the link variables. */
export function fromServices(services: readonly Service[]): KeyValue[] {
  const out: KeyValue[] = [];
  for (const service of services) {
    if (!isServiceIPSet(service)) continue;
    const ip = service.spec!.clusterIP!;
    const ports = service.spec?.ports ?? [];
    const prefix = envName(service.metadata?.name ?? '');
    out.push({ name: `${prefix}_SERVICE_HOST`, value: ip });
    out.push({ name: `${prefix}_SERVICE_PORT`, value: String(ports[0]?.port ?? '') });
    for (const port of ports) if (port.name) out.push({ name: `${prefix}_SERVICE_PORT_${envName(port.name)}`, value: String(port.port) });
    ports.forEach((port, i) => {
      const protocol = (port.protocol ?? 'TCP').toLowerCase();
      const url = `${protocol}://${ip.includes(':') ? `[${ip}]` : ip}:${port.port}`;
      // Docker special-cases the first port.
      if (i === 0) out.push({ name: `${prefix}_PORT`, value: url });
      const portPrefix = `${prefix}_PORT_${port.port}_${protocol.toUpperCase()}`;
      out.push({ name: portPrefix, value: url }, { name: `${portPrefix}_PROTO`, value: protocol }, { name: `${portPrefix}_PORT`, value: String(port.port) }, { name: `${portPrefix}_ADDR`, value: ip });
    });
  }
  return out;
}

/**
 * serviceEnvVarMap: the master services of the default namespace, plus — with enableServiceLinks
 * (default true) — every Service of the pod's namespace, as a map of variables.
 */
export function serviceEnvVarMap(services: readonly Service[], namespace: string, enableServiceLinks: boolean): Map<string, string> {
  const picked = new Map<string, Service>();
  for (const service of services) {
    if (!isServiceIPSet(service)) continue;
    const name = service.metadata?.name ?? '';
    const ns = service.metadata?.namespace ?? '';
    if (ns === 'default' && MASTER_SERVICES.has(name)) {
      if (!picked.has(name)) picked.set(name, service);
    } else if (ns === namespace && enableServiceLinks) picked.set(name, service);
  }
  return new Map(fromServices([...picked.values()]).map((v) => [v.name, v.value]));
}

/** FieldSource answers a fieldRef (status.podIP, spec.nodeName, …) for the pod being started. */
export interface FieldSource {
  podIP: string;
  hostIP: string;
}

/**
 * makeEnvironmentVariables: the container's env in declared order (values with $(VAR) expanded
 * against the earlier variables and the service variables; fieldRef resolved), then the service
 * variables it did not declare. Upstream walks the service map in Go's random map order; here
 * `shuffle` (the kubelet's seeded Rng) stands for it. configMapKeyRef/secretKeyRef/
 * resourceFieldRef are not simulated: such variables are left out.
 */
export function makeEnvironmentVariables(pod: Pod, container: Container, serviceEnv: ReadonlyMap<string, string>, fields: FieldSource, shuffle: <T>(items: T[]) => T[]): KeyValue[] {
  const declared = new Map<string, string>();
  const out: KeyValue[] = [];
  for (const env of container.env ?? []) {
    const value = env.valueFrom ? fieldValue(pod, env, fields) : expand(env.value ?? '', (name) => declared.get(name) ?? serviceEnv.get(name));
    if (value === undefined) continue;
    declared.set(env.name, value);
    out.push({ name: env.name, value });
  }
  for (const [name, value] of shuffle([...serviceEnv])) if (!declared.has(name)) out.push({ name, value });
  return out;
}

function fieldValue(pod: Pod, env: EnvVar, fields: FieldSource): string | undefined {
  const path = env.valueFrom?.fieldRef?.fieldPath;
  if (path === undefined) return undefined;
  const meta = pod.metadata ?? {};
  const keyed = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (keyed) return (keyed[1] === 'labels' ? meta.labels : meta.annotations)?.[keyed[2]] ?? '';
  switch (path) {
    case 'metadata.name': return meta.name ?? '';
    case 'metadata.namespace': return meta.namespace ?? '';
    case 'metadata.uid': return meta.uid ?? '';
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP': case 'status.hostIPs': return fields.hostIP;
    case 'status.podIP': case 'status.podIPs': return fields.podIP;
    default: return undefined;
  }
}

/**
 * expand replaces $(NAME) with its value when known (third_party/forked/golang/expansion):
 * `$$` is an escaped `$`, an unknown or unterminated reference stays as written.
 */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== '$' || i + 1 >= input.length) {
      out += input[i];
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const end = input.indexOf(')', i + 2);
      if (end < 0) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, end);
      out += lookup(name) ?? `$(${name})`;
      i = end;
    } else {
      out += '$' + next;
      i++;
    }
  }
  return out;
}
