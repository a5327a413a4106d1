import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const boot = (nodes = 3) => Cluster.boot(clusterSpec({ seed: 5, nodes: nodesFromCount(nodes), etcdMembers: 1 }), DEFAULT_COMPONENTS);

function daemonSet(strategy = '', extra = ''): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
${strategy}  template:
    metadata:
      labels: {app: agent}
    spec:
${extra}      terminationGracePeriodSeconds: 5
      containers:
      - name: agent
        image: nginx:1.27.3
`;
}

function pods(cluster: Cluster): Pod[] {
  const listed = cluster.apiserver.ctx.cachers.get('pods')!.list({ namespace: 'default' });
  return listed.ok ? (listed.items as Pod[]) : [];
}

const ready = (p: Pod) => !p.metadata?.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

/** rollOut sets a new image and polls every second until every node runs the new image, returning per-poll node tallies. */
function rollOut(cluster: Cluster, image: string): Array<{ nodesWithoutReady: number; nodesWithTwo: number }> {
  runCommands(cluster, [`kubectl set image ds/agent agent=${image}`]);
  const polls: Array<{ nodesWithoutReady: number; nodesWithTwo: number }> = [];
  for (let i = 0; i < 300; i++) {
    cluster.runUntil(cluster.sim.nowMs + 1000);
    const live = pods(cluster).filter((p) => !p.metadata?.deletionTimestamp);
    const nodes = ['node-1', 'node-2', 'node-3'];
    polls.push({
      nodesWithoutReady: nodes.filter((n) => !live.some((p) => p.spec?.nodeName === n && ready(p))).length,
      nodesWithTwo: nodes.filter((n) => live.filter((p) => p.spec?.nodeName === n).length > 1).length,
    });
    if (live.length === 3 && live.every((p) => p.spec?.containers[0].image === image && ready(p))) return polls;
  }
  throw new Error('rollout did not finish in 300 s');
}

// pkg/controller/daemon/daemon_controller.go and update.go (v1.32).
describe('daemonset-controller', () => {
  it('runs one pod per node, pinned by node affinity, and reports the status kubectl prints', () => {
    const cluster = boot();
    const [, table, nodesOf, affinity, events, revisions] = runCommands(cluster, [
      { run: 'kubectl apply -f -', stdin: daemonSet() },
      { run: 'kubectl get ds agent', advanceMs: 30_000 },
      "kubectl get pods -l app=agent -o jsonpath='{range .items[*]}{.spec.nodeName} {end}'",
      "kubectl get pods -l app=agent -o jsonpath='{.items[0].spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key}'",
      'kubectl get events --field-selector involvedObject.kind=DaemonSet',
      'kubectl get controllerrevisions',
    ]);
    expect(table.stdout).toMatch(/^NAME +DESIRED +CURRENT +READY +UP-TO-DATE +AVAILABLE +NODE SELECTOR +AGE\nagent +3 +3 +3 +3 +3 +<none> +30s\n$/);
    expect(nodesOf.stdout.trim().split(' ').sort()).toEqual(['node-1', 'node-2', 'node-3']);
    expect(affinity.stdout).toBe('metadata.name');
    expect(events.stdout.match(/SuccessfulCreate +daemonset\/agent +Created pod: agent-/g)).toHaveLength(3);
    expect(revisions.stdout).toMatch(/^NAME +CONTROLLER +REVISION +AGE\nagent-[bcdf2-9]+ +daemonset\.apps\/agent +1 +30s\n$/);
  });

  it('rolls with maxUnavailable 1: never more than one node without a ready pod, never two pods on a node; undo makes revision 3', () => {
    const cluster = boot();
    runCommands(cluster, [{ run: 'kubectl apply -f -', stdin: daemonSet() }]);
    cluster.runUntil(cluster.sim.nowMs + 30_000);
    const polls = rollOut(cluster, 'nginx:1.26.2');
    expect(Math.max(...polls.map((p) => p.nodesWithoutReady))).toBe(1);
    expect(Math.max(...polls.map((p) => p.nodesWithTwo))).toBe(0);
    const [history, , , revisions, image] = runCommands(cluster, [
      'kubectl rollout history ds/agent',
      'kubectl rollout undo ds/agent',
      { run: 'kubectl rollout status ds/agent', advanceMs: 1_000 },
      "kubectl get controllerrevisions -o jsonpath='{range .items[*]}{.revision} {end}'",
      "kubectl get ds agent -o jsonpath='{.spec.template.spec.containers[0].image} {.metadata.annotations.deprecated\\.daemonset\\.template\\.generation}'",
    ]);
    expect(history.stdout).toBe('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    // Undo renumbers revision 1 (its template is current again) to 3.
    expect(revisions.stdout.trim().split(' ').map(Number).sort()).toEqual([2, 3]);
    expect(image.stdout).toBe('nginx:1.27.3 3');
  });

  it('surges with maxSurge 1 / maxUnavailable 0: every node keeps a ready pod throughout', () => {
    const cluster = boot();
    runCommands(cluster, [{ run: 'kubectl apply -f -', stdin: daemonSet('  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}\n') }]);
    cluster.runUntil(cluster.sim.nowMs + 30_000);
    const polls = rollOut(cluster, 'nginx:1.26.2');
    expect(Math.max(...polls.map((p) => p.nodesWithoutReady))).toBe(0);
    expect(Math.max(...polls.map((p) => p.nodesWithTwo))).toBe(1);
  });

  it('OnDelete replaces a pod only when it is deleted', () => {
    const cluster = boot(2);
    const results = runCommands(cluster, [
      { run: 'kubectl apply -f -', stdin: daemonSet('  updateStrategy: {type: OnDelete}\n') },
      { run: 'kubectl set image ds/agent agent=nginx:1.26.2', advanceMs: 20_000 },
      { run: "kubectl get pods -o jsonpath='{range .items[*]}{.spec.containers[0].image} {end}'", advanceMs: 30_000 },
      "kubectl get pods --field-selector spec.nodeName=node-1 -o name",
    ]);
    expect(results[2].stdout).toBe('nginx:1.27.3 nginx:1.27.3 ');
    const [, replaced, status, rolloutStatus] = runCommands(cluster, [
      `kubectl delete ${results[3].stdout.trim()}`,
      { run: "kubectl get pods --field-selector spec.nodeName=node-1 -o jsonpath='{range .items[*]}{.spec.containers[0].image} {end}'", advanceMs: 20_000 },
      "kubectl get ds agent -o jsonpath='{.status.updatedNumberScheduled}/{.status.desiredNumberScheduled}'",
      'kubectl rollout status ds/agent',
    ]);
    expect(replaced.stdout).toBe('nginx:1.26.2 ');
    expect(status.stdout).toBe('1/2');
    expect(rolloutStatus.stderr).toBe('error: rollout status is only available for RollingUpdate strategy type\n');
  });

  it('follows the nodeSelector as node labels change, and leaves nodes with an untolerated NoExecute taint', () => {
    const cluster = boot();
    const results = runCommands(cluster, [
      { run: 'kubectl apply -f -', stdin: daemonSet('', '      nodeSelector: {disk: ssd}\n') },
      { run: 'kubectl label node node-2 disk=ssd', advanceMs: 10_000 },
      { run: 'kubectl label node node-3 disk=ssd', advanceMs: 10_000 },
      { run: "kubectl get pods -o jsonpath='{range .items[*]}{.spec.nodeName} {end}'", advanceMs: 20_000 },
      'kubectl label node node-2 disk-',
      'kubectl taint node node-3 dedicated=x:NoExecute',
      { run: 'kubectl get pods', advanceMs: 20_000 },
      'kubectl get ds agent',
      'kubectl get events --field-selector involvedObject.kind=DaemonSet',
    ]);
    expect(results[3].stdout.trim().split(' ').sort()).toEqual(['node-2', 'node-3']);
    expect(results[6].stderr).toBe('No resources found in default namespace.\n');
    expect(results[7].stdout).toMatch(/\nagent +0 +0 +0 +0 +0 +disk=ssd +/);
    // node-2's pod is deleted by the DaemonSet controller; node-3's by whichever of it and the
    // taint manager acts first (both react to the NoExecute taint).
    expect(results[8].stdout.match(/SuccessfulDelete +daemonset\/agent +Deleted pod: agent-/g)?.length).toBeGreaterThanOrEqual(1);
  });

  it('describes a DaemonSet as kubectl does (no Namespace line)', () => {
    const cluster = boot(2);
    const [, described] = runCommands(cluster, [
      { run: 'kubectl apply -f -', stdin: daemonSet() },
      { run: 'kubectl describe ds agent', advanceMs: 30_000 },
    ]);
    expect(described.stdout).toMatch(/^Name: +agent\nSelector: +app=agent\nNode-Selector: +<none>\nLabels: +<none>\nAnnotations: +deprecated\.daemonset\.template\.generation: 1\nDesired Number of Nodes Scheduled: 2\nCurrent Number of Nodes Scheduled: 2\nNumber of Nodes Scheduled with Up-to-date Pods: 2\nNumber of Nodes Scheduled with Available Pods: 2\nNumber of Nodes Misscheduled: 0\nPods Status: +2 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\nPod Template:\n/);
    expect(described.stdout).toMatch(/Normal +SuccessfulCreate +30s +daemonset-controller +Created pod: agent-\w{5}\n/);
  });
});
