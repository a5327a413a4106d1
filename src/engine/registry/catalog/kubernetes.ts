// Images published by the Kubernetes project on registry.k8s.io (k8s.gcr.io is the frozen
// predecessor: it only serves what existed before April 2023). Sizes are compressed
// linux/amd64, approximate: pause:3.10 = 320368 and agnhost:2.39 = 126872991 and hpa-example =
// 164030864 bytes come from real kubelet events; the others from `crictl images` listings.
import type { ImageEntry, LogLine, RepositoryEntry } from '../types';
import { MiB, config, exit, image, lines, serve, tcp } from './build';
import { AGNHOST_COMMANDS } from './agnhost';

const pause = (tag: string, sizeBytes: number): ImageEntry =>
  image([tag], sizeBytes, 1, config(['/pause'], []), serve([], 0.3 * MiB, [], 10, { cpuMillicores: 0 }));

export const PAUSE: RepositoryEntry = {
  name: 'registry.k8s.io/pause',
  aliases: [{ name: 'k8s.gcr.io/pause', tags: ['3.1', '3.2', '3.5', '3.6', '3.7', '3.8', '3.9'] }],
  description: 'The pod sandbox ("infra") container: holds the namespaces and sleeps',
  images: [pause('3.1', 317_164), pause('3.2', 299_513), pause('3.5', 301_416), pause('3.6', 301_773),
    pause('3.7', 311_278), pause('3.8', 311_286), pause('3.9', 321_520), pause('3.10', 320_368)],
};

const AGNHOST_VERSIONS: Array<[string, number]> = [
  ['2.39', 126_872_991], ['2.40', 127_055_000], ['2.43', 131_240_000], ['2.45', 133_480_000], ['2.47', 137_310_000],
  ['2.48', 138_920_000], ['2.50', 140_610_000], ['2.51', 141_870_000], ['2.52', 143_520_000], ['2.53', 145_780_890],
];

const agnhostUsage = lines(0, 'stdout', 'Usage:', '  agnhost [command]', '', 'Use "agnhost [command] --help" for more information about a command.');

export const AGNHOST: RepositoryEntry = {
  name: 'registry.k8s.io/e2e-test-images/agnhost',
  aliases: [{ name: 'k8s.gcr.io/e2e-test-images/agnhost', tags: ['2.39', '2.40'] }],
  description: 'The Kubernetes e2e test multitool: netexec, pause, liveness, serve-hostname…',
  images: AGNHOST_VERSIONS.map(([tag, size]) =>
    image([tag], size, 5, config(['/agnhost'], []), exit(0, 20, agnhostUsage), { commands: AGNHOST_COMMANDS })),
};

const apacheLines = (server: string, mpm: string, commandLine: string) => [
  ...lines(0, 'stderr',
    `AH00558: ${server}: Could not reliably determine the server's fully qualified domain name, using {{podIP}}. Set the 'ServerName' directive globally to suppress this message`,
    `AH00558: ${server}: Could not reliably determine the server's fully qualified domain name, using {{podIP}}. Set the 'ServerName' directive globally to suppress this message`,
    `[{{ts:apache}}] [${mpm}:notice] [pid 1] AH00163: Apache/2.4.10 (Debian) PHP/5.6.14 configured -- resuming normal operations`,
    `[{{ts:apache}}] [core:notice] [pid 1] AH00094: Command line: '${commandLine}'`),
];

export const HPA_EXAMPLE: RepositoryEntry = {
  name: 'registry.k8s.io/hpa-example',
  aliases: [{ name: 'k8s.gcr.io/hpa-example' }],
  description: 'php-apache page that burns CPU per request (HorizontalPodAutoscaler walkthrough)',
  images: [image(['latest'], 164_030_864, 16, config(['apache2-foreground'], [], tcp(80)),
    serve(tcp(80), 12 * MiB, apacheLines('apache2', 'mpm_prefork', 'apache2 -D FOREGROUND'), 300))],
};

