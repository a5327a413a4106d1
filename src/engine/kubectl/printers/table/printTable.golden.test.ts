// `kubectl get` / `kubectl top` against the real kubectl v1.32.4: testdata/get holds a cluster and
// what kubectl printed when served metav1.Tables built by k8sim's server-side printers
// (src/tools/fixtures/describe/generate_get.py). This checks kubectl's half of printing: column
// filtering, alignment, NAMESPACE/LABELS, kind/name prefixes, blank lines and stderr notices.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRFC3339 } from '../../../sim/time';
import { printGet, type GetOptions, type ResourceObjects } from './printTable';
import { printTopNodes, printTopPods, type NodeMetrics, type PodMetrics, type TopOptions } from './printTop';
import { ALL_CATEGORY, RESOURCES, type PrintableResource } from './resources';
import type { KubeObject } from './types';

const DIR = join(__dirname, 'testdata', 'get');
const cluster = JSON.parse(readFileSync(join(DIR, 'cluster.json'), 'utf8')) as { metadata: { k8simNow: string }; items: KubeObject[] };
const cases = (JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as { cases: Array<{ name: string; args: string[] }> }).cases;
const nowMs = fromRFC3339(cluster.metadata.k8simNow);
const read = (name: string) => (existsSync(join(DIR, name)) ? readFileSync(join(DIR, name), 'utf8') : '');

const ALIASES: Record<string, PrintableResource> = {
  po: 'pods', pod: 'pods', pods: 'pods', svc: 'services', service: 'services', services: 'services', rs: 'replicasets', replicasets: 'replicasets',
  deploy: 'deployments', deployments: 'deployments', no: 'nodes', nodes: 'nodes', ns: 'namespaces', namespaces: 'namespaces', ev: 'events', events: 'events',
  ep: 'endpoints', endpoints: 'endpoints', endpointslices: 'endpointslices', cm: 'configmaps', configmaps: 'configmaps', secrets: 'secrets', jobs: 'jobs',
  cronjobs: 'cronjobs', hpa: 'horizontalpodautoscalers', resourcequotas: 'resourcequotas', priorityclasses: 'priorityclasses', pdb: 'poddisruptionbudgets', leases: 'leases',
};

/** parseGet turns `get RES[,RES] [NAME] [-A] [-n NS] [-o wide] [--show-labels] [-L a,b] [--no-headers]` into printGet input. */
function parseGet(args: string[]): { groups: ResourceObjects[]; options: GetOptions } {
  const options: GetOptions = { nowMs, namespace: 'default' };
  const positional: string[] = [];
  const labelColumns: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '-A') options.allNamespaces = true;
    else if (a === '-n') options.namespace = args[++i];
    else if (a === '-o') options.wide = args[++i] === 'wide';
    else if (a === '--show-labels') options.showLabels = true;
    else if (a === '--no-headers') options.noHeaders = true;
    else if (a === '-L') labelColumns.push(...args[++i].split(','));
    else if (a.startsWith('--label-columns=')) labelColumns.push(...a.slice('--label-columns='.length).split(','));
    else positional.push(a);
  }
  if (labelColumns.length > 0) options.labelColumns = labelColumns;
  const resources = positional[0].split(',').flatMap((r) => (r === 'all' ? ALL_CATEGORY : [ALIASES[r]]));
  const groups = resources.map((resource) => {
    const info = RESOURCES[resource];
    const objects = cluster.items.filter(
      (o) => o.kind === info.kind && (o.apiVersion ?? 'v1').includes('/') === Boolean(info.group) && (!info.namespaced || options.allNamespaces || o.metadata?.namespace === options.namespace),
    );
    return { resource, objects, name: positional[1] };
  });
  return { groups, options };
}

function runTop(args: string[]): { stdout: string; stderr: string } {
  const options: TopOptions = { namespace: 'default' };
  for (const a of args.slice(2)) {
    if (a === '-A') options.allNamespaces = true;
    if (a === '--containers') options.containers = true;
    if (a === '--sum') options.sum = true;
    if (a.startsWith('--sort-by=')) options.sortBy = a.split('=')[1] as 'cpu' | 'memory';
  }
  if (args[1] === 'nodes') {
    const nodes = cluster.items.filter((o) => o.kind === 'Node') as Array<KubeObject & { status: { allocatable: Record<string, string> } }>;
    const metrics = cluster.items.filter((o) => o.kind === 'NodeMetrics') as unknown as NodeMetrics[];
    return printTopNodes(metrics, new Map(nodes.map((n) => [n.metadata!.name!, n.status.allocatable])), options);
  }
  const metrics = (cluster.items.filter((o) => o.kind === 'PodMetrics') as unknown as PodMetrics[]).filter((m) => options.allNamespaces || m.metadata.namespace === 'default');
  return printTopPods(metrics, options);
}

describe('kubectl get / top golden fixtures (real kubectl v1.32.4)', () => {
  it.each(cases.map((c) => [c.name, c.args] as const))('%s', (name, args) => {
    const result = args[0] === 'top' ? runTop(args) : (({ groups, options }) => printGet(groups, options))(parseGet(args));
    expect(result).toEqual({ stdout: read(`${name}.txt`), stderr: read(`${name}.stderr.txt`) });
  });
});
