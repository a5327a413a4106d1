// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/{version/version.go, clusterinfo/clusterinfo.go,
// apiresources/apiresources.go, apiresources/apiversions.go} in v1.32.
import type { Service } from 'kubernetes-types/core/v1';
import { RESOURCES, type ResourceInfo } from '../../api/resources';
import { APISERVER_ADDRESS } from '../../apiserver/bootstrap';
import { wait, type Task } from '../../sim/task';
import { boolFlag, listFlag, stringFlag } from '../args/commandSpec';
import type { JsonValue } from '../printers/json';
import { printYaml } from '../printers/yaml';
import { formatTabbed, TABLE_TABWRITER } from '../printers/table/tabwriter';
import { failStatus, type KubectlContext } from './context';

/**
 * VERSION_INFO is k8s.io/apimachinery version.Info of the v1.32.4 release binaries (kubectl and
 * kube-apiserver are built from the same commit), as `kubectl version -o yaml` prints it.
 */
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:03:58Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};
const KUSTOMIZE_VERSION = 'v5.5.0';

/** The apiserver URL in the kubeconfig (kubeadm: the control-plane address, port 6443). */
export const APISERVER_URL = `https://${APISERVER_ADDRESS}:6443`;

/** version prints the client's and the server's version (GET /version). */
export function* version(ctx: KubectlContext): Task<number> {
  const output = stringFlag(ctx.cmd, 'output');
  const info: Record<string, JsonValue> = { clientVersion: VERSION_INFO, kustomizeVersion: KUSTOMIZE_VERSION };
  if (!boolFlag(ctx.cmd, 'client')) {
    // The apiserver answers /version without touching etcd; a served request still takes its time.
    yield* wait(ctx.client.serverGroups());
    info.serverVersion = VERSION_INFO;
  }
  // version.go marshals with two-space indentation, fields in struct order (not -o json's printer).
  if (output === 'json') ctx.io.out(`${JSON.stringify(info, null, 2)}\n`);
  else if (output === 'yaml') ctx.io.out(printYaml(info));
  else {
    ctx.io.out(`Client Version: ${VERSION_INFO.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (info.serverVersion) ctx.io.out(`Server Version: ${VERSION_INFO.gitVersion}\n`);
  }
  return 0;
}

/**
 * clusterInfo prints the control plane's URL and every kube-system Service labelled
 * kubernetes.io/cluster-service=true (named by its kubernetes.io/name label), as proxy URLs.
 */
export function* clusterInfo(ctx: KubectlContext): Task<number> {
  const listed = yield* wait(ctx.client.list('services', 'kube-system', { labelSelector: 'kubernetes.io/cluster-service=true' }));
  if (!listed.ok) return failStatus(ctx, listed.status);
  ctx.io.out(`Kubernetes control plane is running at ${APISERVER_URL}\n`);
  for (const svc of listed.object.items as Service[]) {
    const name = svc.metadata?.labels?.['kubernetes.io/name'] || svc.metadata?.name || '';
    // One line per Service, proxied through its first port (<scheme>:<service>:<port name>).
    const port = svc.spec?.ports?.[0];
    let target = svc.metadata?.name ?? '';
    if (port) target = joinSchemeNamePort(port.name === 'https' || port.port === 443 ? 'https' : '', target, port.name ?? '');
    ctx.io.out(`${name} is running at ${APISERVER_URL}/api/v1/namespaces/kube-system/services/${target}/proxy\n`);
  }
  ctx.io.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  return 0;
}

/** joinSchemeNamePort is utilnet.JoinSchemeNamePort: a scheme needs all three segments, a port two. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`;
  return port ? `${name}:${port}` : name;
}

interface ApiResource {
  name: string;
  shortNames: readonly string[];
  group: string;
  version: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  categories: string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
/** The resources in the `all` category (what `kubectl get all` lists). */
const CATEGORY_ALL = new Set(['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs']);

function apiResourceOf(info: ResourceInfo): ApiResource {
  const createOnly = info.group === 'authorization.k8s.io';
  const verbs = createOnly ? ['create'] : info.resource === 'namespaces' ? ALL_VERBS.filter((v) => v !== 'deletecollection') : ALL_VERBS;
  return { name: info.resource, shortNames: info.shortNames, group: info.group, version: info.version, namespaced: info.namespaced, kind: info.kind, verbs, categories: CATEGORY_ALL.has(info.resource) ? ['all'] : [] };
}

/** The aggregated metrics.k8s.io resources metrics-server serves once its APIService is available. */
const METRICS_RESOURCES: ApiResource[] = [
  { name: 'nodes', shortNames: [], group: 'metrics.k8s.io', version: 'v1beta1', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'], categories: [] },
  { name: 'pods', shortNames: [], group: 'metrics.k8s.io', version: 'v1beta1', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'], categories: [] },
];

/** servedResources is discovery: the built-in resources plus the available aggregated groups. */
function* servedResources(ctx: KubectlContext): Task<{ resources: ApiResource[]; groupVersions: string[] }> {
  const groups = yield* wait(ctx.client.serverGroups());
  const served = new Set(groups.map((g) => g.name));
  const resources = [...RESOURCES.map(apiResourceOf), ...METRICS_RESOURCES.filter((r) => served.has(r.group))];
  const groupVersions = groups.flatMap((g) => g.versions.map((v) => (g.name ? `${g.name}/${v}` : v)));
  return { resources, groupVersions };
}

/** apiResources prints the served resources, filtered and sorted as the flags say. */
export function* apiResources(ctx: KubectlContext): Task<number> {
  const { cmd } = ctx;
  const { resources } = yield* servedResources(ctx);
  const group = cmd.changed.includes('api-group') ? stringFlag(cmd, 'api-group') : undefined;
  const namespaced = cmd.changed.includes('namespaced') ? boolFlag(cmd, 'namespaced') : undefined;
  const verbs = listFlag(cmd, 'verbs');
  const categories = listFlag(cmd, 'categories');
  const sortBy = stringFlag(cmd, 'sort-by');
  const key = (r: ApiResource) => (sortBy === 'name' ? r.name : sortBy === 'kind' ? r.kind : r.group);
  const shown = resources
    .filter((r) => (group === undefined || r.group === group) && (namespaced === undefined || r.namespaced === namespaced))
    .filter((r) => verbs.every((v) => r.verbs.includes(v)) && categories.every((c) => r.categories.includes(c)))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const output = stringFlag(cmd, 'output');
  if (output === 'name') {
    ctx.io.out(shown.map((r) => (r.group ? `${r.name}.${r.group}\n` : `${r.name}\n`)).join(''));
    return 0;
  }
  const wide = output === 'wide';
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])];
  const rows = shown.map((r) => [r.name, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind, ...(wide ? [r.verbs.join(','), r.categories.join(',')] : [])]);
  const lines = [...(boolFlag(cmd, 'no-headers') ? [] : [header]), ...rows].map((cells) => `${cells.join('\t')}\n`);
  ctx.io.out(formatTabbed(lines.join(''), TABLE_TABWRITER));
  return 0;
}

/** apiVersions prints every served group/version, sorted. */
export function* apiVersions(ctx: KubectlContext): Task<number> {
  const { groupVersions } = yield* servedResources(ctx);
  ctx.io.out([...new Set(groupVersions)].sort().map((v) => `${v}\n`).join(''));
  return 0;
}
