import { describe, it, expect } from 'vitest';
import { commandUsage } from './usage';
import { ROOT, type CommandDef } from './commands';
import { loadCase } from './testdata/loadCase';

function pathOf(...names: string[]): CommandDef[] {
  const path = [ROOT];
  for (const name of names) path.push(path[path.length - 1].children!.find((c) => c.name === name)!);
  return path;
}

describe('commandUsage', () => {
  // Real etcdctl 3.4.23 prints these usages on stdout (recorded with src/tools/fixtures/etcd).
  it.each([
    [['get'], 'err_unknown_flag'],
    [['put'], 'err_put_unknown_flag'],
    [['endpoint', 'status'], 'err_endpoint_status_unknown_flag'],
    [['endpoint', 'health'], 'err_endpoint_health_unknown_flag'],
    [['member', 'list'], 'err_member_list_unknown_flag'],
    [['endpoint'], 'err_endpoint_no_sub'],
    [['member'], 'err_member_no_sub'],
  ])('prints the usage of %j', (names, caseName) => {
    expect(commandUsage(pathOf(...names))).toBe(loadCase(caseName).stdout);
  });
});
