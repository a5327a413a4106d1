// The static pod manifests kubeadm v1.32 writes to /etc/kubernetes/manifests on each control-plane
// node (cmd/kubeadm/app/phases/controlplane/manifests.go, phases/etcd/local.go): what the
// kubelet there runs and mirrors into the API as `<component>-<node>` pods in kube-system.
import type { Container, Pod, Probe, Volume, VolumeMount } from 'kubernetes-types/core/v1';

/** KUBERNETES_VERSION is the control-plane image tag (kubeadm's --kubernetes-version). */
export const KUBERNETES_VERSION = 'v1.32.4';
export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.5.16-0';

const hostPath = (name: string, path: string, type: string): Volume => ({ name, hostPath: { path, type } });
const mount = (name: string, mountPath: string, readOnly = true): VolumeMount => ({ mountPath, name, ...(readOnly ? { readOnly: true } : {}) });

/** kubeadm's probes: a startup probe, then liveness (and for some, readiness) on the component's health port. */
function probe(host: string, path: string, port: number, scheme: 'HTTP' | 'HTTPS', kind: 'liveness' | 'readiness' | 'startup'): Probe {
  const httpGet = { host, path, port, scheme };
  if (kind === 'readiness') return { failureThreshold: 3, httpGet, periodSeconds: 1, timeoutSeconds: 15 };
  return { failureThreshold: kind === 'startup' ? 24 : 8, httpGet, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 };
}

const CA_VOLUMES: Array<[string, string, string]> = [
  ['ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'],
  ['etc-ca-certificates', '/etc/ca-certificates', 'DirectoryOrCreate'],
  ['k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate'],
  ['usr-local-share-ca-certificates', '/usr/local/share/ca-certificates', 'DirectoryOrCreate'],
  ['usr-share-ca-certificates', '/usr/share/ca-certificates', 'DirectoryOrCreate'],
];

function staticPod(component: string, annotations: Record<string, string>, container: Container, volumes: Array<[string, string, string]>): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: component, namespace: 'kube-system', labels: { component, tier: 'control-plane' }, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: {
      containers: [{ ...container, volumeMounts: volumes.map(([name, path]) => mount(name, path, !['etcd-data', 'flexvolume-dir'].includes(name))) }],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes: volumes.map(([name, path, type]) => hostPath(name, path, type)),
    },
  };
}

/** etcdPod is the stacked etcd member on a control-plane node (phases/etcd/local.go). */
export function etcdPod(node: string, ip: string, initialCluster: string): Pod {
  return staticPod('etcd', { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` }, {
    name: 'etcd',
    image: ETCD_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    command: [
      'etcd', `--advertise-client-urls=https://${ip}:2379`, '--cert-file=/etc/kubernetes/pki/etcd/server.crt', '--client-cert-auth=true',
      '--data-dir=/var/lib/etcd', '--experimental-initial-corrupt-check=true', '--experimental-watch-progress-notify-interval=5s',
      `--initial-advertise-peer-urls=https://${ip}:2380`, `--initial-cluster=${initialCluster}`, '--key-file=/etc/kubernetes/pki/etcd/server.key',
      `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, '--listen-metrics-urls=http://127.0.0.1:2381',
      `--listen-peer-urls=https://${ip}:2380`, `--name=${node}`, '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt', '--peer-client-cert-auth=true',
      '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key', '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt', '--snapshot-count=10000',
      '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
    ],
    livenessProbe: probe('127.0.0.1', '/livez', 2381, 'HTTP', 'liveness'),
    readinessProbe: probe('127.0.0.1', '/readyz', 2381, 'HTTP', 'readiness'),
    resources: { requests: { cpu: '100m', memory: '100Mi' } },
    startupProbe: probe('127.0.0.1', '/readyz', 2381, 'HTTP', 'startup'),
  }, [['etcd-certs', '/etc/kubernetes/pki/etcd', 'DirectoryOrCreate'], ['etcd-data', '/var/lib/etcd', 'DirectoryOrCreate']]);
}

/** kubeApiServerPod: --advertise-address is the node's address; etcd is the local member. */
export function kubeApiServerPod(ip: string): Pod {
  return staticPod('kube-apiserver', { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` }, {
    name: 'kube-apiserver',
    image: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
    imagePullPolicy: 'IfNotPresent',
    command: [
      'kube-apiserver', `--advertise-address=${ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', '--client-ca-file=/etc/kubernetes/pki/ca.crt',
      '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true', '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
      '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt', '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
      '--etcd-servers=https://127.0.0.1:2379', '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
      '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
      '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt', '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key',
      '--requestheader-allowed-names=front-proxy-client', '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
      '--requestheader-extra-headers-prefix=X-Remote-Extra-', '--requestheader-group-headers=X-Remote-Group', '--requestheader-username-headers=X-Remote-User',
      '--secure-port=6443', '--service-account-issuer=https://kubernetes.default.svc.cluster.local', '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
      '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key', '--service-cluster-ip-range=10.96.0.0/12',
      '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
    ],
    livenessProbe: probe(ip, '/livez', 6443, 'HTTPS', 'liveness'),
    readinessProbe: probe(ip, '/readyz', 6443, 'HTTPS', 'readiness'),
    resources: { requests: { cpu: '250m' } },
    startupProbe: probe(ip, '/livez', 6443, 'HTTPS', 'startup'),
  }, CA_VOLUMES);
}

/** kubeControllerManagerPod: leader-elected, allocating node CIDRs from 10.244.0.0/16. */
export function kubeControllerManagerPod(): Pod {
  return staticPod('kube-controller-manager', {}, {
    name: 'kube-controller-manager',
    image: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
    imagePullPolicy: 'IfNotPresent',
    command: [
      'kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
      '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1', '--client-ca-file=/etc/kubernetes/pki/ca.crt',
      '--cluster-cidr=10.244.0.0/16', '--cluster-name=kubernetes', '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
      '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key', '--controllers=*,bootstrapsigner,tokencleaner',
      '--kubeconfig=/etc/kubernetes/controller-manager.conf', '--leader-elect=true', '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
      '--root-ca-file=/etc/kubernetes/pki/ca.crt', '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
      '--service-cluster-ip-range=10.96.0.0/12', '--use-service-account-credentials=true',
    ],
    livenessProbe: probe('127.0.0.1', '/healthz', 10257, 'HTTPS', 'liveness'),
    resources: { requests: { cpu: '200m' } },
    startupProbe: probe('127.0.0.1', '/healthz', 10257, 'HTTPS', 'startup'),
  }, [...CA_VOLUMES.slice(0, 2), ['flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate'], ...CA_VOLUMES.slice(2, 3),
    ['kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate'], ...CA_VOLUMES.slice(3)]);
}

/** kubeSchedulerPod: leader-elected, health on 10259. */
export function kubeSchedulerPod(): Pod {
  return staticPod('kube-scheduler', {}, {
    name: 'kube-scheduler',
    image: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
    imagePullPolicy: 'IfNotPresent',
    command: [
      'kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
      '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true',
    ],
    livenessProbe: probe('127.0.0.1', '/healthz', 10259, 'HTTPS', 'liveness'),
    resources: { requests: { cpu: '100m' } },
    startupProbe: probe('127.0.0.1', '/healthz', 10259, 'HTTPS', 'startup'),
  }, [['kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate']]);
}