export const ECHOSERVER: RepositoryEntry = {
  name: 'registry.k8s.io/echoserver',
  aliases: [{ name: 'k8s.gcr.io/echoserver' }],
  description: 'Echoes HTTP requests back on port 8080 (old minikube and Service tutorials)',
  images: [
    image(['1.4'], 46_040_000, 13, config([], ['nginx', '-g', 'daemon off;'], tcp(8080)), serve(tcp(8080), 5 * MiB, [], 100)),
    image(['1.10'], 44_580_000, 10, config([], ['/usr/local/bin/run.sh'], tcp(8080, 8443)), serve(tcp(8080, 8443), 6 * MiB,
      lines(0, 'stdout', 'Generating self-signed cert', 'Generating a 2048 bit RSA private key', '..+++', '.......+++',
        "writing new private key to '/certs/privateKey.key'", '-----', 'Starting nginx'), 400)),
  ],
};

/**
 * COREFILE_SHA512: CoreDNS logs the SHA-512 of the Corefile it loaded; the clusters here run
 * kubeadm's default one (kubeadm/addons.ts, checked by a test).
 */
export const COREFILE_SHA512 = 'c35a0471224db80ad6f2c01a8ee2158e00ac67f9894da0707fe9267278a918901a5b98890c7cc765725ab46a5bf009ee04f98f78e33459712318fd74e132404d';

const coredns = (tag: string, sizeBytes: number, goVersion: string): ImageEntry =>
  image([tag], sizeBytes, 2, config(['/coredns'], [], [...tcp(53), { port: 53, protocol: 'UDP' }, ...tcp(9153)]),
    serve([{ port: 53, protocol: 'UDP' }, ...tcp(53, 9153, 8080, 8181)], 14 * MiB,
      lines(0, 'stdout', '.:53', `[INFO] plugin/reload: Running configuration SHA512 = ${COREFILE_SHA512}`,
        `CoreDNS-${tag.slice(1)}`, `linux/amd64, ${goVersion}`), 500));

export const COREDNS: RepositoryEntry = {
  name: 'registry.k8s.io/coredns/coredns',
  description: 'Cluster DNS (kube-dns Service); v1.11.3 ships with Kubernetes 1.32',
  images: [coredns('v1.10.1', 16_190_758, 'go1.20'), coredns('v1.11.1', 18_182_961, 'go1.20.7'),
    coredns('v1.11.3', 18_562_039, 'go1.21.11'), coredns('v1.12.0', 20_940_000, 'go1.23.3')],
};

/**
 * The first lines etcd 3.5 logs (zap JSON on stderr) as kubeadm runs it: its listeners, its
 * settings (kubeadm's --snapshot-count=10000, the default 100 ms heartbeat and 1 s election
 * timeout), then serving clients on localhost and the node address.
 */
const etcdLogs = (version: string): LogLine[] => {
  const zap = (level: string, caller: string, msg: string, fields = '') => `{"level":"${level}","ts":"{{ts:iso}}","caller":"${caller}","msg":"${msg}"${fields}}`;
  return [
    ...lines(0, 'stderr',
      zap('warn', 'embed/config.go:689', 'Running http and grpc server on single port. This is not recommended for production.'),
      zap('info', 'embed/etcd.go:128', 'configuring peer listeners', ',"listen-peer-urls":["https://{{podIP}}:2380"]'),
      zap('info', 'embed/etcd.go:136', 'configuring client listeners', ',"listen-client-urls":["https://127.0.0.1:2379","https://{{podIP}}:2379"]'),
      zap('info', 'embed/etcd.go:310', 'starting an etcd server', `,"etcd-version":"${version}","name":"{{hostname}}","data-dir":"/var/lib/etcd","member-dir":"/var/lib/etcd/member","snapshot-count":10000,"heartbeat-interval":"100ms","election-timeout":"1s","initial-cluster-state":"new"`)),
    ...lines(900, 'stderr',
      zap('info', 'embed/serve.go:250', 'serving client traffic securely', ',"traffic":"grpc+http","address":"127.0.0.1:2379"'),
      zap('info', 'embed/serve.go:250', 'serving client traffic securely', ',"traffic":"grpc+http","address":"{{podIP}}:2379"')),
  ];
};

export const ETCD: RepositoryEntry = {
  name: 'registry.k8s.io/etcd',
  description: 'etcd server as kubeadm runs it (static pod); 3.5.16-0 ships with Kubernetes 1.32',
  images: [['3.5.12-0', 57_236_178], ['3.5.15-0', 56_909_194], ['3.5.16-0', 57_680_541]].map(([tag, size]) =>
    image([tag as string], size as number, 5, config([], ['/usr/local/bin/etcd']), serve(tcp(2379, 2380, 2381), 40 * MiB, etcdLogs((tag as string).replace(/-0$/, '')), 1000))),
};

