// `etcdctl check perf` (etcd 3.4 etcdctl/ctlv3/command/check.go): 60 seconds of puts at the
// load's rate from its clients under the prefix, then the verdicts on throughput (over 90 % of
// the target), the slowest request (at most 500 ms) and the standard deviation (at most 100 ms),
// and the keys deleted again. The puts go through the simulated etcd, so a slow or leaderless
// cluster fails the check as a real one would. The progress bar prints its final state only.
import { ExitCode, exitWithError, retryWarnLine, type EtcdctlGlobals, type EtcdctlOutput } from '../etcdctl';
import type { TxnOp } from '../etcd/types';
import { wait, type Task } from '../sim/task';
import type { ShellEnv } from './shellEnv';

/** LOADS: checkPerfCfgMap, the workload models. */
const LOADS: Record<string, { limit: number; clients: number; duration: number }> = {
  s: { limit: 150, clients: 50, duration: 60 },
  m: { limit: 1000, clients: 200, duration: 60 },
  l: { limit: 8000, clients: 500, duration: 60 },
  xl: { limit: 15000, clients: 1000, duration: 60 },
};

/** VALUE: the payload every put writes (one shared string, so the check costs no memory per key). */
const VALUE = 'x'.repeat(1024);

export function* checkPerf(env: ShellEnv, globals: EtcdctlGlobals, command: { load: string; prefix: string; autoCompact: boolean }): Task<EtcdctlOutput> {
  const cfg = LOADS[command.load];
  if (!cfg) return exitWithError(ExitCode.badFeature, `unknown load option ${command.load}`);
  const timeoutMs = Math.max(1, Math.round(globals.commandTimeoutNs / 1e6));
  const existing = yield* wait(env.etcd.range(command.prefix, { prefix: true }));
  if (!existing.ok) {
    yield* wait(env.sim.sleep(timeoutMs));
    const line = retryWarnLine({ nowMs: env.sim.nowMs, endpoint: globals.endpoints[0], rpc: 'balanced', epochMs: env.epochMs });
    return { stdout: '', stderr: `${line}\nError: context deadline exceeded\n`, exitCode: ExitCode.error };
  }
  if (existing.value.count > 0) return exitWithError(ExitCode.invalidInput, `prefix "${command.prefix}" has keys. Delete with etcdctl del --prefix ${command.prefix} first`);

  const total = cfg.limit * cfg.duration;
  const startMs = env.sim.nowMs;
  const latencies: number[] = [];
  const keys: string[] = [];
  /** errors: report.Stats.ErrorDist, failed puts by error text (they count in no latency). */
  const errors = new Map<string, number>();
  let inFlight = 0;
  let sent = 0;
  let lastDoneMs = startMs;
  // The rate limiter releases a put every 1/limit s; a client that is still waiting holds it back.
  // The limiter waits on a context that ends with the run (check.go): a cluster that falls behind
  // gets no more puts after `duration`, only the in-flight ones are waited for.
  const endMs = startMs + cfg.duration * 1000;
  const send = (): void => {
    if (sent >= total || env.sim.nowMs >= endMs) return;
    if (inFlight < cfg.clients) {
      const key = `${command.prefix}${env.rng.nextU32().toString(16).padStart(8, '0')}${env.rng.nextU32().toString(16).padStart(8, '0')}`;
      keys.push(key);
      const t0 = env.sim.nowMs;
      inFlight++;
      sent++;
      env.etcd.put(key, VALUE).then((r) => {
        inFlight--;
        lastDoneMs = env.sim.nowMs;
        if (r.ok) latencies.push(env.sim.nowMs - t0);
        else errors.set(r.error.message, (errors.get(r.error.message) ?? 0) + 1);
      });
    }
    // Every client busy: try again a millisecond later (the limiter's next token waits too).
    env.sim.at(Math.max(env.sim.nowMs + 1, startMs + Math.round((sent * 1000) / cfg.limit)), send);
  };
  send();
  const deadline = startMs + cfg.duration * 1000 + 30_000;
  while (((sent < total && env.sim.nowMs < endMs) || inFlight > 0) && env.sim.nowMs < deadline) yield* wait(env.sim.sleep(100));
  // The report covers the whole run: its full duration and the last response after it.
  const elapsedS = Math.max(cfg.duration + 0.001, (lastDoneMs - startMs) / 1000);
  const rps = latencies.length / elapsedS;
  const seconds = latencies.map((ms) => ms / 1000);
  const slowest = seconds.length > 0 ? Math.max(...seconds) : 0;
  const mean = seconds.reduce((a, b) => a + b, 0) / Math.max(1, seconds.length);
  const stddev = Math.sqrt(seconds.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, seconds.length));
  // Cleanup: one delete of the prefix (applied here as one batch).
  const ops: Array<[string, TxnOp]> = keys.map((key) => [key, { type: 'delete' }]);
  const deleted = env.etcd.restore ? yield* wait(env.etcd.restore(ops)) : undefined;
  if (command.autoCompact && deleted?.ok) yield* wait(env.etcd.compact(deleted.value.header.revision));
  let stdout = ` ${cfg.duration} / ${cfg.duration}  100.00% ${Math.floor(cfg.duration / 60)}m${cfg.duration % 60}s\n`;
  let ok = true;
  if (errors.size > 0) {
    stdout += 'FAIL: too many errors\n';
    for (const [message, count] of errors) stdout += `FAIL: ERROR(${message}) -> ${count}\n`;
    ok = false;
  }
  if (rps / cfg.limit <= 0.9) {
    stdout += `FAIL: Throughput too low: ${Math.floor(rps) + 1} writes/s\n`;
    ok = false;
  } else stdout += `PASS: Throughput is ${Math.floor(rps) + 1} writes/s\n`;
  if (slowest > 0.5) {
    stdout += `Slowest request took too long: ${slowest.toFixed(6)}s\n`;
    ok = false;
  } else stdout += `PASS: Slowest request took ${slowest.toFixed(6)}s\n`;
  if (stddev > 0.1) {
    stdout += `Stddev too high: ${stddev.toFixed(6)}s\n`;
    ok = false;
  } else stdout += `PASS: Stddev is ${stddev.toFixed(6)}s\n`;
  stdout += ok ? 'PASS\n' : 'FAIL\n';
  return { stdout, stderr: '', exitCode: ok ? ExitCode.success : ExitCode.error };
}
