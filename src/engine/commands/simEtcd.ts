import { formatDurationGo, parseDurationMs } from '../sim/duration';
import type { CommandIO } from './process';
import type { EtcdControl, ShellEnv } from './shellEnv';

/**
 * etcdCommand is `sim etcd`: kill or restart a member's process (it keeps its data dir: term,
 * vote, log and backend), cut members off from the others, or heal the network.
 *
 * @example
 * sim etcd stop leader             # etcd member etcd-2 (leader) stopped
 * sim etcd partition etcd-1,etcd-2 # etcd members etcd-1, etcd-2 cut off from etcd-3
 * sim etcd disk all 600ms          # etcd members etcd-1, etcd-2, etcd-3: fdatasync takes 600ms
 */
export function etcdCommand(env: ShellEnv, verb: string | undefined, target: string | undefined, io: CommandIO, value?: string): number {
  const etcd = env.etcdControl;
  if (!etcd) {
    io.err('error: this cluster has no simulated etcd members\n');
    return 1;
  }
  if (verb === 'heal') {
    etcd.heal();
    io.out('etcd network healed\n');
    return 0;
  }
  if (verb === 'disk') return diskCommand(etcd, target, value, io);
  if ((verb !== 'stop' && verb !== 'start' && verb !== 'partition') || !target) {
    io.err(`error: usage: ${USAGE}\n`);
    return 1;
  }
  if (target === 'all' && verb !== 'partition') return everyMember(etcd, verb, io);
  const names = verb === 'partition' ? target.split(',').filter(Boolean) : [target];
  const resolved: string[] = [];
  for (const name of names) {
    const member = resolve(etcd, name, io);
    if (!member) return 1;
    resolved.push(member);
  }
  if (verb === 'partition') {
    const others = etcd.members.map((m) => m.name).filter((n) => !resolved.includes(n));
    etcd.partition(resolved);
    io.out(`etcd member${resolved.length > 1 ? 's' : ''} ${resolved.join(', ')} cut off from ${others.join(', ') || 'nobody'}\n`);
    return 0;
  }
  const name = resolved[0];
  const running = etcd.members.find((m) => m.name === name)!.running;
  const label = target === 'leader' ? `${name} (leader)` : name;
  if (verb === 'stop') {
    if (!running) io.out(`etcd member ${label} already stopped\n`);
    else {
      etcd.stopMember(name);
      io.out(`etcd member ${label} stopped\n`);
    }
  } else if (running) io.out(`etcd member ${label} already running\n`);
  else {
    etcd.startMember(name);
    io.out(`etcd member ${label} started\n`);
  }
  return 0;
}

const USAGE = 'sim etcd stop|start MEMBER|leader|all | sim etcd partition MEMBER[,MEMBER] | sim etcd heal | sim etcd disk MEMBER|leader|all DURATION|normal';

/**
 * diskCommand is `sim etcd disk`: how long an fdatasync takes on members' disks, the cause of the
 * seeds' "etcd performance degradation" fault. Writes then wait for it (WAL and backend), a
 * leader's heartbeats go out late, and past the election timeout followers start elections.
 */
function diskCommand(etcd: EtcdControl, target: string | undefined, value: string | undefined, io: CommandIO): number {
  if (!etcd.setFsyncMs) {
    io.err('error: this etcd does not simulate its disks\n');
    return 1;
  }
  if (!target || target === 'list') {
    for (const m of etcd.members) io.out(`${m.name}\t${m.disk?.fsyncMs ? `fdatasync takes ${formatDurationGo(m.disk.fsyncMs)}` : 'normal disk'}\n`);
    return 0;
  }
  const ms = value === 'normal' ? 0 : value === undefined ? undefined : parseDurationMs(value);
  if (ms === undefined || ms < 0 || ms > 60_000) {
    io.err(`error: sim etcd disk ${target}: want a duration up to 1m (e.g. 600ms) or "normal", got ${JSON.stringify(value ?? '')}\n`);
    return 1;
  }
  const names = target === 'all' ? etcd.members.map((m) => m.name) : [resolve(etcd, target, io)];
  if (names[0] === undefined) return 1;
  for (const name of names as string[]) etcd.setFsyncMs(name, ms);
  const who = `etcd member${names.length > 1 ? 's' : ''} ${names.join(', ')}${target === 'leader' ? ' (leader)' : ''}`;
  io.out(ms === 0 ? `${who}: disk back to normal\n` : `${who}: fdatasync takes ${formatDurationGo(ms)}\n`);
  return 0;
}

/** everyMember is `sim etcd stop|start all`: every member not already in that state. */
function everyMember(etcd: EtcdControl, verb: 'stop' | 'start', io: CommandIO): number {
  const changed = etcd.members.filter((m) => m.running === (verb === 'stop')).map((m) => m.name);
  for (const name of changed) {
    if (verb === 'stop') etcd.stopMember(name);
    else etcd.startMember(name);
  }
  io.out(changed.length === 0 ? `every etcd member already ${verb === 'stop' ? 'stopped' : 'running'}\n` : `etcd member${changed.length > 1 ? 's' : ''} ${changed.join(', ')} ${verb === 'stop' ? 'stopped' : 'started'}\n`);
  return 0;
}

function resolve(etcd: EtcdControl, name: string, io: CommandIO): string | undefined {
  if (name === 'leader') {
    const leader = etcd.leader();
    if (!leader) io.err('error: the etcd cluster has no leader right now\n');
    return leader?.name;
  }
  if (!etcd.members.some((m) => m.name === name)) {
    io.err(`error: etcd member "${name}" not found (members: ${etcd.members.map((m) => m.name).join(', ')})\n`);
    return undefined;
  }
  return name;
}
