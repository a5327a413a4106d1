import type { Program } from './shell';
import { etcdctl } from './etcdctl';
import { sim } from './sim';

/** PROGRAMS is what the simulated terminal can run. */
export const PROGRAMS: Record<string, Program> = {
  etcdctl,
  sim,
};
