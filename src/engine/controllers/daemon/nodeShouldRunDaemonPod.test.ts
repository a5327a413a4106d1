import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Taint } from 'kubernetes-types/core/v1';
import { nodeShouldRunDaemonPod } from './nodeShouldRunDaemonPod';

const node = (name: string, labels: Record<string, string> = {}, taints: Taint[] = []): Node => ({ metadata: { name, labels }, spec: { taints } });
const ds = (spec: Partial<NonNullable<NonNullable<DaemonSet['spec']>['template']['spec']>> = {}): DaemonSet => ({
  metadata: { name: 'd', namespace: 'default' },
  spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } } },
});

// pkg/controller/daemon/daemon_controller_test.go TestNodeShouldRunDaemonPod (cases re-expressed).
describe('nodeShouldRunDaemonPod', () => {
  it('runs on any node without taints, selector or name', () => {
    expect(nodeShouldRunDaemonPod(node('n1'), ds())).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });

  it('follows the template nodeName, nodeSelector and required node affinity', () => {
    expect(nodeShouldRunDaemonPod(node('n1'), ds({ nodeName: 'n2' }))).toEqual({ shouldRun: false, shouldContinueRunning: false });
    expect(nodeShouldRunDaemonPod(node('n1', { disk: 'ssd' }), ds({ nodeSelector: { disk: 'ssd' } })).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(node('n1'), ds({ nodeSelector: { disk: 'ssd' } }))).toEqual({ shouldRun: false, shouldContinueRunning: false });
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } };
    expect(nodeShouldRunDaemonPod(node('n1', { zone: 'b' }), ds({ affinity })).shouldRun).toBe(false);
    expect(nodeShouldRunDaemonPod(node('n1', { zone: 'a' }), ds({ affinity })).shouldRun).toBe(true);
  });

  it('lets an untolerated NoSchedule taint stop new pods only, an untolerated NoExecute taint stop running ones too', () => {
    expect(nodeShouldRunDaemonPod(node('n1', {}, [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }]), ds())).toEqual({ shouldRun: false, shouldContinueRunning: true });
    expect(nodeShouldRunDaemonPod(node('n1', {}, [{ key: 'dedicated', value: 'x', effect: 'NoExecute' }]), ds())).toEqual({ shouldRun: false, shouldContinueRunning: false });
    expect(nodeShouldRunDaemonPod(node('n1', {}, [{ key: 'dedicated', value: 'x', effect: 'PreferNoSchedule' }]), ds()).shouldRun).toBe(true);
    const tolerant = ds({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'x', effect: 'NoExecute' }] });
    expect(nodeShouldRunDaemonPod(node('n1', {}, [{ key: 'dedicated', value: 'x', effect: 'NoExecute' }]), tolerant).shouldRun).toBe(true);
  });

  it('runs on cordoned and not-ready nodes through the default daemon tolerations', () => {
    expect(nodeShouldRunDaemonPod(node('n1', {}, [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), ds()).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(node('n1', {}, [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }]), ds()).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(node('n1', {}, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]), ds()).shouldRun).toBe(false);
  });
});
