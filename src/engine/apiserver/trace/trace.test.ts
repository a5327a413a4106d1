import { describe, expect, it } from 'vitest';
import { logTrace, Trace } from './trace';

// Epoch: 2026-11-24T19:00:00Z, so sim ms 0 prints as 19:00:00.000.
const EPOCH = Date.UTC(2026, 10, 24, 19, 0, 0);
const clock = () => {
  let n = 6;
  return { epochMs: EPOCH, traceNumber: () => ++n };
};

describe('Trace (k8s.io/utils/trace LogIfLong)', () => {
  it('writes a long create with its nested etcd3 trace and only the steps over their share', () => {
    const root = new Trace('Create', [['url', '/api/v1/namespaces/default/pods']], 0);
    for (const msg of ['limitedReadBody succeeded', 'About to convert to expected version', 'Conversion done', 'About to store object in database']) root.step(msg, 0);
    const etcd = root.nest('Create etcd3', [['key', '/pods/default/web']], 0);
    etcd.step('About to Encode', 0);
    etcd.step('Encode succeeded', 0, [['len', 1234]]);
    etcd.step('TransformToStorage succeeded', 0);
    etcd.step('Txn call succeeded', 1200);
    etcd.step('decode succeeded', 1200, [['len', 1234]]);
    etcd.end(1200, 500);
    root.step('Write to database call succeeded', 1200, [['len', 900]]);
    root.step('About to write a response', 1200);
    root.step('Writing http response done', 1201);
    root.end(1201, 500);

    // Root: 8 items, the nested trace's 500 ms leaves nothing, so a quarter (125 ms) is shared by
    // 9: steps under 13.9 ms are left out. Nested: 500 ms / 6 = 83 ms.
    expect(logTrace(root, clock())).toEqual([
      {
        atMs: 1201,
        lines: [
          'Trace[7]: "Create" url:/api/v1/namespaces/default/pods (24-Nov-2026 19:00:00.000) (total time: 1201ms):',
          'Trace[7]: ["Create etcd3" key:/pods/default/web 1201ms (19:00:00.000)',
          'Trace[7]:  ---"Txn call succeeded" 1200ms (19:00:01.200)]',
          'Trace[7]: [1.201s] [1.201s] END',
        ],
      },
    ]);
  });

  it('prints nothing for a request under its threshold', () => {
    const root = new Trace('Get', [], 0);
    root.step('About to Get from storage', 499);
    root.end(499, 500);
    expect(logTrace(root, clock())).toEqual([]);
  });

  it('logs a long nested trace on its own when its parent was quick enough', () => {
    const root = new Trace('Update', [], 0);
    const etcd = root.nest('GuaranteedUpdate etcd3', [['type', '*core.Pod']], 10);
    etcd.step('Txn call completed', 260);
    etcd.end(260, 100);
    root.end(300, 500);
    expect(logTrace(root, clock())).toEqual([
      {
        atMs: 260,
        lines: [
          'Trace[7]: "GuaranteedUpdate etcd3" type:*core.Pod (24-Nov-2026 19:00:00.010) (total time: 250ms):',
          'Trace[7]: ---"Txn call completed" 250ms (19:00:00.260)',
          'Trace[7]: [250ms] [250ms] END',
        ],
      },
    ]);
  });

  it('shares the threshold among the steps: 500 ms over 3 steps + 1 is 125 ms each', () => {
    const root = new Trace('Delete', [], 0);
    root.step('About to delete object from database', 124);
    root.step('Object deleted from database', 250);
    root.step('Writing http response done', 510);
    root.end(510, 500);
    const [logged] = logTrace(root, { ...clock(), subMsNs: () => 345_678 });
    expect(logged.lines).toEqual([
      'Trace[7]: "Delete" (24-Nov-2026 19:00:00.000) (total time: 510ms):',
      'Trace[7]: ---"Object deleted from database" 126ms (19:00:00.250)',
      'Trace[7]: ---"Writing http response done" 260ms (19:00:00.510)',
      'Trace[7]: [510.345678ms] [510.345678ms] END',
    ]);
  });
});
