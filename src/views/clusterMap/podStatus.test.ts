import { describe, expect, it } from 'vitest';
import { podTone } from './podStatus';

describe('podTone', () => {
  it.each([
    ['Running', '1/1', 'running'],
    ['Running', '0/1', 'progress'],
    ['ContainerCreating', '0/1', 'progress'],
    ['Pending', '0/1', 'progress'],
    ['Init:0/1', '0/1', 'progress'],
    ['CrashLoopBackOff', '0/1', 'failing'],
    ['ImagePullBackOff', '0/1', 'failing'],
    ['ErrImagePull', '0/1', 'failing'],
    ['OOMKilled', '0/1', 'failing'],
    ['Error', '0/1', 'failing'],
    ['Completed', '0/1', 'done'],
    ['Terminating', '1/1', 'terminating'],
    ['Unknown', '1/1', 'unknown'],
  ])('%s %s → %s', (status, ready, tone) => {
    expect(podTone(status, ready)).toBe(tone);
  });

  it('tones a Failed pod failing even when its containers exited 0 (an evicted pod reads Completed)', () => {
    expect(podTone('Completed', '0/1', 'Failed')).toBe('failing');
    expect(podTone('Completed', '0/1', 'Succeeded')).toBe('done');
  });
});
