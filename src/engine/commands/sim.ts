import type { Task } from '../sim/task';
import type { CommandIO } from './process';
import type { ShellEnv } from './shellEnv';

const USAGE = `sim controls the simulated cluster (faults and load).

Usage:
  sim node stop|start NODE            stop or start a node's kubelet
  sim etcd stop|start MEMBER|leader   stop or start an etcd member
  sim etcd partition MEMBER[,MEMBER]  cut members off from the rest
  sim etcd heal                       remove all partitions
  sim load deployment/NAME --cpu=300m | --total-cpu=2400m
  sim image [list]                    images the simulated registry knows
`;

/** Which issue brings each not-yet-simulated command (answered clearly, never silently). */
const NOT_YET: Record<string, string> = {
  'etcd stop': '#4 (etcd as a Raft cluster)',
  'etcd start': '#4 (etcd as a Raft cluster)',
  'etcd partition': '#4 (etcd as a Raft cluster)',
  'etcd heal': '#4 (etcd as a Raft cluster)',
  load: '#3 (metrics-server and the HPA)',
};

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
  const pending = NOT_YET[`${group} ${verb}`] ?? NOT_YET[group];
  if (pending) {
    io.err(`error: "sim ${[group, verb].filter(Boolean).join(' ')}" is not implemented yet: it arrives with issue ${pending}\n`);
    return 1;
  }
  if (group === 'node') return nodeCommand(env, verb, target, io);
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
