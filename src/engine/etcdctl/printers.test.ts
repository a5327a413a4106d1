import { describe, it, expect } from 'vitest';
import { decimalToHex, fromBase64, loadCase, parseGoJson } from './testdata/loadCase';
import { printGet, printPut } from './printKv';
import { printMemberList } from './printMember';
import { printEndpointHealth, printEndpointStatus } from './printEndpoint';
import { parseGoDuration } from '../registry/goDuration';
import type { EndpointHealth, EndpointStatusResult, KeyValue, MemberListResponse, RangeResponse, ResponseHeader } from './types';

// The goldens are real etcdctl 3.4.23 output (src/tools/fixtures/etcd/make-fixtures.sh). Inputs
// are decoded from the JSON the same run printed, then every format is rendered again.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function header(h: Json): ResponseHeader {
  return {
    clusterId: decimalToHex(h.cluster_id ?? 0),
    memberId: decimalToHex(h.member_id ?? 0),
    revision: h.revision ?? 0,
    raftTerm: h.raft_term ?? 0,
  };
}

function rangeFrom(caseName: string): RangeResponse {
  const json = parseGoJson(loadCase(caseName).stdout) as Json;
  const kvs: KeyValue[] = (json.kvs ?? []).map((kv: Json) => ({
    key: fromBase64(kv.key),
    value: kv.value === undefined ? '' : fromBase64(kv.value),
    createRevision: kv.create_revision,
    modRevision: kv.mod_revision,
    version: kv.version,
  }));
  return { header: header(json.header), kvs, count: json.count ?? 0, more: json.more };
}

function membersFrom(caseName: string): MemberListResponse {
  const json = parseGoJson(loadCase(caseName).stdout) as Json;
  return {
    header: header(json.header),
    members: json.members.map((m: Json) => ({
      id: decimalToHex(m.ID),
      name: m.name ?? '',
      peerUrls: m.peerURLs ?? [],
      clientUrls: m.clientURLs ?? [],
      isLearner: m.isLearner,
    })),
  };
}

function statusesFrom(caseName: string): EndpointStatusResult[] {
  const json = parseGoJson(loadCase(caseName).stdout) as Json[];
  return json.map(({ Endpoint, Status: s }) => ({
    endpoint: Endpoint,
    status: {
      header: header(s.header),
      version: s.version,
      dbSizeBytes: s.dbSize,
      leaderId: decimalToHex(s.leader),
      raftIndex: s.raftIndex,
      raftTerm: s.raftTerm,
      raftAppliedIndex: s.raftAppliedIndex,
      dbSizeInUseBytes: s.dbSizeInUse,
      errors: s.errors,
      isLearner: s.isLearner,
    },
  }));
}

function tookNs(took: string): number {
  const parsed = parseGoDuration(took);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.ns;
}

function expectOutput(actual: { stdout: string; stderr: string; exitCode: number }, caseName: string) {
  const golden = loadCase(caseName);
  expect(actual).toEqual({ stdout: golden.stdout, stderr: golden.stderr, exitCode: golden.exitCode });
}

describe('get', () => {
  it('prints key then value lines (simple) and the JSON response', () => {
    const resp = rangeFrom('get_json');
    expectOutput(printGet(resp, { format: 'simple' }), 'get_simple');
    expectOutput(printGet(resp, { format: 'json' }), 'get_json');
    expectOutput(printGet(resp, { format: 'simple', valueOnly: true }), 'get_print_value_only');
  });

  it('prints a prefix range, with and without values', () => {
    expectOutput(printGet(rangeFrom('get_prefix_json'), { format: 'simple' }), 'get_prefix_simple');
    expectOutput(printGet(rangeFrom('get_prefix_json'), { format: 'json' }), 'get_prefix_json');
    const keysOnly = rangeFrom('get_prefix_keys_only_json');
    expectOutput(printGet(keysOnly, { format: 'simple' }), 'get_prefix_keys_only');
    expectOutput(printGet(keysOnly, { format: 'json' }), 'get_prefix_keys_only_json');
  });

  it('prints nothing for a missing key, and a header-only JSON', () => {
    const missing = rangeFrom('get_missing_json');
    expectOutput(printGet(missing, { format: 'simple' }), 'get_missing_simple');
    expectOutput(printGet(missing, { format: 'json' }), 'get_missing_json');
  });

  it('prints --hex as \\x escapes', () => {
    expectOutput(printGet(rangeFrom('get_write_out_attached'), { format: 'simple', hex: true }), 'get_hex');
  });

  it('refuses table output and value-only JSON with etcdctl texts', () => {
    expectOutput(printGet(rangeFrom('get_json'), { format: 'table' }), 'err_get_table');
    expectOutput(printGet(rangeFrom('get_json'), { format: 'json', valueOnly: true }), 'err_get_value_only_json');
  });
});

