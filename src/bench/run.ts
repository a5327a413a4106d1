// `npm run bench`: prints the engine's speed and size figures (see README "Benchmarks").
// Usage: npm run bench [-- --nodes=1000 --replicas=30000 --etcd-members=1 --proposals=200000 --kube-api-qps=N]
// --profile prints the run's self time by engine area. --kube-api-qps raises kube-controller-manager's and kube-scheduler's client QPS and burst (as scale
// tests do); without it they keep the v1.32 defaults (kcm 20/30, scheduler 50/100).
import { etcdCalibrationReport } from './etcdCalibration';
import { podsRunning } from './podsRunning';
import { profiled } from './profile';
import { raftThroughput } from './raftThroughput';

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
}

const nodes = flag('nodes', 1000);
const replicas = flag('replicas', 30_000);
const etcdMembers = flag('etcd-members', 1);
const proposals = flag('proposals', 200_000);
const kubeApiQps = flag('kube-api-qps', 0);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

raftThroughput(3, 20_000); // JIT warm-up, not reported
console.log(`raft-throughput: ${thousands(proposals)} puts from 500 concurrent clients (round-robin over members)`);
console.log('  members   proposals committed/wall-s   per sim-s   entries per MsgApp');
for (const members of [3, 5]) {
  const t = raftThroughput(members, proposals);
  console.log(`  ${String(members).padEnd(10)}${thousands(t.proposalsPerWallSecond).padStart(26)}   ${thousands(t.proposalsPerSimSecond).padStart(9)}   ${t.entriesPerMsgApp.toFixed(1).padStart(18)}`);
}

for (const line of etcdCalibrationReport()) console.log(line);

(globalThis as { gc?: () => void }).gc?.();
const rateLimits = kubeApiQps > 0 ? { kubeControllerManager: { qps: kubeApiQps, burst: kubeApiQps }, kubeScheduler: { qps: kubeApiQps, burst: kubeApiQps } } : undefined;
const run = () => podsRunning(nodes, replicas, etcdMembers, rateLimits);
// --profile: sample the pods-running run with V8's profiler and print where the time went.
const { result, shares } = process.argv.includes('--profile') ? profiled(run) : { result: run(), shares: [] };
console.log(`pods-running: ${result.nodes} nodes, ${result.replicas} replicas, ${result.etcdMembers}-member etcd, kcm/scheduler client QPS ${kubeApiQps > 0 ? kubeApiQps : 'defaults (20/50)'}`);
console.log(`  running pods        ${result.running}/${result.replicas}${result.running < result.replicas ? '  (NOT ALL RUNNING)' : ''}`);
console.log(`  sim time            ${(result.simMs / 1000).toFixed(1)} s`);
console.log(`  wall time           ${(result.wallMs / 1000).toFixed(2)} s`);
console.log(`  peak heap           ${mib(result.peakHeapBytes)} used, ${mib(result.peakCommittedBytes)} committed`);
if (result.liveHeapBytes !== undefined) console.log(`  heap after GC       ${mib(result.liveHeapBytes)} (retained by the cluster at the end; the peak also holds garbage not yet collected)`);
console.log(`  engine events       ${result.events}`);
console.log(`  etcd writes         ${result.writes}`);
console.log(`  raft cost           ${(result.raftWallMs / 1000).toFixed(2)} s of wall (${((100 * result.raftWallMs) / result.wallMs).toFixed(1)}%): ticks, messages, proposals, Ready loop; MVCC and apiserver work excluded`);
if (shares.length > 0) {
  console.log('  where the time goes (self time by engine area, sampled):');
  for (const { area, share } of shares.filter((s) => s.share >= 0.005)) console.log(`    ${(100 * share).toFixed(1).padStart(5)}%  ${area}`);
}
if (result.running < result.replicas) process.exitCode = 1;


// The app's figures (issue #5: time to a live cluster, frame time, seek time, first-view size)
// need a build and a browser; `--no-app` skips them.
if (!process.argv.includes('--no-app')) await import('./app');
