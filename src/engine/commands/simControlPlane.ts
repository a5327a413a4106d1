import type { CommandIO } from './process';
import type { ControlPlaneProcess, ShellEnv } from './shellEnv';

const USAGE = 'error: usage: sim controlplane [list] | sim controlplane stop|start kube-controller-manager|kube-scheduler [INSTANCE|leader|all]\n';
const COMPONENTS = ['kube-controller-manager', 'kube-scheduler'];

/**
 * controlPlaneCommand lists the kube-controller-manager and kube-scheduler replicas with the one
 * holding each Lease, and stops (kills, without releasing the Lease) or starts them, so a learner
 * can watch a standby take over once the Lease expires.
 */
export function controlPlaneCommand(env: ShellEnv, args: string[], io: CommandIO): number {
  const processes = env.controlPlane?.() ?? [];
  const [verb = 'list', component, target = 'leader'] = args;
  if (verb === 'list') {
    io.out(formatList(processes));
    return 0;
  }
  if ((verb !== 'stop' && verb !== 'start') || !component) {
    io.err(USAGE);
    return 1;
  }
  if (!COMPONENTS.includes(component)) {
    io.err(`error: control-plane component "${component}" not found (components: ${COMPONENTS.join(', ')})\n`);
    return 1;
  }
  const replicas = processes.filter((p) => p.component === component);
  const chosen = pick(replicas, target, verb);
  if (typeof chosen === 'string') {
    io.err(chosen);
    return 1;
  }
  for (const p of chosen) {
    if (verb === 'stop') p.stop();
    else p.start();
  }
  const names = chosen.map((p) => p.name).join(', ');
  io.out(chosen.length === 0 ? `no ${component} replica to ${verb}\n` : `${names} ${verb === 'stop' ? 'stopped' : 'started'}${target === 'leader' ? ' (was the leader)' : ''}\n`);
  return 0;
}

function pick(replicas: ControlPlaneProcess[], target: string, verb: string): ControlPlaneProcess[] | string {
  if (target === 'all') return replicas.filter((p) => (verb === 'stop' ? p.isRunning : !p.isRunning));
  if (target === 'leader') {
    const leader = replicas.find((p) => p.isLeader);
    return leader ? [leader] : 'error: no replica holds the lease right now\n';
  }
  const byName = replicas.find((p) => p.name === target || p.host === target);
  return byName ? [byName] : `error: replica "${target}" not found (replicas: ${replicas.map((p) => p.name).join(', ')})\n`;
}

function formatList(processes: ControlPlaneProcess[]): string {
  const rows = [['NAME', 'HOST', 'STATUS', 'LEADER'], ...processes.map((p) => [p.name, p.host, p.isRunning ? 'Running' : 'Stopped', p.isLeader ? 'yes' : ''])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] + 3))).join('').trimEnd() + '\n').join('');
}
