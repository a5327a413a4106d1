import { describe, expect, it } from 'vitest';
import { advance, bootCluster, createPod, getPod, node, pod } from './testing/harness';

describe('readiness with a readinessProbe', () => {
  it('keeps the pod Running but not Ready until the first passing probe', () => {
    const cluster = bootCluster([node('node-1')]);
    createPod(cluster, pod('web', [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 15, periodSeconds: 10 } }]));
    advance(cluster, 10_000);
    const early = getPod(cluster, 'web')!.status!;
    expect(early.phase).toBe('Running');
    expect(early.containerStatuses?.[0]).toMatchObject({ started: true, ready: false });
    expect(early.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' });
    advance(cluster, 10_000);
    const ready = getPod(cluster, 'web')!.status!;
    expect(ready.containerStatuses?.[0].ready).toBe(true);
    expect(ready.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });
});
