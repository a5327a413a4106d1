// `npm run bench`: prints the engine's speed and size figures (see README "Benchmarks").
// Usage: npm run bench [-- --nodes=1000 --replicas=30000]
import { podsRunning } from './podsRunning';

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
}

const nodes = flag('nodes', 1000);
const replicas = flag('replicas', 30_000);
const result = podsRunning(nodes, replicas);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
console.log(`pods-running: ${result.nodes} nodes, ${result.replicas} replicas`);
console.log(`  running pods        ${result.running}/${result.replicas}${result.running < result.replicas ? '  (NOT ALL RUNNING)' : ''}`);
console.log(`  sim time            ${(result.simMs / 1000).toFixed(1)} s`);
console.log(`  wall time           ${(result.wallMs / 1000).toFixed(2)} s`);
console.log(`  peak heap           ${mib(result.peakHeapBytes)}`);
console.log(`  engine events       ${result.events}`);
console.log(`  etcd writes         ${result.writes}`);
if (result.running < result.replicas) process.exitCode = 1;