describe('put', () => {
  it('prints OK, or the header in JSON', () => {
    const json = parseGoJson(loadCase('put_json').stdout) as Json;
    expectOutput(printPut({ header: header(json.header) }, { format: 'simple' }), 'put_simple');
    expectOutput(printPut({ header: header(json.header) }, { format: 'json' }), 'put_json');
    expectOutput(printPut({ header: header(json.header) }, { format: 'table' }), 'err_endpoint_status_table_put');
  });
});

describe('member list', () => {
  it.each(['simple', 'table', 'json'] as const)('prints %s', (format) => {
    expectOutput(printMemberList(membersFrom('member_list_json'), format), `member_list_${format}`);
  });
});

describe('endpoint status', () => {
  it.each(['simple', 'table', 'json'] as const)('prints %s', (format) => {
    expectOutput(printEndpointStatus(statusesFrom('endpoint_status_json'), format), `endpoint_status_${format}`);
  });

  it('reports an unreachable endpoint on stderr and exits 1', () => {
    const golden = loadCase('unreachable_endpoint_status_table');
    const clientLog = [golden.stderr.split('\n')[0]];
    const out = printEndpointStatus([{ endpoint: 'http://127.0.0.1:2399', error: 'context deadline exceeded', clientLog }], 'table');
    expectOutput(out, 'unreachable_endpoint_status_table');
  });
});

describe('endpoint health', () => {
  it('prints JSON in completion order', () => {
    const json = JSON.parse(loadCase('endpoint_health_json').stdout) as Json[];
    const healths: EndpointHealth[] = json.map((h) => ({ endpoint: h.endpoint, health: h.health, tookNs: tookNs(h.took) }));
    expectOutput(printEndpointHealth(healths, 'json'), 'endpoint_health_json');
  });

  it('prints the table', () => {
    const rows = [...loadCase('endpoint_health_table').stdout.matchAll(/\| +(\S+) \| +true \| +(\S+) \|/g)];
    const healths = rows.map(([, endpoint, took]) => ({ endpoint, health: true, tookNs: tookNs(took) }));
    expect(healths).toHaveLength(3);
    expectOutput(printEndpointHealth(healths, 'table'), 'endpoint_health_table');
  });

  it('prints the simple form on stderr', () => {
    const lines = [...loadCase('endpoint_health_simple').stderr.matchAll(/^(\S+) is healthy: .* took = (\S+)$/gm)];
    const healths = lines.map(([, endpoint, took]) => ({ endpoint, health: true, tookNs: tookNs(took) }));
    expectOutput(printEndpointHealth(healths, 'simple'), 'endpoint_health_simple');
  });

  it('reports an unhealthy member and exits 1', () => {
    const golden = loadCase('member_down_endpoint_health');
    const warn = golden.stderr.split('\n')[0];
    const healthy = [...golden.stderr.matchAll(/^(\S+) is healthy: .* took = (\S+)$/gm)];
    const out = printEndpointHealth(
      [
        ...healthy.map(([, endpoint, took]) => ({ endpoint, health: true, tookNs: tookNs(took) })),
        { endpoint: 'http://127.0.0.1:32379', health: false, tookNs: 2e9, error: 'context deadline exceeded', clientLog: [warn] },
      ],
      'simple',
    );
    expectOutput(out, 'member_down_endpoint_health');
  });
});
