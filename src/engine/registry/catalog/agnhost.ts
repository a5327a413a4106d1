// What agnhost's subcommands do (kubernetes test/images/agnhost): which ports they open and
// what they print. Only the subcommands tutorials use are modelled.
import type { CommandBehavior, ContainerPort } from '../types';
import { MiB, lines, serve, tcp } from './build';

/** flagValue reads `--name=value` or `--name value` from argv. */
export function flagValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
    if (argv[i] === `--${name}` && i + 1 < argv.length) return argv[i + 1];
  }
  return undefined;
}

function netexecPorts(argv: string[]): { http: number; udp: number } {
  return { http: Number(flagValue(argv, 'http-port') ?? 8080), udp: Number(flagValue(argv, 'udp-port') ?? 8081) };
}

export const AGNHOST_COMMANDS: CommandBehavior[] = [
  {
    // netexec: HTTP (and UDP) echo/exec server. Its start lines come from klog via log.Printf;
    // the UDP line has two spaces because the bind address (empty by default) is printed too.
    match: ['agnhost', 'netexec'],
    behavior: (argv) => {
      const { http, udp } = netexecPorts(argv);
      const ports: ContainerPort[] = tcp(http);
      const logs = lines(10, 'stderr', `{{ts:klog}}       1 log.go:194] Started HTTP server on port ${http}`);
      if (udp !== -1) {
        ports.push({ port: udp, protocol: 'UDP' });
        logs.push(...lines(10, 'stderr', `{{ts:klog}}       1 log.go:194] Started UDP server on port  ${udp}`));
      }
      return serve(ports, 9 * MiB, logs, 50);
    },
  },
  { match: ['agnhost', 'pause'], behavior: () => serve([], 2 * MiB, lines(0, 'stdout', 'Paused'), 10, { cpuMillicores: 0 }) },
  {
    // liveness: /healthz answers 200 for the first 10 s, then 500 (the liveness probe task).
    match: ['agnhost', 'liveness'],
    behavior: () => serve(tcp(8080), 6 * MiB, [], 50, { healthyForMs: 10_000 }),
  },
  {
    match: ['agnhost', 'serve-hostname'],
    behavior: (argv) => {
      const port = Number(flagValue(argv, 'port') ?? 9376);
      return serve(tcp(port), 5 * MiB, lines(0, 'stderr', `{{ts:klog}}       1 log.go:194] Serving on port ${port}.`), 20);
    },
  },
  { match: ['agnhost', 'test-webserver'], behavior: (argv) => serve(tcp(Number(flagValue(argv, 'port') ?? 80)), 5 * MiB, [], 20) },
];
