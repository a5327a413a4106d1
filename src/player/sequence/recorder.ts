import type { TraceEvent } from '../../engine/sim/trace';
import type { SequenceStep, StepId } from './steps';

type E = TraceEvent & {
  verb?: string;
  from?: string;
  subresource?: string;
  rv?: string;
  resource?: string;
  key?: string;
  deltas?: string[];
  result?: string;
  node?: string;
  numAllNodes?: number;
  feasibleNodes?: string[];
  scores?: Array<{ node: string; total: number }>;
  image?: string;
  ip?: string;
  container?: string;
  ok?: boolean;
  mode?: string;
};

interface Tracked {
  rootKind: string;
  namespace: string;
  rootName: string;
  replicaSet?: string;
  pod?: string;
  node?: string;
  started?: boolean;
}

/**
 * SequenceRecorder follows the trace of the latest object kubectl created (a Deployment or a
 * Pod) through the cluster and records the classic pod-creation steps as they happen, for its
 * first Pod: request chain, etcd, controllers, scheduler, kubelet, runtime, endpoints, kube-proxy.
 */
export class SequenceRecorder {
  steps: SequenceStep[] = [];
  private tracked: Tracked | undefined;
  private readonly seen = new Set<StepId>();

  observe(event: TraceEvent): void {
    const e = event as E;
    if (e.kind === 'apiserver.authn' && e.from === 'kubectl' && e.verb === 'create' && (e.ref?.kind === 'Deployment' || e.ref?.kind === 'Pod')) {
      this.tracked = { rootKind: e.ref.kind, namespace: e.ref.namespace ?? 'default', rootName: e.ref.name };
      this.steps = [];
      this.seen.clear();
      this.add('post', e, 'kubectl', 'kube-apiserver', { kind: e.ref.kind, name: e.ref.name });
      if (e.ref.kind === 'Pod') this.tracked.pod = e.ref.name;
      return;
    }
    const tr = this.tracked;
    if (!tr) return;
    const refName = e.ref?.name ?? '';
    switch (e.kind) {
      case 'apiserver.authn':
        // The scheduler creates nothing but bindings on Pods: the bind is drawn when it is sent.
        if (e.from === 'kube-scheduler' && e.verb === 'create' && e.ref?.kind === 'Pod' && refName === tr.pod) this.add('bind', e, 'kube-scheduler', 'kube-apiserver', { node: tr.node ?? '' });
        // The ReplicaSet controller's create is drawn when sent (the Pod's name comes back later).
        if (e.from === 'replicaset-controller' && e.verb === 'create' && e.ref?.kind === 'Pod' && tr.replicaSet && refName.startsWith(`${tr.replicaSet}-`)) this.add('createPod', e, 'kube-controller-manager', 'kube-apiserver', { name: tr.pod ?? refName });
        return;
      case 'apiserver.admission.validating':
        if (e.from === 'kubectl' && refName === tr.rootName) this.add('admission', e, 'kube-apiserver', 'kube-apiserver', {});
        return;
      case 'apiserver.write':
        return this.onWrite(e, tr);
      case 'informer.pop':
        if (e.component === 'kube-controller-manager' && e.resource === 'deployments' && e.key === `${tr.namespace}/${tr.rootName}`) {
          this.persisted(e, tr);
          this.add('watchDeployment', e, 'kube-apiserver', 'kube-controller-manager', {});
        }
        if (e.component === 'kube-scheduler' && e.resource === 'pods' && e.deltas?.includes('Added')) {
          // The watch event can overtake the create's response: the pod is known from either.
          const name = (e.key ?? '').slice(tr.namespace.length + 1);
          if (!tr.pod && tr.replicaSet && name.startsWith(`${tr.replicaSet}-`)) {
            tr.pod = name;
            const created = this.steps.find((s) => s.id === 'createPod');
            if (created) created.detail = { ...created.detail, name };
          }
          if (tr.pod && name === tr.pod) {
            if (tr.rootKind === 'Pod') this.persisted(e, tr);
            this.add('watchPod', e, 'kube-apiserver', 'kube-scheduler', { pod: tr.pod });
          }
        }
        if (tr.node && e.component === `kubelet/${tr.node}` && e.resource === 'pods' && e.key === `${tr.namespace}/${tr.pod}`) this.add('kubeletWatch', e, 'kube-apiserver', 'kubelet', { node: tr.node });
        return;
      case 'scheduler.cycle':
        if (refName !== tr.pod || e.result !== 'Scheduled') return;
        tr.node = e.node;
        this.add('filter', e, 'kube-scheduler', 'kube-scheduler', { feasible: e.feasibleNodes?.length ?? 0, nodes: e.numAllNodes ?? 0 });
        this.add('score', e, 'kube-scheduler', 'kube-scheduler', { node: e.node ?? '', total: e.scores?.find((s) => s.node === e.node)?.total ?? '' });
        return;
      case 'cri.RunPodSandbox':
        if (refName === tr.pod && e.ok) this.add('sandbox', e, 'kubelet', 'container runtime', { ip: e.ip ?? '' });
        return;
      case 'cri.PullImage':
        if (tr.node && e.component === `containerd/${tr.node}` && this.seen.has('sandbox') && !this.seen.has('createContainer')) this.add('pull', e, 'kubelet', 'container runtime', { image: e.image ?? '' });
        return;
      case 'cri.CreateContainer':
        if (refName === tr.pod && e.ok) this.add('createContainer', e, 'kubelet', 'container runtime', { container: e.container ?? '' });
        return;
      case 'cri.StartContainer':
        if (refName === tr.pod && e.ok) tr.started = true;
        if (refName === tr.pod && e.ok) this.add('startContainer', e, 'kubelet', 'container runtime', { container: e.container ?? '' });
        return;
      case 'proxy.sync':
        if (this.seen.has('endpoints')) this.add('proxyRules', e, 'kube-apiserver', 'kube-proxy', { mode: e.mode ?? 'iptables' });
        return;
    }
  }

