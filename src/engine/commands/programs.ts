import type { Program } from './shell';
import { kubectl } from '../kubectl/cmd/kubectl';
import { crictl } from './crictl';
import { curl } from './curl';
import { iptablesCommand, iptablesSaveCommand, ipvsadmCommand } from './iptables';
import { etcdctl } from './etcdctl';
import { journalctl } from './journalctl';
import { kubeadm } from './kubeadm';
import { openssl } from './openssl';
import { sim } from './sim';
import { ssh } from './ssh';
import { systemctl } from './systemctl';
import { vi } from './vi';

/** PROGRAMS is what the simulated terminal can run. */
export const PROGRAMS: Record<string, Program> = {
  crictl,
  curl,
  etcdctl,
  iptables: iptablesCommand,
  'iptables-save': iptablesSaveCommand,
  ipvsadm: ipvsadmCommand,
  journalctl,
  kubeadm,
  kubectl,
  openssl,
  sim,
  ssh: ssh(() => PROGRAMS),
  systemctl,
  vi,
  vim: (env, argv, io) => vi(env, argv, io, 'vim'),
  nano: (env, argv, io) => vi(env, argv, io, 'nano'),
};
