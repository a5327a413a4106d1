import { formatCatalogTable, listCatalog, parseNormalizedNamed, withOverride, withoutOverride } from '../registry';
import { parseDurationMs } from '../sim/duration';
import type { Task } from '../sim/task';
import type { CommandIO } from './process';
import { controlPlaneCommand } from './simControlPlane';
import { etcdCommand } from './simEtcd';
import { loadCommand } from './simLoad';
import { curlCommand, proxyCommand } from './simProxy';
import type { ShellEnv } from './shellEnv';

const USAGE = `sim controls the simulated cluster (faults and load).

Usage:
  sim node stop|start NODE            stop or start a node's kubelet
  sim etcd stop|start MEMBER|leader|all
                                      stop or start etcd members
  sim etcd partition MEMBER[,MEMBER]  cut members off from the rest
  sim etcd heal                       remove all partitions
  sim etcd disk MEMBER|leader|all DURATION|normal
                                      make fdatasync on members' disks take DURATION (a slow disk)
  sim controlplane [list]             kube-controller-manager and kube-scheduler replicas, who leads
  sim controlplane stop|start kube-controller-manager|kube-scheduler [INSTANCE|leader|all]
                                      kill or start a replica (a standby takes the Lease when it expires;
                                      on a kubeadm cluster its static pod manifest moves out and back)
  sim load deployment/NAME --cpu=300m | --total-cpu=2400m [--memory=64Mi | --total-memory=512Mi] [-n NS]
                                      load a Deployment's pods (per pod, or shared by the ready ones)
  sim load [list]                     the loads in effect
  sim curl SERVICE[:PORT] [--from NODE]
                                      connect to a Service from a node: DNS, kube-proxy rules, pod
  sim proxy NODE                      a node's kube-proxy rules (iptables-save or ipvsadm -Ln)
  sim image [list] [--wide]           images the simulated registry knows
  sim image crash IMAGE [--exit-code=N] [--after=DURATION]
                                      make containers of IMAGE exit with an error
  sim image oom IMAGE                 make containers of IMAGE grow past their memory limit
  sim image reset IMAGE               undo crash/oom for IMAGE
`;

/**
 * sim is k8sim's own command for what a real cluster does not let you type: faults (stop a node,
 * kill the etcd leader, partition) and load for autoscaling demos.
 */
export function* sim(env: ShellEnv, argv: string[], io: CommandIO): Task<number> {
  const [group, verb, target] = argv;
  if (!group || group === 'help' || group === '--help' || group === '-h') {
    io.out(USAGE);
    return 0;
  }
  if (group === 'etcd') return etcdCommand(env, verb, target, io, argv[3]);
  if (group === 'node') return nodeCommand(env, verb, target, io);
  if (group === 'controlplane') return controlPlaneCommand(env, argv.slice(1), io);
  if (group === 'image') return imageCommand(env, argv.slice(1), io);
  if (group === 'curl') return curlCommand(env, argv.slice(1), io);
  if (group === 'proxy') return proxyCommand(env, argv.slice(1), io);
  if (group === 'load') return yield* loadCommand(env, argv.slice(1), io);
  io.err(`error: unknown command "${group}" for "sim"\nRun 'sim help' for usage.\n`);
  return 1;
}

function nodeCommand(env: ShellEnv, verb: string | undefined, name: string | undefined, io: CommandIO): number {
  if ((verb !== 'stop' && verb !== 'start') || !name) {
    io.err('error: usage: sim node stop|start NODE\n');
    return 1;
  }
  const agent = env.nodeAgent(name);
  if (!agent) {
    io.err(`error: node "${name}" not found (nodes: ${env.nodeNames().join(', ')})\n`);
    return 1;
  }
  if (verb === 'stop') {
    if (!agent.running) io.out(`node/${name} kubelet already stopped\n`);
    else {
      agent.stop();
      io.out(`node/${name} kubelet stopped\n`);
    }
  } else if (agent.running) io.out(`node/${name} kubelet already running\n`);
  else {
    agent.start();
    io.out(`node/${name} kubelet started\n`);
  }
  return 0;
}

/**
 * imageCommand lists the registry catalog or changes how an image behaves when it runs: `crash`
 * (exit with an error → CrashLoopBackOff), `oom` (grow until the memory limit → OOMKilled),
 * `reset`. Changes apply to containers started afterwards.
 */
function imageCommand(env: ShellEnv, args: string[], io: CommandIO): number {
  const [verb = 'list', ...rest] = args;
  const flags = new Map(rest.filter((a) => a.startsWith('--')).map((a) => [a.slice(2).split('=')[0], a.split('=')[1] ?? 'true']));
  const image = rest.find((a) => !a.startsWith('--'));
  if (verb === 'list') {
    io.out(formatCatalogTable(listCatalog(env.registry.get()), { wide: flags.has('wide') }));
    return 0;
  }
  if (!['crash', 'oom', 'reset'].includes(verb) || !image) {
    io.err('error: usage: sim image [list] | crash IMAGE [--exit-code=N] [--after=DURATION] | oom IMAGE | reset IMAGE\n');
    return 1;
  }
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok) {
    io.err(`error: ${parsed.error}\n`);
    return 1;
  }
  const reference = parsed.ref.tag || parsed.ref.digest ? parsed.ref.normalized : parsed.ref.repository;
  if (verb === 'reset') {
    env.registry.set(withoutOverride(env.registry.get(), reference));
    io.out(`image ${image} reset\n`);
    return 0;
  }
  const afterMs = flags.has('after') ? parseDurationMs(flags.get('after')!) : 2000;
  const exitCode = Number(flags.get('exit-code') ?? 1);
  if (afterMs === undefined || !Number.isInteger(exitCode) || exitCode < 1 || exitCode > 255) {
    io.err('error: --after needs a duration (e.g. 5s) and --exit-code an integer from 1 to 255\n');
    return 1;
  }
  const override = verb === 'crash' ? { mode: 'exit' as const, exitCode, runMs: afterMs } : { mode: 'oom' as const, memoryGrowthBytesPerSec: 64 * 1024 * 1024 };
  env.registry.set(withOverride(env.registry.get(), reference, override));
  io.out(`image ${image} will ${verb === 'crash' ? `exit with code ${exitCode} after ${flags.get('after') ?? '2s'}` : 'exceed its memory limit'}\n`);
  return 0;
}
