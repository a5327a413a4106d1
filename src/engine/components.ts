import type { ComponentFactory } from './cluster';
import { kubeControllerManagerFactory } from './controllerManager/kubeControllerManager';
import { kubeletFactory } from './kubelet/kubeletFactory';
import { metricsServerFactory } from './metrics/server/metricsServer';
import { kubeProxyFactory } from './proxy/kubeProxy';
import { schedulerFactory } from './scheduler/scheduler';

/**
 * DEFAULT_COMPONENTS are the components every simulated cluster runs besides etcd and the
 * apiserver: kube-controller-manager, kube-scheduler, one kubelet and one kube-proxy per node, and
 * metrics-server (the add-on `kubectl top` and the HPA need; installed, as minikube's addon or the
 * released manifest).
 */
export const DEFAULT_COMPONENTS: ComponentFactory[] = [kubeControllerManagerFactory, schedulerFactory, kubeletFactory, kubeProxyFactory, metricsServerFactory];
