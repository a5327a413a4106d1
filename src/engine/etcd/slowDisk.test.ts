// `sim etcd disk`: members whose fdatasync is slow, against etcd 3.4.23 on 127.0.0.1 with its
// fdatasync delayed by strace (testdata/slow_disk_*ms.txt, src/tools/fixtures/etcd/
// make-slow-disk-fixtures.sh): how long a put takes, what `etcdctl check perf` says, and the
// warnings etcd logs (wal/wal.go slow fdatasync, etcdserver/raft.go late heartbeat,
// etcdserver/util.go slow apply).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { Simulator } from '../sim/simulator';
import { runCommands } from '../testing/runCommands';
import { EtcdCluster } from './etcdCluster';

interface Capture {
  putSeconds: number[];
  checkPerf: string[];
  warnings: Array<Record<string, string>>;
}

function capture(delayMs: number): Capture {
  const text = readFileSync(resolve(process.cwd(), `src/engine/etcd/testdata/slow_disk_${delayMs}ms.txt`), 'utf8');
  const section = (name: string) => (text.split(`-- ${name} --\n`)[1] ?? '').split('\n-- ')[0].split('\n').filter(Boolean);
  return { putSeconds: section('put').map(Number), checkPerf: section('check perf'), warnings: section('warnings').map((l) => JSON.parse(l) as Record<string, string>) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const boot = () => Cluster.boot(clusterSpec({ seed: 21, nodes: nodesFromCount(1), etcdMembers: 3, kubeSystem: true }), DEFAULT_COMPONENTS);

/** timedPuts runs sequential puts and returns how long each took, in seconds of sim time. */
function timedPuts(cluster: Cluster, count: number): number[] {
  const took: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = cluster.sim.nowMs;
    const [put] = runCommands(cluster, [`etcdctl put /slow/k${i} v${i}`]);
    expect(put.stdout).toBe('OK\n');
    took.push((cluster.sim.nowMs - start) / 1000);
  }
  return took;
}

const warning = (cluster: Cluster, msg: string) =>
  cluster.etcd.members
    .flatMap((m) => m.log.since(0))
    .map((l) => JSON.parse(l.text) as Record<string, string>)
    .find((w) => w.msg === msg);

describe('sim etcd disk (a slow fdatasync, as strace makes one for real etcd 3.4.23)', () => {
  for (const delayMs of [600, 1200]) {
    it(`a put waits for two ${delayMs} ms fdatasyncs (WAL, then the backend), within 25 % of the real cluster's`, () => {
      // The capture's cluster is idle but for the puts; so is a bare EtcdCluster.
      const real = median(capture(delayMs).putSeconds.slice(1));
      const sim = new Simulator(5);
      const etcd = new EtcdCluster(sim, { members: 3, heartbeatIntervalMs: 100, electionTimeoutMs: 1000, preVote: false });
      sim.runUntil(3_000);
      for (const m of etcd.members) etcd.setFsyncMs(m.name, delayMs);
      sim.runUntil(4_000);
      const took: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = sim.nowMs;
        const put = etcd.put(`/slow/k${i}`, 'v');
        sim.runWhile(() => !put.isSettled, start + 30_000);
        expect(put.value?.ok).toBe(true);
        took.push((sim.nowMs - start) / 1000);
      }
      expect(Math.abs(median(took.slice(1)) - real) / real).toBeLessThan(0.25);
    });
  }

  /** checkPerfAt runs check perf on disks slowed to `delayMs`: its verdict lines, and the real run's, in the same shape. */
  function checkPerfAt(delayMs: number): { lines: string[]; real: string[] } {
    const real = capture(delayMs).checkPerf;
    const [, check] = runCommands(boot(), [`sim etcd disk all ${delayMs}ms`, 'etcdctl check perf']);
    const lines = check.stdout.trim().split('\n').slice(1);
    expect(lines.map((l) => l.replace(/[\d.]+/g, 'N'))).toEqual(real.map((l) => l.replace(/[\d.]+/g, 'N')));
    return { lines, real };
  }

  it('fails etcdctl check perf on all three counts, with throughput and slowest request near the real run', () => {
    const { lines, real } = checkPerfAt(600);
    const number = (ls: string[], i: number) => Number(/([\d.]+)/.exec(ls[i])![1]);
    expect(number(lines, 0)).toBeGreaterThan(number(real, 0) / 2);
    expect(number(lines, 0)).toBeLessThan(number(real, 0) * 2);
    expect(Math.abs(number(lines, 1) - number(real, 1)) / number(real, 1)).toBeLessThan(0.25);
  });

  it('at 1200 ms check perf also reports request timeouts: answers that came after ReqTimeout, as in the real run', () => {
    const { lines, real } = checkPerfAt(1200);
    expect(lines[1]).toMatch(/^FAIL: ERROR\(etcdserver: request timed out\) -> \d+$/);
    // Real etcd 3.4.23 timed out 72 and 226 of its puts in two runs; the model within 2× of the recorded one.
    const timeouts = (ls: string[]) => Number(/-> (\d+)/.exec(ls[1])![1]);
    expect(timeouts(lines)).toBeGreaterThan(timeouts(real) / 2);
    expect(timeouts(lines)).toBeLessThan(timeouts(real) * 2);
  });

  it('logs the warnings real etcd logs, with the same fields; slow fdatasync only past 1 s', () => {
    for (const delayMs of [600, 1200]) {
      const real = capture(delayMs).warnings;
      const cluster = boot();
      runCommands(cluster, [`sim etcd disk all ${delayMs}ms`, { run: 'etcdctl put k v', advanceMs: 5_000 }]);
      for (const msg of ['apply request took too long', 'leader failed to send out heartbeat on time; took too long, leader is overloaded likely from slow disk', 'slow fdatasync']) {
        const want = real.find((w) => w.msg === msg);
        const got = warning(cluster, msg);
        expect(Boolean(got), `${delayMs} ms: ${msg}`).toBe(Boolean(want));
        if (!want || !got) continue;
        expect(Object.keys(got)).toEqual(Object.keys(want));
        for (const fixed of ['level', 'caller', 'expected-duration', 'heartbeat-interval', 'prefix']) expect(got[fixed]).toBe(want[fixed]);
      }
    }
  });

  it('logs the apiserver writes it applied slowly in the etcd static pod, as optimistic txns of kube-apiserver-etcd-client', () => {
    const cluster = boot();
    const [, , logs] = runCommands(cluster, ['sim etcd disk all 600ms', 'kubectl create deployment web --image=nginx:1.27', { run: 'kubectl logs -n kube-system etcd-control-plane', advanceMs: 3_000 }]);
    const create = logs.stdout.split('\n').find((l) => l.includes('/registry/deployments/default/web') && l.includes('mod_revision:0'));
    expect(create).toContain('"request":"header:<ID:');
    expect(create).toContain(' username:\\"kube-apiserver-etcd-client\\" auth_revision:1 > txn:<compare:<target:MOD key:\\"/registry/deployments/default/web\\" mod_revision:0 > success:<request_put:<key:\\"/registry/deployments/default/web\\" value_size:');
    expect(create).toMatch(/ >> failure:<>>","response":"size:\d+"}$/);
  });

  it('is fast again once the disk is back to normal', () => {
    const cluster = boot();
    const [slow, list, , normal] = runCommands(cluster, ['sim etcd disk leader 600ms', 'sim etcd disk list', 'etcdctl put k v', 'sim etcd disk all normal']);
    expect(slow.stdout).toMatch(/^etcd member etcd-\d \(leader\): fdatasync takes 600ms\n$/);
    expect(list.stdout.split('\n').filter((l) => l.endsWith('\tfdatasync takes 600ms'))).toEqual([`${cluster.etcd.leader()!.name}\tfdatasync takes 600ms`]);
    expect(normal.stdout).toBe('etcd members etcd-1, etcd-2, etcd-3: disk back to normal\n');
    expect(Math.max(...timedPuts(cluster, 3))).toBeLessThan(0.05);
  });

  it('answers bad arguments with the usage', () => {
    const [bad, unknown, list] = runCommands(boot(), ['sim etcd disk all fast', 'sim etcd disk etcd-9 1s', 'sim etcd disk']);
    expect(bad).toEqual({ exit: 1, stdout: '', stderr: 'error: sim etcd disk all: want a duration up to 1m (e.g. 600ms) or "normal", got "fast"\n' });
    expect(unknown.stderr).toBe('error: etcd member "etcd-9" not found (members: etcd-1, etcd-2, etcd-3)\n');
    expect(list.stdout).toBe('etcd-1\tnormal disk\netcd-2\tnormal disk\netcd-3\tnormal disk\n');
  });
});
