import { describe, expect, it } from 'vitest';
import { checksOf, serveHealth } from './healthz';

// k8s.io/apiserver pkg/server/healthz/healthz.go (handleRootHealth), v1.32.
describe('healthz', () => {
  it('answers ok, or every check with ?verbose', () => {
    expect(serveHealth('healthz', '', new URLSearchParams(''), true)).toEqual({ code: 200, body: 'ok' });
    const verbose = serveHealth('readyz', '', new URLSearchParams('verbose'), true);
    expect(verbose.body.startsWith('[+]ping ok\n[+]log ok\n[+]etcd ok\n[+]etcd-readiness ok\n[+]informer-sync ok\n[+]poststarthook/start-apiserver-admission-initializer ok\n')).toBe(true);
    expect(verbose.body.endsWith('[+]poststarthook/apiservice-openapiv3-controller ok\n[+]shutdown ok\nreadyz check passed\n')).toBe(true);
    expect(checksOf('healthz')).not.toContain('shutdown');
  });

  it('fails the etcd checks without an etcd leader, listing every check', () => {
    const down = serveHealth('readyz', '', new URLSearchParams(''), false);
    expect(down.code).toBe(500);
    expect(down.body).toContain('[-]etcd failed: reason withheld\n[-]etcd-readiness failed: reason withheld\n');
    expect(down.body.endsWith('readyz check failed\n')).toBe(true);
    expect(serveHealth('readyz', '', new URLSearchParams('exclude=etcd&exclude=etcd-readiness'), false).code).toBe(200);
  });

  it('answers one named check, 404 for an unknown one', () => {
    expect(serveHealth('readyz', 'ping', new URLSearchParams(''), false)).toEqual({ code: 200, body: 'ok' });
    expect(serveHealth('livez', 'etcd', new URLSearchParams(''), false).code).toBe(500);
    expect(serveHealth('livez', 'nope', new URLSearchParams(''), true)).toEqual({ code: 404, body: '404 page not found\n' });
  });
});
