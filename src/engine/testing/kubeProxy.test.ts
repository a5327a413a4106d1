// kube-proxy and CoreDNS answers end to end: `sim curl` resolves a Service, walks the chosen
// node's rules and lands on a pod; rules follow EndpointSlices within the 1 s min-sync-period;
// IPVS mode round-robins; a NotReady node's pods leave the rules.
import type { Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { get } from '../controllerManager/testing';
import { MIN_SYNC_PERIOD_MS } from '../proxy/proxyHub';
import { DEFAULT_EPOCH_MS } from '../sim/time';
import { runCommands } from './runCommands';

function boot(mode: 'iptables' | 'ipvs' = 'iptables', seed = 5): Cluster {
  return Cluster.boot({ seed, nodes: nodesFromCount(3), etcd: { members: 1, heartbeatIntervalMs: 100, electionTimeoutMs: 1000, preVote: false }, epochMs: DEFAULT_EPOCH_MS, kubeProxyMode: mode }, DEFAULT_COMPONENTS);
}

function deployWeb(cluster: Cluster, replicas = 3): void {
  const results = runCommands(cluster, [`kubectl create deployment web --image=nginx:1.27 --replicas=${replicas}`, 'kubectl expose deployment web --port=80']);
  for (const r of results) expect(r.exit).toBe(0);
  cluster.runUntil(cluster.sim.nowMs + 30_000);
}

/** podIPs maps each web pod's IP to `name node` from kubectl. */
function webPods(cluster: Cluster): Map<string, string> {
  const out = runCommands(cluster, ['kubectl get pods -o wide --no-headers'])[0].stdout;
  const pods = new Map<string, string>();
  for (const line of out.trim().split('\n')) {
    const cols = line.split(/\s+/);
    if (cols[2] === 'Running') pods.set(cols[5], `${cols[0]} ${cols[6]}`);
  }
  return pods;
}

function answered(stdout: string): string {
  return /^POD\s+pod default\/(\S+) \((\S+)\) on (\S+) answered$/m.exec(stdout)!.slice(1).join(' ');
}

describe('sim curl through kube-proxy (iptables mode)', () => {
  it('goes DNS → ClusterIP → KUBE-SVC → KUBE-SEP DNAT → a Running pod', () => {
    const cluster = boot();
    deployWeb(cluster);
    const pods = webPods(cluster);
    const clusterIP = get<Service>(cluster, 'services', 'web')!.spec!.clusterIP!;
    const [result] = runCommands(cluster, ['sim curl web --from node-2']);
    expect(result.exit).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`DNS   web → web.default.svc.cluster.local. 30 IN A ${clusterIP} (CoreDNS at 10.96.0.10)`);
    expect(lines[1]).toMatch(/^FROM  node-2 \(10\.0\.1\.2, host network\); kube-proxy in iptables mode/);
    expect(lines[2]).toBe(`RULE  nat -A KUBE-SERVICES -m comment --comment "default/web cluster IP" -m tcp -p tcp -d ${clusterIP} --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G`);
    expect(lines[3]).toContain('! -s 10.244.0.0/16 -j KUBE-MARK-MASQ');
    const dnat = lines.find((l) => l.startsWith('DNAT'))!;
    const podIP = /→ (\S+):80/.exec(dnat)![1];
    const [name, node] = pods.get(podIP)!.split(' ');
    expect(answered(result.stdout)).toBe(`${name} ${podIP} ${node}`);
  });

  it('shows the kubernetes Service chain every cluster has (KUBE-SVC-NPX46M4PTMTKRN6Y) in sim proxy', () => {
    const cluster = boot();
    const [dump] = runCommands(cluster, ['sim proxy node-1']);
    expect(dump.stdout).toContain('-A KUBE-SERVICES -m comment --comment "default/kubernetes:https cluster IP" -m tcp -p tcp -d 10.96.0.1 --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(dump.stdout).toContain('-j DNAT --to-destination 10.0.0.2:6443');
  });

  it('spreads connections over every pod and is deterministic per seed', () => {
    const run = () => {
      const cluster = boot('iptables', 9);
      deployWeb(cluster);
      return runCommands(cluster, Array.from({ length: 30 }, () => 'sim curl web')).map((r) => answered(r.stdout));
    };
    const first = run();
    expect(new Set(first).size).toBe(3);
    expect(run()).toEqual(first);
  });

  it('updates the rules within the min-sync-period after a scale-down, and rejects with no endpoints', () => {
    const cluster = boot();
    deployWeb(cluster);
    runCommands(cluster, ['kubectl scale deployment web --replicas=1']);
    cluster.runUntil(cluster.sim.nowMs + 40_000);
    const remaining = webPods(cluster);
    expect(remaining.size).toBe(1);
    for (let i = 0; i < 5; i++) expect(answered(runCommands(cluster, ['sim curl web'])[0].stdout).split(' ')[1]).toBe([...remaining.keys()][0]);
    runCommands(cluster, ['kubectl scale deployment web --replicas=0']);
    cluster.runUntil(cluster.sim.nowMs + 40_000 + MIN_SYNC_PERIOD_MS);
    const [refused] = runCommands(cluster, ['sim curl web:80']);
    expect(refused.exit).toBe(7);
    expect(refused.stdout).toContain('filter -A KUBE-SERVICES -m comment --comment "default/web has no endpoints"');
    expect(refused.stderr).toBe("curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server\n");
    expect(runCommands(cluster, ['sim curl nope'])[0].stderr).toBe('curl: (6) Could not resolve host: nope\n');
  });

  it('stops sending traffic to a stopped node once its pods are marked NotReady', () => {
    const cluster = boot();
    deployWeb(cluster, 6);
    const before = webPods(cluster);
    runCommands(cluster, ['sim node stop node-2']);
    cluster.runUntil(cluster.sim.nowMs + 90_000);
    const nodes = new Set(runCommands(cluster, Array.from({ length: 40 }, () => 'sim curl web --from node-1')).map((r) => answered(r.stdout).split(' ')[2]));
    expect([...before.values()].some((v) => v.endsWith('node-2'))).toBe(true);
    expect(nodes.has('node-2')).toBe(false);
  });

  it('records a proxy.sync trace event per node and one proxy.curl event per hop', () => {
    const cluster = boot();
    const events: Array<{ component: string; kind: string }> = [];
    cluster.sim.trace.subscribe((e) => {
      if (e.kind.startsWith('proxy.')) events.push({ component: e.component, kind: e.kind });
    });
    deployWeb(cluster);
    const syncs = events.filter((e) => e.kind === 'proxy.sync').map((e) => e.component);
    expect(new Set(syncs)).toEqual(new Set(['kube-proxy/node-1', 'kube-proxy/node-2', 'kube-proxy/node-3']));
    events.length = 0;
    const [result] = runCommands(cluster, ['sim curl web --from node-3']);
    expect(events.filter((e) => e.kind === 'proxy.curl' && e.component === 'kube-proxy/node-3').length).toBe(result.stdout.trim().split('\n').length);
  });
});

describe('sim curl through kube-proxy (IPVS mode)', () => {
  it('round-robins over the real servers of the virtual server', () => {
    const cluster = boot('ipvs');
    deployWeb(cluster);
    const ips = [...webPods(cluster).keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    const picks = runCommands(cluster, Array.from({ length: 6 }, () => 'sim curl web --from node-1')).map((r) => answered(r.stdout).split(' ')[1]);
    expect(picks).toEqual([...ips, ...ips]);
    const [dump] = runCommands(cluster, ['sim proxy node-1']);
    expect(dump.stdout).toMatch(/^TCP {2}10\.96\.0\.1:443 rr\n {2}-> 10\.0\.0\.2:6443 {16}Masq {4}1 {6}0 {10}0$/m);
  });
});
