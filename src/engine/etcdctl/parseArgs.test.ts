import { describe, it, expect } from 'vitest';
import { parseEtcdctlArgs, type EtcdctlInvocation } from './parseArgs';
import { prefixEnd } from './commandOps';
import { loadCase } from './testdata/loadCase';

function commandOf(invocation: EtcdctlInvocation) {
  if (invocation.kind !== 'run') throw new Error(`expected a command, got ${JSON.stringify(invocation.output)}`);
  return invocation.command;
}

describe('parseEtcdctlArgs: errors etcdctl 3.4.23 printed (testdata/err_*.txt)', () => {
  // Each case runs the recorded command line and must print exactly what etcdctl printed.
  it.each([
    'err_get_no_args',
    'err_get_prefix_from_key',
    'err_get_too_many_args',
    'err_get_bad_consistency',
    'err_get_bad_order',
    'err_get_bad_sort_by',
    'err_get_prefix_no_key',
    'err_unknown_flag',
    'err_unknown_shorthand',
    'err_write_out_missing',
    'err_write_out_bad',
    'err_put_no_args',
    'err_put_bad_lease',
    'err_unknown_command',
    'err_unknown_command_suggest',
    'err_put_unknown_flag',
    'err_endpoint_status_unknown_flag',
    'err_endpoint_health_unknown_flag',
    'err_member_list_unknown_flag',
    'err_get_cluster_flag',
    'err_endpoint_no_sub',
    'err_endpoint_bad_sub',
    'err_member_no_sub',
    'err_get_bad_limit',
    'err_bad_dial_timeout',
  ])('%s', (caseName) => {
    const golden = loadCase(caseName);
    const invocation = parseEtcdctlArgs(golden.args);
    expect(invocation).toEqual({
      kind: 'exit',
      output: { stdout: golden.stdout, stderr: golden.stderr, exitCode: golden.exitCode },
    });
  });
});

describe('parseEtcdctlArgs: commands that run', () => {
  it('reads get --prefix --keys-only as the prefix range', () => {
    expect(commandOf(parseEtcdctlArgs(['get', '/registry', '--prefix', '--keys-only']))).toMatchObject({
      name: 'get',
      key: '/registry',
      rangeEnd: '/registrz',
      keysOnly: true,
      limit: 0,
      sortTarget: 'KEY',
      sortOrder: 'NONE',
    });
  });

  it('accepts the command-line forms the recorded runs used', () => {
    // Each of these ran successfully against etcd 3.4.23 (testdata/get_*.txt, put_dashdash.txt).
    for (const caseName of ['get_prefix_match', 'get_write_out_attached', 'get_write_out_equals', 'get_keys_only_bool_value',
      'get_hex', 'put_dashdash', 'get_dashdash', 'get_range', 'get_limit', 'get_rev', 'get_from_key', 'endpoint_status_json',
      'endpoint_status_cluster_table', 'member_list_table', 'unreachable_get']) {
      expect(parseEtcdctlArgs(loadCase(caseName).args).kind, caseName).toBe('run');
    }
  });

  it('parses values the way the recorded runs show', () => {
    const attached = parseEtcdctlArgs(loadCase('get_write_out_attached').args);
    expect(attached.kind === 'run' && attached.globals.writeOut).toBe('json');
    expect(commandOf(parseEtcdctlArgs(loadCase('put_dashdash').args))).toMatchObject({ name: 'put', key: 'dash', value: '-v' });
    expect(commandOf(parseEtcdctlArgs(loadCase('get_range').args))).toMatchObject({ key: '/registry/a', rangeEnd: '/registry/q' });
    expect(commandOf(parseEtcdctlArgs(loadCase('get_from_key').args))).toMatchObject({ key: '/registry/s', rangeEnd: '\0' });
    expect(commandOf(parseEtcdctlArgs(loadCase('get_limit').args))).toMatchObject({ limit: 2 });
    expect(commandOf(parseEtcdctlArgs(loadCase('get_rev').args))).toMatchObject({ rev: 5 });
    expect(commandOf(parseEtcdctlArgs(loadCase('endpoint_status_cluster_table').args))).toEqual({ name: 'endpoint status', cluster: true });
    const unreachable = parseEtcdctlArgs(loadCase('unreachable_get').args);
    expect(unreachable.kind === 'run' && unreachable.globals).toMatchObject({
      endpoints: ['http://127.0.0.1:2399'],
      dialTimeoutNs: 1e9,
      commandTimeoutNs: 2e9,
    });
  });

  it('takes the kubeadm TLS flags and several endpoints', () => {
    const invocation = parseEtcdctlArgs([
      '--endpoints=https://127.0.0.1:2379,https://10.0.0.3:2379',
      '--cacert=/etc/kubernetes/pki/etcd/ca.crt',
      '--cert=/etc/kubernetes/pki/etcd/server.crt',
      '--key=/etc/kubernetes/pki/etcd/server.key',
      'member', 'list', '-w', 'table',
    ]);
    expect(invocation.kind).toBe('run');
    if (invocation.kind !== 'run') return;
    expect(invocation.command).toEqual({ name: 'member list' });
    expect(invocation.globals.endpoints).toEqual(['https://127.0.0.1:2379', 'https://10.0.0.3:2379']);
    expect(invocation.globals.cacert).toBe('/etc/kubernetes/pki/etcd/ca.crt');
    expect(invocation.globals.writeOut).toBe('table');
  });

  it('defaults to 127.0.0.1:2379 and 2s/5s timeouts (ctl.go)', () => {
    const invocation = parseEtcdctlArgs(['endpoint', 'health']);
    expect(invocation.kind === 'run' && invocation.globals).toMatchObject({
      endpoints: ['127.0.0.1:2379'],
      dialTimeoutNs: 2e9,
      commandTimeoutNs: 5e9,
      writeOut: 'simple',
    });
  });

  it('leaves commands it does not simulate to the caller', () => {
    expect(commandOf(parseEtcdctlArgs(['del', 'foo']))).toEqual({ name: 'unsupported', path: 'del', args: ['foo'] });
  });

  it('computes prefix ends like clientv3.GetPrefixRangeEnd', () => {
    expect(prefixEnd('/registry')).toBe('/registrz');
    expect(prefixEnd('a\u00ff')).toBe('b');
    expect(prefixEnd('\u00ff\u00ff')).toBe('\0');
  });
});
