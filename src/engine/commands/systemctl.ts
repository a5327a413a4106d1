// `systemctl` on a cluster machine (systemd 255, Ubuntu 24.04): status, start, stop, restart,
// is-active, is-enabled, enable and daemon-reload for the two units kubeadm's nodes run,
// kubelet.service and containerd.service. The seeds' NotReady runbook uses exactly these:
// `systemctl status kubelet`, `systemctl status containerd`, `systemctl restart kubelet`.
import type { Task } from '../sim/task';
import { hostServices, NO_SYSTEMD } from '../systemd/hostServices';
import { unitStatus } from '../systemd/unitStatus';
import { findUnit, type MachineServices, type ServiceUnit } from '../systemd/units';
import type { CommandIO } from './process';
import type { ShellEnv } from './shellEnv';

const VERBS = new Set(['status', 'start', 'stop', 'restart', 'reload-or-restart', 'try-restart', 'is-active', 'is-enabled', 'enable', 'disable', 'daemon-reload', 'list-units']);
/** Options that change nothing here (no pager, no ellipsis in a simulated terminal). */
const IGNORED = new Set(['--no-pager', '-l', '--full', '-q', '--quiet', '--now', '--no-legend', '--type=service', '--all', '-a']);

export function* systemctl(env: ShellEnv, argv: string[], io: CommandIO): Task<number> {
  let lines = 10;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-n' || arg === '--lines') lines = Number(argv[++i]);
    else if (/^(-n|--lines=)\d+$/.test(arg)) lines = Number(arg.replace(/^(-n|--lines=)/, ''));
    else if (IGNORED.has(arg)) continue;
    else if (arg.startsWith('-')) {
      io.err(`systemctl: unrecognized option '${arg}'\n`);
      return 1;
    } else words.push(arg);
  }
  const [verb = 'list-units', ...names] = words;
  if (!VERBS.has(verb)) {
    io.err(`Unknown command verb '${verb}'.\n`);
    return 1;
  }
  const services = hostServices(env);
  if (!services) {
    io.err(NO_SYSTEMD);
    return 1;
  }
  if (verb === 'daemon-reload') return 0;
  if (verb === 'list-units') return listUnits(services, io);
  if (names.length === 0 && verb !== 'status') {
    io.err(`Too few arguments.\n`);
    return 1;
  }
  const units = names.length > 0 ? names : services.units.map((u) => u.file.name);
  let exit = 0;
  for (const [index, name] of units.entries()) {
    const unit = findUnit(services, name);
    const full = name.includes('.') ? name : `${name}.service`;
    const code = verbOn(verb, unit, full, services, env, io, lines, index);
    if (code !== 0 && exit === 0) exit = code;
  }
  return exit;
}

function verbOn(verb: string, unit: ServiceUnit | undefined, full: string, services: MachineServices, env: ShellEnv, io: CommandIO, lines: number, index: number): number {
  switch (verb) {
    case 'status':
      if (!unit) {
        io.err(`Unit ${full} could not be found.\n`);
        return 4;
      }
      io.out((index > 0 ? '\n' : '') + unitStatus(services, unit, env.sim.nowMs, env.epochMs, lines));
      return unit.process.active ? 0 : 3;
    case 'is-active':
      io.out(unit?.process.active ? 'active\n' : 'inactive\n');
      return unit?.process.active ? 0 : 3;
    case 'is-enabled':
      if (!unit) {
        io.err(`Failed to get unit file state for ${full}: No such file or directory\n`);
        return 1;
      }
      io.out('enabled\n');
      return 0;
    case 'enable':
      if (!unit) {
        io.err(`Failed to enable unit: Unit file ${full} does not exist.\n`);
        return 1;
      }
      return 0;
    case 'disable':
      io.err(`systemctl: k8sim does not simulate disabling units (they only matter at the next boot)\n`);
      return 1;
    default:
      if (!unit) {
        io.err(`Failed to ${verb} ${full}: Unit ${full} not found.\n`);
        return 5;
      }
      if (verb === 'stop') unit.stop();
      else if (verb === 'start') unit.start();
      else if (verb !== 'try-restart' || unit.process.active) {
        unit.stop();
        unit.start();
      }
      return 0;
  }
}

/** listUnits is `systemctl list-units --type=service` for the simulated units. */
function listUnits(services: MachineServices, io: CommandIO): number {
  const rows = services.units.map((u) => [u.file.name, 'loaded', u.process.active ? 'active' : 'inactive', u.process.active ? 'running' : 'dead', u.file.description]);
  const widths = [4, 4, 6, 3].map((min, col) => Math.max(min, ...rows.map((r) => r[col].length)));
  const line = (r: string[]) => `  ${r.slice(0, 4).map((c, i) => c.padEnd(widths[i])).join(' ')} ${r[4]}`.trimEnd();
  io.out(`${line(['UNIT', 'LOAD', 'ACTIVE', 'SUB', 'DESCRIPTION'])}\n${rows.map(line).join('\n')}\n\nLegend: LOAD   → Reflects whether the unit definition was properly loaded.\n        ACTIVE → The high-level unit activation state, i.e. generalization of SUB.\n        SUB    → The low-level unit activation state, values depend on unit type.\n\n${rows.length} loaded units listed.\n`);
  return 0;
}