export const KUBE_PROXY: RepositoryEntry = {
  name: 'registry.k8s.io/kube-proxy',
  description: 'kube-proxy (DaemonSet on every node)',
  images: [['v1.31.4', 30_230_000], ['v1.32.0', 30_907_000], ['v1.32.1', 30_908_000], ['v1.32.2', 30_910_000],
    ['v1.32.3', 30_912_000], ['v1.32.4', 30_914_000]].map(([tag, size]) =>
    image([tag as string], size as number, 6, config(['/usr/local/bin/kube-proxy'], []), serve(tcp(10249, 10256), 20 * MiB, [], 300))),
};

/** The control-plane images kubeadm v1.32 runs as static pods (compressed sizes, approximate). */
const controlPlaneImage = (binary: string, sizes: Array<[string, number]>, ports: number[], memory: number, logs: LogLine[]): ImageEntry[] =>
  sizes.map(([tag, size]) => image([tag], size, 4, config([], [`/usr/local/bin/${binary}`]), serve(tcp(...ports), memory * MiB, logs, 800)));

/** The first klog lines each component writes (stderr), as `kubectl logs -n kube-system` shows them. */
const klog = (atMs: number, ...text: string[]): LogLine[] => lines(atMs, 'stderr', ...text.map((t) => `{{ts:klog}}       1 ${t}`));
const APISERVER_LOGS = [
  ...klog(0, 'options.go:238] external host was not specified, using 10.0.0.2', 'server.go:143] Version: v1.32.4', 'server.go:145] "Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'),
  ...klog(300, 'shared_informer.go:313] Waiting for caches to sync for node_authorizer'),
  ...klog(700, 'secure_serving.go:213] Serving securely on [::]:6443', 'controller.go:615] quota admission added evaluator for: leases.coordination.k8s.io'),
];
const CONTROLLER_MANAGER_LOGS = [
  ...klog(0, 'serving.go:386] Generated self-signed cert in-memory', 'controllermanager.go:185] "Starting" version="v1.32.4"'),
  // Whether this replica then leads shows in the Lease and its LeaderElection event, not here.
  ...klog(400, 'secure_serving.go:213] Serving securely on 127.0.0.1:10257', 'leaderelection.go:257] attempting to acquire leader lease kube-system/kube-controller-manager...'),
];
const SCHEDULER_LOGS = [
  ...klog(0, 'serving.go:386] Generated self-signed cert in-memory', 'server.go:166] "Starting Kubernetes Scheduler" version="v1.32.4"'),
  ...klog(400, 'secure_serving.go:213] Serving securely on 127.0.0.1:10259', 'leaderelection.go:257] attempting to acquire leader lease kube-system/kube-scheduler...'),
];

const CONTROL_PLANE_TAGS = ['v1.31.4', 'v1.32.0', 'v1.32.1', 'v1.32.2', 'v1.32.3', 'v1.32.4'];

export const KUBE_APISERVER: RepositoryEntry = {
  name: 'registry.k8s.io/kube-apiserver',
  description: 'kube-apiserver (kubeadm static pod on each control-plane node)',
  images: controlPlaneImage('kube-apiserver', CONTROL_PLANE_TAGS.map((tag, i): [string, number] => [tag, 28_240_000 + i * 15_000]), [6443], 250, APISERVER_LOGS),
};

export const KUBE_CONTROLLER_MANAGER: RepositoryEntry = {
  name: 'registry.k8s.io/kube-controller-manager',
  description: 'kube-controller-manager (kubeadm static pod)',
  images: controlPlaneImage('kube-controller-manager', CONTROL_PLANE_TAGS.map((tag, i): [string, number] => [tag, 26_270_000 + i * 14_000]), [10257], 60, CONTROLLER_MANAGER_LOGS),
};

export const KUBE_SCHEDULER: RepositoryEntry = {
  name: 'registry.k8s.io/kube-scheduler',
  description: 'kube-scheduler (kubeadm static pod)',
  images: controlPlaneImage('kube-scheduler', CONTROL_PLANE_TAGS.map((tag, i): [string, number] => [tag, 20_340_000 + i * 9_000]), [10259], 25, SCHEDULER_LOGS),
};
