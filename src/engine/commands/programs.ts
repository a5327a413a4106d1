import type { Program } from './shell';
import { kubectl } from '../kubectl/cmd/kubectl';
import { curl } from './curl';
import { etcdctl } from './etcdctl';
import { kubeadm } from './kubeadm';
import { openssl } from './openssl';
import { sim } from './sim';
import { ssh } from './ssh';

/** PROGRAMS is what the simulated terminal can run. */
export const PROGRAMS: Record<string, Program> = {
  curl,
  etcdctl,
  kubeadm,
  kubectl,
  openssl,
  sim,
  ssh: ssh(() => PROGRAMS),
};
