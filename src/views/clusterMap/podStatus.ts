import type { PodTone } from '../../player/clusterView';

export type { PodTone };

const FAILING = /BackOff|Err|Error|OOMKilled|Failed|Invalid|Evicted|ContainerStatusUnknown|CreateContainerConfigError/;

/**
 * podTone classifies a STATUS cell (`Running`, `ContainerCreating`, `CrashLoopBackOff`, `Init:0/1`,
 * ...). A Failed pod is failing whatever its containers say (an evicted pod's nginx exited 0, so
 * its STATUS reads Completed).
 */
export function podTone(status: string, ready: string, phase?: string): PodTone {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Unknown') return 'unknown';
  if (FAILING.test(status) || phase === 'Failed') return 'failing';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (status === 'Running') {
    const [have, want] = ready.split('/').map(Number);
    return have === want ? 'running' : 'progress';
  }
  return 'progress';
}

/** TONE_CLASSES are the chip colours (Tailwind), readable in light and dark themes. */
export const TONE_CLASSES: Record<PodTone, string> = {
  running: 'bg-emerald-500 text-white',
  progress: 'bg-amber-400 text-slate-900',
  failing: 'bg-rose-600 text-white',
  done: 'bg-sky-500 text-white',
  terminating: 'bg-slate-400 text-slate-900',
  unknown: 'bg-violet-500 text-white',
};
