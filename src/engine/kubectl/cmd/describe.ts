import type { KubeObject } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { resolveResourceArgs } from '../args/resourceArgs';
import { lookupResourceType } from '../args/resources';
import { describe as describeText, type DescribableResource, type DescribeLookup } from '../describe';
import type { DescribeResource } from '../describe/lookup';
import { failStatus, type KubectlContext } from './context';

const DESCRIBABLE = new Set<string>(['pods', 'deployments', 'replicasets', 'nodes', 'services', 'namespaces', 'configmaps', 'horizontalpodautoscalers', 'leases', 'resourcequotas', 'roles', 'clusterroles', 'rolebindings', 'clusterrolebindings', 'serviceaccounts', 'jobs', 'persistentvolumeclaims', 'persistentvolumes', 'storageclasses', 'cronjobs', 'daemonsets', 'ingresses', 'ingressclasses', 'statefulsets']);

/** What describers read besides the object itself (events, a deployment's RSs, pods on a node…). */
const RELATED: DescribeResource[] = ['events', 'pods', 'replicasets', 'deployments', 'services', 'nodes', 'endpointslices', 'leases', 'namespaces', 'configmaps', 'resourcequotas', 'limitranges', 'horizontalpodautoscalers'];

/**
 * describe mirrors pkg/cmd/describe: `describe TYPE [NAME_PREFIX]`, `describe TYPE/NAME`,
 * `describe TYPE -l sel`. The describers' GETs and LISTs are made against the apiserver first,
 * then the text is rendered from that snapshot (pkg/describe DescriberFor).
 */
export function* describe(ctx: KubectlContext): Task<number> {
  const selector = stringFlag(ctx.cmd, 'selector');
  const selection = resolveResourceArgs(ctx.cmd.positionals, { selector: selector !== '', allowEmptySelector: true });
  if (selection instanceof Error) {
    ctx.io.err(`error: ${selection.message}\n`);
    return 1;
  }
  const requests = selection.kind === 'names' ? selection.items.map((i) => ({ type: i.type, name: i.name as string | undefined })) : selection.types.map((type) => ({ type, name: undefined }));
  const lookup = yield* snapshot(ctx, requests.map((r) => r.type.plural).filter((p) => DESCRIBABLE.has(p)) as DescribeResource[]);
  if (!lookup.ok) return failStatus(ctx, lookup.status);
  let exit = 0;
  const outputs: string[] = [];
  for (const { type, name } of requests) {
    if (!DESCRIBABLE.has(type.plural)) {
      ctx.io.err(`error: describing ${type.plural} is not simulated by k8sim yet\n`);
      exit = 1;
      continue;
    }
    const result = describeText(type.plural as DescribableResource, ctx.namespace, name, lookup.value, { nowMs: ctx.env.sim.nowMs, showEvents: boolFlag(ctx.cmd, 'show-events') });
    if (result.stdout) outputs.push(result.stdout);
    if (result.stderr) {
      ctx.io.err(result.stderr);
      if (result.stderr.startsWith('Error')) exit = 1;
    }
  }
  if (outputs.length > 0) ctx.io.out(outputs.join(outputs.every((o) => o.endsWith('\n\n')) ? '' : '\n\n').replace(/\n*$/, '\n'));
  return exit;
}

/**
 * snapshot lists the described types and everything the describers may look at, in parallel, as
 * one consistent view. Only a failure to read a described type is an error; a related list the
 * user may not read (RBAC) is left empty, as describers skip what they cannot GET.
 */
function* snapshot(ctx: KubectlContext, described: DescribeResource[]): Task<{ ok: true; value: DescribeLookup } | { ok: false; status: import('kubernetes-types/meta/v1').Status }> {
  const resources = [...new Set([...described, ...RELATED])];
  // A described namespaced type is read in the request's namespace; related lists cluster-wide.
  const lists = resources.map((resource) => ctx.client.list(resource, described.includes(resource) && lookupResourceType(resource)?.namespaced ? ctx.namespace : undefined));
  const objects = new Map<string, readonly KubeObject[]>();
  for (let i = 0; i < resources.length; i++) {
    const result = yield* wait(lists[i]);
    if (!result.ok && described.includes(resources[i])) return { ok: false, status: result.status };
    objects.set(resources[i], result.ok ? result.object.items : []);
  }
  return {
    ok: true,
    value: {
      list: (resource, namespace) => (objects.get(resource) ?? []).filter((o) => namespace === undefined || o.metadata?.namespace === namespace),
    },
  };
}

