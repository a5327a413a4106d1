import type { ComponentFactory } from './cluster';
import { kubeControllerManagerFactory } from './controllerManager/kubeControllerManager';
import { kubeletFactory } from './kubelet/kubeletFactory';
import { schedulerFactory } from './scheduler/scheduler';

/**
 * DEFAULT_COMPONENTS are the components every simulated cluster runs besides etcd and the
 * apiserver: kube-controller-manager, kube-scheduler and one kubelet per node.
 */
export const DEFAULT_COMPONENTS: ComponentFactory[] = [kubeControllerManagerFactory, schedulerFactory, kubeletFactory];
