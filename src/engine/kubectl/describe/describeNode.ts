// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) NodeDescriber / describeNode and
// describeNodeLease.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import { compareStrings } from '../printers/table/labels';
import { findNodeRoles } from '../printers/table/printNode';
import { formatQuantity, parseQuantity } from '../printers/table/quantity';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './describeMeta';
import { formatRFC1123Z } from './goFormat';
import { listSorted, searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { describeNodeResource } from './nodeResources';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter';

/** NODE_LEASE_NAMESPACE holds one Lease per node, renewed by the kubelet. */
const NODE_LEASE_NAMESPACE = 'kube-node-lease';

function describeNodeLease(node: Node, lookup: DescribeLookup, w: PrefixWriter): void {
  const name = node.metadata?.name ?? '';
  const lease = lookup.list('leases', NODE_LEASE_NAMESPACE).find((l) => l.metadata?.name === name) as Lease | undefined;
  if (!lease) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found\n`);
    return;
  }
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? formatRFC1123Z(lease.spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? formatRFC1123Z(lease.spec.renewTime) : '<unset>'}\n`);
}

function printResourceList(w: PrefixWriter, title: string, list: Record<string, string> | undefined): void {
  const names = Object.keys(list ?? {}).sort(compareStrings);
  if (names.length === 0) return;
  w.write(LEVEL_0, `${title}:\n`);
  for (const name of names) w.write(LEVEL_0, `  ${name}:\t${formatQuantity(parseQuantity(list![name]))}\n`);
}

function describeNodeStatus(node: Node, w: PrefixWriter): void {
  const conditions = node.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  printResourceList(w, 'Capacity', node.status?.capacity);
  printResourceList(w, 'Allocatable', node.status?.allocatable);
  const info = node.status?.nodeInfo;
  w.write(LEVEL_0, 'System Info:\n');
  const rows: Array<[string, string | undefined]> = [
    ['Machine ID', info?.machineID], ['System UUID', info?.systemUUID], ['Boot ID', info?.bootID],
    ['Kernel Version', info?.kernelVersion], ['OS Image', info?.osImage], ['Operating System', info?.operatingSystem],
    ['Architecture', info?.architecture], ['Container Runtime Version', info?.containerRuntimeVersion],
    ['Kubelet Version', info?.kubeletVersion], ['Kube-Proxy Version', info?.kubeProxyVersion],
  ];
  for (const [label, value] of rows) w.write(LEVEL_0, `  ${label}:\t${value ?? ''}\n`);
}

/** nodeEvents merges the two searches kubectl makes: involvedObject.uid = node uid, then = node name (kubelet). */
function nodeEvents(node: Node, lookup: DescribeLookup): Event[] {
  const name = node.metadata?.name ?? '';
  const byUid = searchEvents(lookup, { name, namespace: '', kind: 'Node', uid: node.metadata?.uid });
  const byName = searchEvents(lookup, { name, namespace: '', kind: 'Node', uid: name });
  return [...byUid, ...byName];
}

/** nonTerminatedPods lists pods bound to the node whose phase is neither Succeeded nor Failed, in apiserver order. */
export function nonTerminatedPods(node: Node, lookup: DescribeLookup): Pod[] {
  return listSorted<Pod>(lookup, 'pods').filter(
    (p) => p.spec?.nodeName === node.metadata?.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  );
}

/** describeNode is `kubectl describe node NAME`. */
export function describeNode(node: Node, lookup: DescribeLookup, options: DescribeOptions): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${node.metadata?.name ?? ''}\n`);
    const roles = findNodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(node.metadata?.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${Boolean(node.spec?.unschedulable)}\n`);
    describeNodeLease(node, lookup, w);
    describeNodeStatus(node, w);
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec!.podCIDRs!.join(',')}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    describeNodeResource(nonTerminatedPods(node, lookup), node, w, options.nowMs);
    if (options.showEvents !== false) describeEvents(nodeEvents(node, lookup), w, options.nowMs);
  });
}
