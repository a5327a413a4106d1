// `kubeadm` on the cluster's machines: `certs check-expiration` and `certs renew` over the
// certificates `kubeadm init` issued (cmd/kubeadm/app/cmd/certs.go), and `version`. The rest of
// kubeadm (init, join, upgrade, reset, token) changes machines k8sim builds itself, so it answers
// that it is not simulated.
import { MONTHS } from '../go/timeNames';
import { VERSION_INFO } from '../kubectl/cmd/discovery';
import { formatTabbed } from '../kubectl/printers/table/tabwriter';
import { shortHumanDuration } from '../kubectl/printers/humanDuration';
import { CAS, CERTIFICATES, datesOf, renewed, type PkiState } from '../kubeadm/certs/certificates';
import type { Task } from '../sim/task';
import { wait } from '../sim/task';
import type { CommandIO } from './process';
import type { ShellEnv } from './shellEnv';


export function* kubeadm(env: ShellEnv, argv: string[], io: CommandIO): Task<number> {
  const words = argv.filter((a) => !a.startsWith('-'));
  const [group, verb, target] = words;
  if (group === 'version') {
    // kubeadm is built from the same release commit as kubectl and the apiserver.
    const v = VERSION_INFO;
    io.out(argv.includes('-oshort') || argv.includes('--output=short') || argv.join(' ').includes('-o short') ? `${v.gitVersion}\n` : `kubeadm version: &version.Info{Major:"${v.major}", Minor:"${v.minor}", GitVersion:"${v.gitVersion}", GitCommit:"${v.gitCommit}", GitTreeState:"${v.gitTreeState}", BuildDate:"${v.buildDate}", GoVersion:"${v.goVersion}", Compiler:"${v.compiler}", Platform:"${v.platform}"}\n`);
    return 0;
  }
  if (group !== 'certs') {
    if (!group) io.err('Error: "kubeadm" needs a command: k8sim simulates kubeadm certs check-expiration|renew and kubeadm version\n');
    else io.err(`Error: "kubeadm ${group}" is not simulated by k8sim (it simulates kubeadm certs check-expiration|renew and kubeadm version)\n`);
    return 1;
  }
  const pki = env.pki;
  const machine = env.shell && env.machine?.(env.shell.hostname);
  // A worker has none of kubeadm's control-plane certificates, only the cluster CA (kubelet's trust anchor).
  const controlPlane = (machine?.controlPlane ?? true) && pki !== undefined;
  if (verb === 'check-expiration') {
    yield* readConfig(env, io, 'check-expiration', controlPlane);
    io.out(expirationTable(pki?.get(), env, controlPlane));
    return 0;
  }
  if (verb === 'renew') {
    const names = target === 'all' ? CERTIFICATES.map((c) => c.name) : CERTIFICATES.filter((c) => c.name === target).map((c) => c.name);
    if (names.length === 0) {
      io.err(target ? `error: unknown command "${target}" for "kubeadm certs renew"\nTo see the stack trace of this error execute with --v=5 or higher\n` : 'error: missing subcommand; "renew" is not meant to be run on its own\nTo see the stack trace of this error execute with --v=5 or higher\n');
      return 1;
    }
    yield* readConfig(env, io, 'renew', controlPlane);
    for (const name of names) {
      const spec = CERTIFICATES.find((c) => c.name === name)!;
      io.out(controlPlane ? `${spec.longName} renewed\n` : `MISSING! ${spec.longName}\n`);
    }
    if (controlPlane && pki) pki.set(renewed(pki.get(), names, env.sim.nowMs));
    if (target === 'all') io.out('\nDone renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and etcd, so that they can use the new certificates.\n');
    return 0;
  }
  io.err(verb ? `error: unknown command "${verb}" for "kubeadm certs"\nTo see the stack trace of this error execute with --v=5 or higher\n` : 'error: missing subcommand; "certs" is not meant to be run on its own\nTo see the stack trace of this error execute with --v=5 or higher\n');
  return 1;
}

/**
 * readConfig is getInternalCfg: with admin.conf (a control-plane node), kubeadm reads its
 * ClusterConfiguration from the kubeadm-config ConfigMap, or falls back to defaults.
 */
function* readConfig(env: ShellEnv, io: CommandIO, prefix: string, controlPlane: boolean): Task<void> {
  if (!controlPlane) return;
  io.out(`[${prefix}] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[${prefix}] Use 'kubeadm init phase upload-config --config your-config.yaml' to re-upload it.\n`);
  const config = yield* wait(env.client.get('configmaps', 'kube-system', 'kubeadm-config'));
  io.out(config.ok ? '\n' : `[${prefix}] Error reading configuration from the Cluster. Falling back to default configuration\n\n`);
}

function expirationTable(state: PkiState | undefined, env: ShellEnv, controlPlane: boolean): string {
  const nowMs = env.sim.nowMs;
  const cell = (name: string) => {
    const dates = datesOf(state ?? { initMs: nowMs, issuedMs: {} }, name);
    return `${expires(dates.notAfterMs + env.epochMs)}\t${shortHumanDuration(dates.notAfterMs - nowMs)}`;
  };
  const rows = ['CERTIFICATE\tEXPIRES\tRESIDUAL TIME\tCERTIFICATE AUTHORITY\tEXTERNALLY MANAGED'];
  for (const cert of CERTIFICATES) rows.push(controlPlane ? `${cert.name}\t${cell(cert.name)}\t${cert.caName}\t${'no'.padEnd(8)}` : `!MISSING! ${cert.name}\t\t\t\t`);
  rows.push('', 'CERTIFICATE AUTHORITY\tEXPIRES\tRESIDUAL TIME\tEXTERNALLY MANAGED');
  for (const ca of CAS) rows.push(controlPlane || ca.name === 'ca' ? `${ca.name}\t${cell(ca.name)}\t${'no'.padEnd(8)}` : `!MISSING! ${ca.name}\t\t\t`);
  return formatTabbed(`${rows.join('\n')}\n`, { minWidth: 10, padding: 3 });
}

/** expires formats Go's "Jan 02, 2006 15:04 MST" in UTC. */
function expires(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())}, ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}
