import { formatDurationGo } from '../../engine/sim/duration';
import { useEffect } from 'react';
import { MESSAGES, type Locale } from '../../i18n/messages';
import type { ClusterView } from '../../player/clusterView';
import { usePlayer } from '../../state/playerStore';
import { useSelection } from '../clusterMap/selection';
import { deploymentActions } from '../deployments/DeploymentsPanel';
import { formatSimTime } from '../timeline/markerNav';
import { InspectDetails } from './InspectDetails';

/**
 * Inspector shows what was clicked on the map and the actions that apply to it. Every action is
 * typed into the console as its command, so the learner sees the CLI behind the button.
 */
export function Inspector({ view, locale }: { view: ClusterView | undefined; locale: Locale }) {
  const t = MESSAGES[locale];
  const { selected, select } = useSelection();
  const run = usePlayer((s) => s.run);
  const inspected = usePlayer((s) => s.inspected);
  const selectInEngine = usePlayer((s) => s.select);
  // The engine answers from the cluster at its head; when the views replay the past, say so.
  const replayingAt = usePlayer((s) => (s.mode === 'history' ? s.headMs : undefined));
  useEffect(() => selectInEngine(selected), [selected, selectInEngine]);
  if (!selected || !view) return <p className="text-sm text-slate-500 dark:text-slate-400">{t.noSelection}</p>;
  const actions: string[] = [];
  const rows: Array<[string, string]> = [];
  if (selected.kind === 'pod') {
    const pod = [...view.nodes.flatMap((n) => n.pods), ...view.pending].find((p) => p.namespace === selected.namespace && p.name === selected.name);
    if (pod) rows.push(['STATUS', pod.status], ['READY', pod.ready], ['RESTARTS', pod.restarts], ['NODE', pod.node || '<none>'], ['OWNER', pod.owner || '<none>']);
    const ns = selected.namespace === 'default' ? '' : ` -n ${selected.namespace}`;
    actions.push(`kubectl describe pod ${selected.name}${ns}`, `kubectl get pod ${selected.name}${ns} -o yaml`, `kubectl logs ${selected.name}${ns}`, `kubectl delete pod ${selected.name}${ns}`);
  } else if (selected.kind === 'node') {
    const node = view.nodes.find((n) => n.name === selected.name);
    if (node) rows.push(['Ready', node.ready], ['CPU', `${node.cpuRequestedMilli}m / ${node.cpuAllocatableMilli}m`], ['Pods', String(Object.values(node.counts).reduce((a, b) => a + b, 0))], ['Taints', node.taints.join(', ') || '<none>']);
    actions.push(`kubectl describe node ${selected.name}`, node?.unschedulable ? `kubectl uncordon ${selected.name}` : `kubectl cordon ${selected.name}`, `kubectl drain ${selected.name} --ignore-daemonsets --force`, node?.running === false ? `sim node start ${selected.name}` : `sim node stop ${selected.name}`, `ssh ${selected.name} systemctl status kubelet`, `ssh ${selected.name} crictl ps`);
  } else if (selected.kind === 'deployment') {
    const d = view.deployments.find((x) => x.namespace === selected.namespace && x.name === selected.name);
    if (d) {
      rows.push(['READY', `${d.ready}/${d.replicas}`], ['UP-TO-DATE', String(d.updated)], ['AVAILABLE', String(d.available)], ['IMAGE', d.image]);
      const a = deploymentActions(d);
      actions.push(`kubectl rollout status deployment/${d.name}`, `kubectl rollout history deployment/${d.name}`, `kubectl describe deployment ${d.name}`, a.undo, `kubectl autoscale deployment ${d.name} --cpu-percent=50 --min=1 --max=10`);
    }
  } else {
    const member = view.etcd.find((m) => m.name === selected.name);
    if (member) {
      rows.push([t.memberRole, member.running ? (member.isLeader ? t.leader : t.follower) : t.memberStopped], ['raftTerm', String(member.term)], ['raftIndex', String(member.index)]);
      if (member.fsyncMs !== undefined) rows.push(['fdatasync', formatDurationGo(member.fsyncMs)]);
      actions.push('etcdctl endpoint status -w table', 'etcdctl endpoint health', member.running ? `sim etcd stop ${member.name}` : `sim etcd start ${member.name}`, 'sim etcd stop leader', `sim etcd partition ${member.name}`, 'sim etcd heal', `sim etcd disk ${member.name} ${member.fsyncMs !== undefined ? 'normal' : '800ms'}`, 'etcdctl member list -w table');
    } else if (selected.name === 'kube-apiserver') {
      // Its slow-request traces and its request metrics: where a learner looks when writes slow down.
      actions.push('kubectl get pods -A -o wide', 'etcdctl get /registry --prefix --keys-only', 'kubectl logs -n kube-system -l component=kube-apiserver --tail=20', "kubectl get --raw /metrics | grep -E '^apiserver_request_total'");
    }
    else if (selected.name === 'kubectl') actions.push('kubectl get deployments', 'kubectl get pods -o wide', 'kubectl get events');
    else actions.push('kubectl get events -A', 'kubectl get leases -A');
  }
  const title = selected.kind === 'component' ? selected.name : `${selected.kind}/${selected.name}`;
  const details = inspected && JSON.stringify(inspected.target) === JSON.stringify(selected) ? inspected : undefined;
  return (
    <div className="text-sm" data-testid="inspector">
      <div className="mb-2 flex items-center gap-2">
        <h2 className="font-semibold">{title}</h2>
        <button type="button" onClick={() => select(undefined)} aria-label={t.closeInspector} className="ml-auto rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800">
          ✕
        </button>
      </div>
      <dl className="mb-2 grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-col gap-1">
        {actions.map((command) => (
          <button key={command} type="button" onClick={() => run(command)} className="truncate rounded border border-slate-300 px-2 py-0.5 text-left font-mono text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800" title={command}>
            $ {command}
          </button>
        ))}
      </div>
      {details && (
        <div className="mt-2">
          {replayingAt !== undefined && (
            <p className="mb-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="inspect-live-note">
              {t.inspectLiveNote.replace('{time}', formatSimTime(replayingAt))}
            </p>
          )}
          <InspectDetails data={details} locale={locale} />
        </div>
      )}
    </div>
  );
}
