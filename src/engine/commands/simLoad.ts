// `sim load`: the load generator of autoscaling demos. It sets CPU (and memory) usage on a
// Deployment's pods, per pod or as a total shared by the Ready pods; kubelets report it,
// metrics-server scrapes it, and `kubectl top` and the HPA see the same numbers.
import type { Deployment } from 'kubernetes-types/apps/v1';
import { fromLabelSelector, selectorString } from '../api/labels';
import { parseQuantity } from '../api/quantity';
import { newNotFound } from '../api/status';
import { statusErrorText } from '../kubectl/cmd/checkErr';
import { loadOn, withLoad, type LoadAmount, type LoadState, type LoadTarget } from '../metrics/loadState';
import { wait, type Task } from '../sim/task';
import type { CommandIO } from './process';
import type { ShellEnv } from './shellEnv';

const LOAD_USAGE = 'error: usage: sim load deployment/NAME [-n NAMESPACE] --cpu=300m | --total-cpu=2400m [--memory=64Mi | --total-memory=512Mi]\n';
const DEPLOYMENT_TYPES = new Set(['deployment', 'deployments', 'deploy', 'deployment.apps', 'deployments.apps']);

/** loadCommand runs `sim load ...`; with no target it lists the loads in effect. */
export function* loadCommand(env: ShellEnv, args: string[], io: CommandIO): Task<number> {
  const flags = new Map<string, string>();
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-n' || arg === '--namespace') flags.set('namespace', args[++i] ?? '');
    else if (arg.startsWith('--')) flags.set(arg.slice(2).split('=')[0], arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '');
    else words.push(arg);
  }
  if (words.length === 0 || words[0] === 'list') {
    io.out(formatLoads(env.load.get()));
    return 0;
  }
  const [type, name] = words[0].split('/');
  if (!DEPLOYMENT_TYPES.has(type) || !name || words.length > 1) {
    io.err(LOAD_USAGE);
    return 1;
  }
  const cpu = amountOf(flags, 'cpu', 1000);
  const memory = amountOf(flags, 'memory', 1);
  if (cpu === null || memory === null || (cpu === undefined && memory === undefined)) {
    io.err(LOAD_USAGE);
    return 1;
  }
  const namespace = flags.get('namespace') || 'default';
  const got = yield* wait(env.client.get<Deployment>('deployments', namespace, name));
  if (!got.ok) {
    io.err(statusErrorText(got.status.code === 404 ? newNotFound({ group: 'apps', resource: 'deployments' }, name) : got.status));
    return 1;
  }
  // Each flag sets its resource; a resource not named keeps its current load; 0 removes one.
  const previous = loadOn(env.load.get(), namespace, name);
  const cpuLoad = cpu === undefined ? previous?.cpu : cpu.amount > 0 ? cpu : undefined;
  const memoryLoad = memory === undefined ? previous?.memory : memory.amount > 0 ? memory : undefined;
  const target: LoadTarget = {
    namespace, deployment: name, selector: selectorString(fromLabelSelector(got.object.spec?.selector)), sinceMs: env.sim.nowMs,
    ...(cpuLoad ? { cpu: cpuLoad } : {}), ...(memoryLoad ? { memory: memoryLoad } : {}),
  };
  env.load.set(withLoad(env.load.get(), target));
  io.out(target.cpu || target.memory ? `deployment.apps/${name} load: ${describeTarget(target)}\n` : `deployment.apps/${name} load removed\n`);
  return 0;
}

/**
 * amountOf reads --NAME (per pod) or --total-NAME: undefined when neither is set, null when both
 * are or the value is not a quantity. `unit` converts base units (cores, bytes) to the stored one.
 */
function amountOf(flags: Map<string, string>, name: string, unit: number): LoadAmount | undefined | null {
  const perPod = flags.get(name);
  const total = flags.get(`total-${name}`);
  if (perPod !== undefined && total !== undefined) return null;
  const text = perPod ?? total;
  if (text === undefined) return undefined;
  const parsed = parseQuantity(text);
  if (text === '' || Number.isNaN(parsed) || parsed < 0) return null;
  return { amount: Math.round(parsed * unit), mode: perPod !== undefined ? 'perPod' : 'total' };
}

function describeTarget(target: LoadTarget): string {
  const parts: string[] = [];
  if (target.cpu) parts.push(`${target.cpu.amount}m CPU ${target.cpu.mode === 'perPod' ? 'per pod' : 'spread over the ready pods'}`);
  if (target.memory) parts.push(`${formatBytes(target.memory.amount)} memory ${target.memory.mode === 'perPod' ? 'per pod' : 'spread over the ready pods'}`);
  return parts.join(', ');
}

function formatBytes(bytes: number): string {
  for (const [suffix, size] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) if (bytes % size === 0) return `${bytes / size}${suffix}`;
  return String(bytes);
}

function formatLoads(state: LoadState): string {
  if (state.targets.length === 0) return 'No load set.\n';
  return state.targets.map((t) => `${t.namespace}\tdeployment.apps/${t.deployment}\t${describeTarget(t)}\n`).join('');
}
