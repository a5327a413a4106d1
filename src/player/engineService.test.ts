import { describe, expect, it } from 'vitest';
import { EngineService } from './engineService';
import type { FromEngine } from './protocol';
import { defaultSession } from './session';

function service(): { svc: EngineService; messages: FromEngine[] } {
  const messages: FromEngine[] = [];
  const svc = new EngineService((m) => messages.push(m), { now: () => 0, every: () => () => undefined });
  return { svc, messages };
}

const last = <T extends FromEngine['type']>(messages: FromEngine[], type: T) => messages.filter((m): m is Extract<FromEngine, { type: T }> => m.type === type).pop()!;

describe('EngineService', () => {
  it('forks the timeline when a command is typed in the past: later steps are discarded', () => {
    const { svc, messages } = service();
    svc.handle({ type: 'open', session: defaultSession(), source: 'default' });
    svc.handle({ type: 'run', line: 'kubectl create deployment a --image=nginx', atMs: 1000 });
    svc.handle({ type: 'advance', atMs: 5000 });
    svc.handle({ type: 'run', line: 'kubectl create deployment b --image=nginx', atMs: 6000 });
    svc.handle({ type: 'advance', atMs: 8000 });
    svc.handle({ type: 'run', line: 'kubectl get deployments', atMs: 3000 });
    const reset = last(messages, 'reset');
    expect(reset.session!.spec.steps.map((s) => [s.at, s.run])).toEqual([
      [1000, 'kubectl create deployment a --image=nginx'],
      [3000, 'kubectl get deployments'],
    ]);
    expect(reset.headMs).toBe(3000);
    expect(reset.snapshots[reset.snapshots.length - 1].t).toBe(3000);
  });

  it('reports a scenario that does not validate, naming the field', () => {
    const { svc, messages } = service();
    svc.handle({ type: 'open', text: 'apiVersion: k8sim.dev/v1alpha1\nkind: Scenario\nmetadata: {name: x}\nspec: {steps: [{at: 5x, run: ls}]}\n', fileName: 'bad.yaml', source: 'import' });
    expect(last(messages, 'error')).toEqual({ type: 'error', source: 'import', message: 'bad.yaml: spec.steps[0].at: invalid duration "5x" (write it with a unit: 500ms, 30s, 2m, 1h)' });
  });

  it('exports the session as scenario YAML that loads back', () => {
    const { svc, messages } = service();
    svc.handle({ type: 'open', session: defaultSession(), source: 'default' });
    svc.handle({ type: 'run', line: 'kubectl get nodes', atMs: 2500 });
    svc.handle({ type: 'export', purpose: 'download' });
    const exported = last(messages, 'exported');
    expect(exported.yaml).toContain('at: 2.5s');
    const { svc: again, messages: more } = service();
    again.handle({ type: 'open', text: exported.yaml, fileName: 'k8sim-session.yaml', source: 'import' });
    expect(last(more, 'reset').session!.spec.steps).toEqual([{ at: 2500, run: 'kubectl get nodes' }]);
  });

  it('plays at most 200 ms of wall per frame: a held-up worker falls behind instead of skipping ahead', () => {
    const messages: FromEngine[] = [];
    let now = 0;
    let tick: () => void = () => undefined;
    const svc = new EngineService((m) => messages.push(m), { now: () => now, every: (_ms, fn) => ((tick = fn), () => undefined) });
    svc.handle({ type: 'open', session: defaultSession(), source: 'default' });
    const start = last(messages, 'reset').headMs;
    svc.handle({ type: 'play', speed: 0.1 });
    const headAfter = (wallMs: number) => {
      now += wallMs;
      tick();
      return last(messages, 'frame').headMs;
    };
    expect(headAfter(50)).toBe(start + 5); // a normal frame: 50 ms × 0.1
    expect(headAfter(3000)).toBe(start + 25); // held up 3 s: plays 200 ms × 0.1, not 300 ms of sim
  });
});
