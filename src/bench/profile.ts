import { Session } from 'node:inspector';

/** ProfileNode/CpuProfile: the parts of V8's Profiler.Profile the summary reads. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  area: string;
  share: number;
}

/**
 * profiled runs `work` under V8's sampling CPU profiler (node:inspector, in process) and returns
 * its result with where the time went: self time per engine area (the folder under src/engine,
 * named after the Kubernetes component it simulates), garbage collection and everything else.
 * Self time sums to 100%, so the areas can be compared directly.
 */
export function profiled<T>(work: () => T): { result: T; shares: ProfileShare[] } {
  const session = new Session();
  session.connect();
  let profile: CpuProfile | undefined;
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  const result = work();
  session.post('Profiler.stop', (error, answer) => {
    if (!error) profile = answer.profile as unknown as CpuProfile;
  });
  session.disconnect();
  return { result, shares: profile ? selfTimeByArea(profile) : [] };
}

/** selfTimeByArea sums the sampled self time of every frame by the area its file belongs to. */
export function selfTimeByArea(profile: CpuProfile): ProfileShare[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byArea = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const area = areaOf(nodes.get(id)!.callFrame);
    byArea.set(area, (byArea.get(area) ?? 0) + dt);
  });
  return [...byArea]
    .map(([area, t]) => ({ area, share: total ? t / total : 0 }))
    .sort((a, b) => b.share - a.share);
}

/**
 * areaOf names a frame's area: the top folder under src/engine (`kubelet`, `scheduler`, `etcd`,
 * `controllers` = kube-controller-manager's controllers, `client` = client-go's informers and
 * workqueues, `api` = object helpers, `sim` = clock, tasks and futures), the apiserver split by stage.
 */
export function areaOf(frame: { functionName: string; url: string }): string {
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  const match = /\/src\/engine\/([^/]+)(?:\/([^/]+)\/)?/.exec(frame.url);
  if (!match) return frame.url.includes('/src/bench/') ? 'benchmark harness' : 'other (runtime, idle, module loading)';
  const [, top, sub] = match;
  return top === 'apiserver' && sub ? `${top}/${sub}` : top.replace(/\.ts$/, '');
}
