import type { ApiClient } from '../client/client';
import type { SharedInformerFactory } from '../client/cache/informerFactory';
import { EventRecorder } from '../client/record/eventRecorder';
import { clientFor, USERS, type ComponentContext } from '../componentContext';
import type { Simulator } from '../sim/simulator';

/**
 * ControllerContext is what kube-controller-manager hands each controller's init function
 * (cmd/kube-controller-manager/app ControllerContext): the shared informers, a client per
 * controller service account (kubeadm runs with --use-service-account-credentials) and an event
 * recorder per event source.
 */
export interface ControllerContext {
  sim: Simulator;
  epochMs: number;
  informerFactory: SharedInformerFactory;
  /** clientBuilder.ClientOrDie(serviceAccountName): requests as system:serviceaccount:kube-system:<name>. */
  clientFor(serviceAccountName: string, component: string): ApiClient;
  /** recorderFor returns an event recorder whose Events carry `source.component`. */
  recorderFor(sourceComponent: string, client: ApiClient): EventRecorder;
}

export function newControllerContext(ctx: ComponentContext, informerFactory: SharedInformerFactory): ControllerContext {
  return {
    sim: ctx.sim,
    epochMs: ctx.epochMs,
    informerFactory,
    // Each controller gets its own client, rate-limited as --kube-api-qps/--kube-api-burst say.
    clientFor: (serviceAccountName, component) =>
      clientFor(ctx, USERS.controller(serviceAccountName), component).withRateLimit(ctx.clientRateLimits.kubeControllerManager.qps, ctx.clientRateLimits.kubeControllerManager.burst),
    recorderFor: (sourceComponent, client) =>
      new EventRecorder(ctx.sim, client, { component: sourceComponent }, ctx.epochMs, ctx.sim.rng.fork(`kube-controller-manager/events/${sourceComponent}`)),
  };
}
