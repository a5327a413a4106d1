import type { Program } from './shell';
import { kubectl } from '../kubectl/cmd/kubectl';
import { curl } from './curl';
import { etcdctl } from './etcdctl';
import { sim } from './sim';
import { ssh } from './ssh';

/** PROGRAMS is what the simulated terminal can run. */
export const PROGRAMS: Record<string, Program> = {
  curl,
  etcdctl,
  kubectl,
  sim,
  ssh: ssh(() => PROGRAMS),
};
