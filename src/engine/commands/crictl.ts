// `crictl` (cri-tools v1.32) on a cluster machine, talking to that machine's containerd: ps,
// pods, images, logs and version. /etc/crictl.yaml points it at containerd's socket, so it
// prints no endpoint warnings; while containerd is stopped every command fails to connect.
import { KERNEL_VERSION } from '../kubelet/config';
import { CRI_UNAVAILABLE } from '../kubelet/runtimeHealth';
import { listContainers, listImages, listPods, type ListOptions } from '../crictl/crictlTables';
import { containerLogLines, formatLogs } from '../runtime/containerLogs';
import type { ContainerRuntime } from '../runtime/containerRuntime';
import type { Task } from '../sim/task';
import { hostAgent } from '../systemd/hostServices';
import type { CommandIO } from './process';
import type { ShellEnv } from './shellEnv';

const ENDPOINT = 'unix:///run/containerd/containerd.sock';

const USAGE = `NAME:
   crictl - client for CRI

USAGE:
   crictl [global options] command [command options]

VERSION:
   v1.32.0

COMMANDS:
   images, image, img  List images
   logs                Fetch the logs of a container
   pods                List pods
   ps                  List containers
   version             Display runtime version information
   help, h             Shows a list of commands or help for one command

k8sim simulates the commands above.
`;

/** fatal is logrus.Fatal as crictl ends on an error: `FATA[0000] …`, exit 1. */
function fatal(io: CommandIO, message: string): number {
  io.err(`FATA[0000] ${message}\n`);
  return 1;
}

export function* crictl(env: ShellEnv, argv: string[], io: CommandIO): Task<number> {
  const [command, ...args] = argv.filter((a) => a !== '--debug=false');
  if (!command || command === 'help' || command === 'h' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return 0;
  }
  const runtime = hostAgent(env)?.runtime;
  const known = ['ps', 'pods', 'images', 'image', 'img', 'logs', 'version'];
  if (!known.includes(command)) {
    io.err(`No help topic for '${command}'\n`);
    return 3;
  }
  if (!runtime || !runtime.service.active) return fatal(io, `validate service connection: validate CRI v1 runtime API for endpoint "${ENDPOINT}": ${CRI_UNAVAILABLE}`);
  const nowMs = env.sim.nowMs;
  if (command === 'version') {
    const v = runtime.version();
    io.out(`Version:  0.1.0\nRuntimeName:  ${v.runtimeName}\nRuntimeVersion:  ${v.runtimeVersion}\nRuntimeApiVersion:  ${v.runtimeApiVersion}\n`);
    return 0;
  }
  if (command === 'logs') return logs(runtime, args, nowMs, env.epochMs, io);
  const parsed = parseListOptions(args);
  if (typeof parsed === 'string') return fatal(io, parsed);
  if (command === 'ps') io.out(listContainers(runtime, nowMs, parsed));
  else if (command === 'pods') io.out(listPods(runtime, nowMs, parsed));
  else io.out(listImages(runtime, parsed));
  return 0;
}

function parseListOptions(args: string[]): (ListOptions & { digests?: boolean }) | string {
  const options: ListOptions & { digests?: boolean } = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '-a' || flag === '--all') options.all = true;
    else if (flag === '-q' || flag === '--quiet') options.quiet = true;
    else if (flag === '--no-trunc') options.noTrunc = true;
    else if (flag === '-l' || flag === '--latest') options.latest = true;
    else if (flag === '--digests') options.digests = true;
    else if (flag === '--name') options.name = new RegExp(value());
    else if (flag === '--namespace') options.namespace = new RegExp(value());
    else if (flag === '-p' || flag === '--pod') options.pod = value();
    else if (flag === '-s' || flag === '--state') {
      options.state = value();
      if (!['created', 'running', 'exited', 'unknown', 'ready', 'notready'].includes(options.state.toLowerCase())) return `--state should be one of created, running, exited or unknown`;
    } else if (flag === '-o' || flag === '--output') {
      const output = value();
      if (output !== 'table') return `unsupported output format "${output}" (k8sim prints crictl's tables)`;
    } else if (flag.startsWith('-')) return `flag provided but not defined: ${flag}`;
    else return `unexpected argument "${flag}"`;
  }
  return options;
}

function logs(runtime: ContainerRuntime, args: string[], nowMs: number, epochMs: number, io: CommandIO): number {
  let tail: number | undefined;
  let timestamps = false;
  let id: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--tail') tail = Number(args[++i]);
    else if (arg.startsWith('--tail=')) tail = Number(arg.slice(7));
    else if (arg === '-t' || arg === '--timestamps') timestamps = true;
    else if (arg.startsWith('-')) return fatal(io, `flag provided but not defined: ${arg}`);
    else id = arg;
  }
  if (!id) return fatal(io, 'ID cannot be empty');
  const matches = runtime.listContainers().filter((c) => c.id.startsWith(id));
  if (matches.length !== 1) return fatal(io, `rpc error: code = NotFound desc = an error occurred when try to find container "${id}": not found`);
  const record = matches[0];
  const ip = runtime.sandbox(record.sandboxId)?.ip ?? '';
  const lines = containerLogLines(record, { hostname: record.podName, podIP: ip, kernel: KERNEL_VERSION, epochMs }, nowMs);
  io.out(formatLogs(lines, record.id, epochMs, { tail: tail === undefined || tail < 0 ? undefined : tail, timestamps }));
  return 0;
}
