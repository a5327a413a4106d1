import { describe, it, expect } from 'vitest';
import { retryWarnLine } from './errors';
import { loadCase } from './testdata/loadCase';

describe('retryWarnLine', () => {
  it('matches the warning etcdctl 3.4 logs for endpoint status on a closed port', () => {
    const golden = loadCase('unreachable_endpoint_status').stderr.split('\n')[0];
    const ts = (JSON.parse(golden) as { ts: string }).ts;
    const line = retryWarnLine({ nowMs: 0, epochMs: Date.parse(ts), endpoint: 'http://127.0.0.1:2399', rpc: 'status' });
    expect(line).toBe(golden);
  });

  it('matches the balancer warning of other commands, up to the client uuid', () => {
    const golden = loadCase('unreachable_get').stderr.split('\n')[0];
    const ts = (JSON.parse(golden) as { ts: string }).ts;
    const line = retryWarnLine({ nowMs: 0, epochMs: Date.parse(ts), endpoint: 'http://127.0.0.1:2399', rpc: 'balanced' });
    const uuid = /client-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\//;
    expect(line).toMatch(uuid);
    expect(line.replace(uuid, 'client-UUID/')).toBe(golden.replace(uuid, 'client-UUID/'));
  });

  it('is deterministic', () => {
    const input = { nowMs: 1234, endpoint: '127.0.0.1:2379', rpc: 'balanced' as const };
    expect(retryWarnLine(input)).toBe(retryWarnLine(input));
    expect(retryWarnLine(input)).toContain('"ts":"2025-01-01T00:00:01.234Z"');
  });
});