  private onWrite(e: E, tr: Tracked): void {
    const refName = e.ref?.name ?? '';
    const kind = e.ref?.kind;
    if (e.from === 'kubectl' && kind === tr.rootKind && refName === tr.rootName && e.verb === 'create') {
      this.persisted(e, tr);
      const persist = this.steps.find((s) => s.id === 'persist');
      if (persist) persist.detail = { ...persist.detail, rv: e.rv ?? '' };
      return;
    }
    if (kind === 'ReplicaSet' && e.verb === 'create' && e.from === 'deployment-controller' && !tr.replicaSet && refName.startsWith(`${tr.rootName}-`)) {
      tr.replicaSet = refName;
      this.add('createReplicaSet', e, 'kube-controller-manager', 'kube-apiserver', { name: refName });
      return;
    }
    if (kind === 'Pod' && e.verb === 'create' && e.from === 'replicaset-controller' && tr.replicaSet && !tr.pod && refName.startsWith(`${tr.replicaSet}-`)) {
      tr.pod = refName;
      const created = this.steps.find((s) => s.id === 'createPod');
      if (created) created.detail = { ...created.detail, name: refName };
      return;
    }
    if (kind === 'Pod' && refName === tr.pod && tr.started && e.from === `kubelet/${tr.node}` && e.subresource === 'status') {
      this.add('statusRunning', e, 'kubelet', 'kube-apiserver', {});
      return;
    }
    if (kind === 'EndpointSlice' && e.from === 'endpointslice-controller' && this.seen.has('statusRunning')) this.add('endpoints', e, 'kube-controller-manager', 'kube-apiserver', { name: refName });
  }

  /** persisted records the root object's write to etcd and the 201 (at the first sign of it). */
  private persisted(e: E, tr: Tracked): void {
    this.add('persist', e, 'kube-apiserver', 'etcd', { kind: tr.rootKind, rv: e.rv ?? '' });
    this.add('created', e, 'kube-apiserver', 'kubectl', {});
  }

  private add(id: StepId, e: E, from: SequenceStep['from'], to: SequenceStep['to'], detail: SequenceStep['detail']): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.steps.push({ id, t: e.t, from, to, detail });
  }
}
