import { describe, it, expect } from 'vitest';
import { pullDurationMs, DEFAULT_PULL_MODEL } from './pullTime';
import { humanSize } from './humanSize';
import { renderLogLines } from './logs';
import { formatCatalogTable, listCatalog } from './listing';
import { pulledImageMessage, imagePullBackOffWaitingMessage } from './events';
import { piDigits } from './piDigits';
import { resolveImage } from './resolve';
import { planContainerRun } from './runPlan';

describe('pullDurationMs', () => {
  it('is whole milliseconds, grows with size and layers, and falls with bandwidth', () => {
    const nginx = pullDurationMs(67_665_983, 7);
    expect(Number.isInteger(nginx)).toBe(true);
    // Real kind nodes pulled nginx:1.25 in 1.264s and agnhost:2.39 (127 MB) in 2.9–8.5 s.
    expect(nginx).toBeGreaterThan(1000);
    expect(nginx).toBeLessThan(3000);
    expect(pullDurationMs(126_872_991, 5)).toBeGreaterThan(nginx);
    expect(pullDurationMs(67_665_983, 7, { ...DEFAULT_PULL_MODEL, bandwidthBytesPerSec: 10_000_000 })).toBeGreaterThan(6000);
    expect(pullDurationMs(320_368, 1)).toBeLessThan(500);
  });
});

describe('humanSize', () => {
  // The SIZE column of `crictl images` on real nodes (testdata quoted in the catalog comments).
  it.each([
    [320_368, '320kB'],
    [18_562_039, '18.6MB'],
    [67_665_983, '67.7MB'],
    [164_030_864, '164MB'],
    [999, '999B'],
    [999_999, '1e+03kB'],
  ])('prints %d as %s', (size, text) => {
    expect(humanSize(size)).toBe(text);
  });
});

describe('kubelet image messages', () => {
  it('prints the Pulled event as kubelet 1.32 does', () => {
    // Real event: Successfully pulled image "nginx:1.14.2" in 6.323s (6.323s including waiting). Image size: 44710204 bytes.
    expect(pulledImageMessage('nginx:1.14.2', 6323, 6323, 44_710_204)).toBe(
      'Successfully pulled image "nginx:1.14.2" in 6.323s (6.323s including waiting). Image size: 44710204 bytes.',
    );
    expect(pulledImageMessage('busybox:latest', 459, 459, 2_236_931)).toBe(
      'Successfully pulled image "busybox:latest" in 459ms (459ms including waiting). Image size: 2236931 bytes.',
    );
  });

  it('prints the ImagePullBackOff waiting message', () => {
    const failure = resolveImage('nginxxxxx:latesttttt');
    expect(failure.ok).toBe(false);
    if (failure.ok) return;
    expect(imagePullBackOffWaitingMessage('nginxxxxx:latesttttt', failure.error)).toBe(
      'Back-off pulling image "nginxxxxx:latesttttt": ErrImagePull: failed to pull and unpack image "docker.io/library/nginxxxxx:latesttttt": failed to resolve reference "docker.io/library/nginxxxxx:latesttttt": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });
});

describe('renderLogLines', () => {
  it('fills timestamps, names and the kernel', () => {
    const image = resolveImage('nginx:1.27.3');
    if (!image.ok) throw new Error(image.error);
    const lines = renderLogLines(planContainerRun(image).behavior.logs, { startedAtMs: 5000, hostname: 'web-0', podIP: '10.244.1.5' });
    expect(lines.at(-7)).toEqual({ timeMs: 5040, stream: 'stderr', text: '2025/01/01 00:00:05 [notice] 1#1: nginx/1.27.3' });
    expect(lines.at(-5)?.text).toBe('2025/01/01 00:00:05 [notice] 1#1: OS: Linux 6.8.0-51-generic');
  });
});

describe('listCatalog', () => {
  it('lists every repository with its default tag', () => {
    const rows = listCatalog();
    const nginx = rows.find((r) => r.image === 'nginx');
    expect(nginx?.defaultTag).toBe('latest');
    expect(rows.find((r) => r.image === 'registry.k8s.io/pause')?.defaultTag).toBe('3.10');
    const table = formatCatalogTable(rows);
    expect(table.split('\n')[0]).toMatch(/^IMAGE\s+TAGS\s+SIZE\s+PULL-TIME$/);
    expect(table).toMatch(/^nginx\s+1\.14\.2,1\.14,.*\(\+\d+ more\)\s+68\.5MB \(latest\)\s+\d+(\.\d+)?m?s$/m);
  });
});

describe('piDigits', () => {
  it('rounds in the last place like Math::BigFloat', () => {
    expect(piDigits(10)).toBe('3.141592654');
    expect(piDigits(5)).toBe('3.1416');
  });
});
