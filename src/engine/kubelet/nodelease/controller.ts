// Mirrors kubernetes staging/src/k8s.io/component-helpers/apimachinery/lease/controller.go and
// pkg/kubelet/nodelease (v1.32): the node's heartbeat Lease in kube-node-lease, renewed every
// 10 s (0.25 × leaseDurationSeconds 40, jitter 4 %).
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Stored } from '../../api/object';
import type { ApiClient } from '../../client/client';
import type { Rng } from '../../sim/rng';
import type { Simulator, Timer } from '../../sim/simulator';
import { spawn, wait, type Task } from '../../sim/task';
import { toRFC3339Micro } from '../../sim/time';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** Retry back-off after a failed renew: 200 ms doubling to 7 s (maxBackoff). */
const RETRY_INITIAL_MS = 200;
const RETRY_MAX_MS = 7_000;
const RENEW_JITTER = 0.04;

/**
 * NodeLeaseController keeps the Lease `<node>` renewed: the node lifecycle controller treats its
 * renewTime as the node's heartbeat. The first sync gets or creates the Lease (owned by the Node
 * object); later ones update renewTime.
 */
export class NodeLeaseController {
  private lease: Stored<Lease> | undefined;
  private timer: Timer | undefined;
  private running = false;
  private retryMs = RETRY_INITIAL_MS;

  constructor(
    private readonly sim: Simulator,
    private readonly client: ApiClient,
    private readonly rng: Rng,
    private readonly nodeName: string,
    private readonly nodeUid: () => string | undefined,
    private readonly leaseDurationSeconds: number,
    private readonly renewIntervalMs: number,
    private readonly epochMs: number,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    spawn(this.sync());
  }

  stop(): void {
    this.running = false;
    this.sim.cancel(this.timer);
    this.timer = undefined;
  }

  private *sync(): Task<void> {
    if (!this.running) return;
    const ok = yield* this.renew();
    if (!this.running) return;
    const delayMs = ok ? Math.round(this.renewIntervalMs * (1 + RENEW_JITTER * this.rng.float())) : this.retryMs;
    this.retryMs = ok ? RETRY_INITIAL_MS : Math.min(this.retryMs * 2, RETRY_MAX_MS);
    this.timer = this.sim.after(delayMs, () => spawn(this.sync()));
  }

  private *renew(): Task<boolean> {
    if (!this.lease) {
      const got = yield* wait(this.client.get<Lease>('leases', NODE_LEASE_NAMESPACE, this.nodeName));
      if (got.ok) this.lease = got.object;
      else if (got.status.code === 404) {
        const created = yield* wait(this.client.create<Lease>('leases', this.newLease()));
        if (!created.ok) return false;
        this.lease = created.object;
        return true;
      } else return false;
    }
    const renewed: Lease = { ...this.lease!, spec: { ...this.lease!.spec, holderIdentity: this.nodeName, leaseDurationSeconds: this.leaseDurationSeconds, renewTime: this.now() } };
    const result = yield* wait(this.client.update<Lease>('leases', renewed));
    if (!result.ok) {
      this.lease = undefined;
      return false;
    }
    this.lease = result.object;
    return true;
  }

  private newLease(): Lease {
    const uid = this.nodeUid();
    return {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: this.nodeName,
        namespace: NODE_LEASE_NAMESPACE,
        ...(uid ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid }] } : {}),
      },
      spec: { holderIdentity: this.nodeName, leaseDurationSeconds: this.leaseDurationSeconds, renewTime: this.now() },
    };
  }

  private now(): string {
    return toRFC3339Micro(this.sim.nowMs, this.epochMs);
  }
}
