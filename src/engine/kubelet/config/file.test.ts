import { describe, expect, it } from 'vitest';
import { kubeSchedulerPod } from '../../kubeadm/staticPods';
import { SourceFile } from './file';

describe('the manifest directory (file source)', () => {
  it('names, binds and hashes a static pod: its UID is the config hash, the same after the file moved out and back', () => {
    const dir = new SourceFile([kubeSchedulerPod()], 'control-plane', 0);
    const [first] = dir.pods(1_000);
    expect(first.metadata.name).toBe('kube-scheduler-control-plane');
    expect(first.metadata.uid).toMatch(/^[0-9a-f]{32}$/);
    expect(first.metadata.annotations).toMatchObject({ 'kubernetes.io/config.hash': first.metadata.uid, 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.seen': '1970-01-01T00:00:01.000000000Z' });
    expect(first.spec?.nodeName).toBe('control-plane');
    expect(first.spec?.tolerations).toEqual([{ operator: 'Exists', effect: 'NoExecute' }]);
    // Decoded with the API defaults, as the kubelet reads a manifest.
    expect(first.spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst' });
    expect(dir.pods(2_000)[0]).toBe(first);

    expect(dir.moveOut('kube-scheduler')).toBe(true);
    expect(dir.moveOut('kube-scheduler')).toBe(false);
    expect(dir.pods(3_000)).toEqual([]);
    expect(dir.moveBack('kube-scheduler')).toBe(true);
    const [again] = dir.pods(4_000);
    expect(again.metadata.uid).toBe(first.metadata.uid);
    expect(again.metadata.annotations?.['kubernetes.io/config.seen']).toBe('1970-01-01T00:00:04.000000000Z');
    expect(dir.moveBack('kube-apiserver')).toBe(false);
  });

  it('gives the same manifest a different UID on another node', () => {
    const [a] = new SourceFile([kubeSchedulerPod()], 'control-plane', 0).pods(0);
    const [b] = new SourceFile([kubeSchedulerPod()], 'control-plane-2', 0).pods(0);
    expect(a.metadata.uid).not.toBe(b.metadata.uid);
  });
});
