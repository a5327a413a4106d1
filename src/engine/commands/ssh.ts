// `ssh NODE [COMMAND]` from the terminal to one of the cluster's machines, as kubeadm labs let
// learners do to check a NotReady node (`ssh node-1 curl localhost:10248/healthz`). The command runs
// in that machine's bash: its own files (/etc/kubernetes/manifests is its kubelet's, its PKI),
// its own localhost for curl, and no admin.conf on a worker, so kubectl there answers
// as an unconfigured kubectl does.
import type { Task } from '../sim/task';
import { runLine } from './bash/interpreter';
import type { CommandIO } from './process';
import type { Program } from './shell';
import type { ShellEnv } from './shellEnv';

/** Options that take a value (OpenSSH's getopt string: -b -c -D -E -e -F -I -i -J -L -l -m -O -o -p -Q -R -S -W -w). */
const VALUE_OPTIONS = new Set('bcDEeFIiJLlmOopQRSWw'.split(''));

const USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
           [-J destination] [-L address] [-l login_name] [-m mac_spec]
           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
           destination [command [argument ...]]
`;

/**
 * ssh runs a command line on another machine: the words after the destination joined by spaces,
 * as OpenSSH sends them to the remote shell. Without a command, the remote shell reads the
 * script on stdin (`ssh node-1 <<EOF`); the app's terminal opens an interactive ssh session and
 * sends each typed line as `ssh NODE 'LINE'`.
 */
export function ssh(programs: () => Record<string, Program>): Program {
  return function* (env: ShellEnv, argv: string[], io: CommandIO): Task<number> {
    const parsed = parseArgs(argv);
    if (!parsed) {
      io.err(USAGE);
      return 255;
    }
    const host = parsed.destination.replace(/^[^@]*@/, '');
    const machine = env.machine?.(host);
    if (!machine) {
      io.err(`ssh: Could not resolve hostname ${host}: Name or service not known\n`);
      return 255;
    }
    let line = parsed.command.join(' ');
    if (parsed.command.length === 0) {
      if (!io.tty) io.err('Pseudo-terminal will not be allocated because stdin is not a terminal.\n');
      line = io.stdin;
    }
    const remote: ShellEnv = { ...env, shell: machine.session, ...(machine.controlPlane ? {} : { kubeconfig: { get: () => NO_KUBECONFIG, set: () => {} } }) };
    const status = yield* runLine({ env: remote, programs: machine.controlPlane ? programs() : withoutControlPlaneTools(programs()), session: machine.session, io }, line, parsed.command.length === 0 && io.tty);
    machine.session.lastExit = status;
    return status;
  };
}

/** A worker has no admin.conf: kubectl falls back to client-go's empty config (localhost:8080). */
const NO_KUBECONFIG = { currentContext: '', clusters: [], users: [], contexts: [] };

/** withoutControlPlaneTools: a worker has no etcdctl (kubeadm installs none; k8sim's control-plane terminal has one). */
function withoutControlPlaneTools(programs: Record<string, Program>): Record<string, Program> {
  const { etcdctl: _etcdctl, ...rest } = programs;
  return rest;
}

function parseArgs(argv: string[]): { destination: string; command: string[] } | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return argv[i + 1] ? { destination: argv[i + 1], command: argv.slice(i + 2) } : undefined;
    if (!arg.startsWith('-') || arg === '-') return { destination: arg, command: argv.slice(i + 1) };
    // Flags cluster (`-tt`, `-qT`); a value option takes the rest of the word or the next one.
    for (let j = 1; j < arg.length; j++) {
      if (!VALUE_OPTIONS.has(arg[j])) continue;
      if (j === arg.length - 1) i++;
      break;
    }
  }
  return undefined;
}
