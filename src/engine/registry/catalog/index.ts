// The built-in catalog: every repository the simulated registry serves, in listing order.
import type { RepositoryEntry } from '../types';
import { NGINX } from './nginx';
import { BUSYBOX, K8S_BUSYBOX } from './busybox';
import { AGNHOST, COREDNS, ECHOSERVER, ETCD, HPA_EXAMPLE, KUBE_APISERVER, KUBE_CONTROLLER_MANAGER, KUBE_PROXY, KUBE_SCHEDULER, PAUSE } from './kubernetes';
import { HELLO_APP, KUBERNETES_BOOTCAMP } from './samples';
import { HTTPD, MYSQL, POSTGRES, REDIS } from './servers';
import { ALPINE, DEBIAN, NODE, PERL, PYTHON, UBUNTU } from './languages';
import { CRASHER, MEMHOG, POLINUX_STRESS, SLOW_START, VISH_STRESS } from './testImages';

/** BUILTIN_REPOSITORIES: Docker Hub images first, then registry.k8s.io, gcr.io, tools, test images. */
export const BUILTIN_REPOSITORIES: readonly RepositoryEntry[] = [
  NGINX, BUSYBOX, K8S_BUSYBOX, REDIS, HTTPD, MYSQL, POSTGRES, PERL, PYTHON, NODE, ALPINE, UBUNTU, DEBIAN,
  PAUSE, AGNHOST, HPA_EXAMPLE, ECHOSERVER, COREDNS, ETCD, KUBE_PROXY, KUBE_APISERVER, KUBE_CONTROLLER_MANAGER, KUBE_SCHEDULER,
  KUBERNETES_BOOTCAMP, HELLO_APP,
  POLINUX_STRESS, VISH_STRESS, CRASHER, MEMHOG, SLOW_START,
];
