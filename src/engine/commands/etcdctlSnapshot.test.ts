import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { loadCase } from '../etcdctl/testdata/loadCase';
import { runCommands } from '../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 6, nodes: nodesFromCount(1), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);

/** shape replaces what varies between runs (times, durations, sizes, hashes, revisions) so outputs compare. */
const shape = (text: string) =>
  text
    .replace(/"ts":[\d.]+/g, '"ts":T')
    .replace(/"ts":"[^"]+"/g, '"ts":"T"')
    .replace(/"took":[\d.e-]+/g, '"took":D')
    .replace(/"size":"[^"]+"/g, '"size":S');

// etcdctl 3.4.23's snapshot commands, recorded by src/tools/fixtures/etcd/make-snapshot-fixtures.sh.
describe('etcdctl snapshot', () => {
  it('save prints what etcdctl 3.4 prints, and status reads the file back in every format', () => {
    const golden = loadCase('snapshot_save');
    const [save, simple, table, json] = runCommands(boot(), [
      `etcdctl ${golden.args.join(' ').replace('http://127.0.0.1:42379', 'http://127.0.0.1:2379')}`,
      'etcdctl snapshot status snap.db',
      'etcdctl snapshot status snap.db -w table',
      'etcdctl snapshot status snap.db -w json',
    ]);
    expect(save.stdout).toBe(golden.stdout);
    expect(shape(save.stderr)).toBe(shape(golden.stderr).replace('http://127.0.0.1:42379', 'http://127.0.0.1:2379').replaceAll('http://127.0.0.1:42379', 'http://127.0.0.1:2379'));
    const status = JSON.parse(json.stdout) as { hash: number; revision: number; totalKey: number; totalSize: number };
    expect(Object.keys(status)).toEqual(Object.keys(JSON.parse(loadCase('snapshot_status_json').stdout)));
    expect(status.revision).toBeGreaterThan(100);
    expect(simple.stdout).toBe(`${status.hash.toString(16)}, ${status.revision}, ${status.totalKey}, ${Math.round(status.totalSize / 1000)} kB\n`);
    const goldenTable = loadCase('snapshot_status_table').stdout.split('\n');
    expect(table.stdout.split('\n')[1].replace(/ +/g, ' ')).toBe(goldenTable[1].replace(/ +/g, ' '));
    expect(table.stdout).toMatch(new RegExp(`\\| ${status.hash.toString(16)} \\| +${status.revision} \\| +${status.totalKey} \\| +\\d+ kB \\|`));
  });

  it('restore lays out a data directory with the IDs etcd derives from the peer URLs', () => {
    const golden = loadCase('snapshot_restore');
    const defaults = loadCase('snapshot_restore_defaults');
    const [, restore, files, again, byDefault] = runCommands(boot(), [
      'etcdctl snapshot save snap.db',
      `etcdctl ${golden.args.join(' ')}`,
      'ls restored/member/snap | cat; ls restored/member/wal | cat',
      `etcdctl ${loadCase('err_snapshot_restore_exists').args.join(' ')}`,
      `etcdctl ${defaults.args.join(' ')}`,
    ]);
    expect(restore.exit).toBe(0);
    expect(shape(restore.stderr)).toBe(shape(golden.stderr));
    expect(shape(byDefault.stderr)).toBe(shape(defaults.stderr));
    // The files real etcdctl wrote (testdata/snapshot_restore_files.txt), by directory.
    const recorded = readFileSync(resolve(process.cwd(), 'src/engine/etcdctl/testdata/snapshot_restore_files.txt'), 'utf8').trim().split('\n');
    const names = (dir: string) => recorded.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1)).sort();
    expect(files.stdout).toBe([...names('restored/member/snap'), ...names('restored/member/wal')].join('\n') + '\n');
    expect(again).toMatchObject({ stderr: loadCase('err_snapshot_restore_exists').stderr, exit: 1 });
  });

  it.each([
    'err_snapshot_save_no_args',
    'err_snapshot_status_no_args',
    'err_snapshot_restore_no_args',
    'err_snapshot_status_missing',
    'err_snapshot_save_no_dir',
    'err_snapshot_restore_unknown_name',
    'err_snapshot_restore_peer_mismatch',
    'snapshot_no_sub',
  ])('answers %s as etcdctl 3.4 does', (name) => {
    const golden = loadCase(name);
    const [out] = runCommands(boot(), [`etcdctl ${golden.args.join(' ')}`]);
    expect(out).toEqual({ stdout: golden.stdout, stderr: golden.stderr, exit: golden.exitCode });
  });

  it('rejects a file that is not a snapshot, and a save to several endpoints', () => {
    const invalid = loadCase('err_snapshot_status_invalid');
    const multiple = loadCase('err_snapshot_save_multiple');
    const [, bad, many] = runCommands(boot(), ['echo not-a-bolt-file > bad.db', 'etcdctl snapshot status bad.db', `etcdctl ${multiple.args.join(' ')}`]);
    expect(bad).toEqual({ stdout: '', stderr: invalid.stderr, exit: invalid.exitCode });
    expect(many).toEqual({ stdout: '', stderr: multiple.stderr, exit: multiple.exitCode });
  });

  it('fails after the command timeout when the member is down', () => {
    const golden = loadCase('err_snapshot_save_unreachable');
    const cluster = boot();
    const [, save] = runCommands(cluster, ['sim etcd stop all', 'etcdctl --command-timeout=2s snapshot save u.db']);
    expect(save.exit).toBe(golden.exitCode);
    expect(shape(save.stderr)).toBe(shape(golden.stderr));
  });
});

describe('etcd data directory on the control-plane machine', () => {
  it('shows member/snap/db, readable by snapshot status and restorable only with --skip-hash-check', () => {
    const [dirs, status, strict, skipped, worker] = runCommands(boot(), [
      'ls /var/lib/etcd /var/lib/etcd/member /var/lib/etcd/member/wal',
      'etcdctl snapshot status /var/lib/etcd/member/snap/db -w json',
      'etcdctl snapshot restore /var/lib/etcd/member/snap/db --data-dir /tmp/r1',
      'etcdctl snapshot restore /var/lib/etcd/member/snap/db --data-dir /tmp/r2 --skip-hash-check',
      'ssh node-1 ls /var/lib/etcd',
    ]);
    expect(dirs.stdout).toBe('/var/lib/etcd:\nmember\n\n/var/lib/etcd/member:\nsnap  wal\n\n/var/lib/etcd/member/wal:\n0000000000000000-0000000000000000.wal\n');
    expect(JSON.parse(status.stdout).revision).toBeGreaterThan(100);
    expect(strict.exit).toBe(1);
    expect(strict.stderr).toMatch(/"msg":"restoring snapshot".*\nError: snapshot missing hash but --skip-hash-check=false\n$/);
    expect(skipped.exit).toBe(0);
    expect(worker).toMatchObject({ exit: 2, stderr: "ls: cannot access '/var/lib/etcd': No such file or directory\n" });
  });
});

// The seeds' restore runbook: snapshot, change things, restore to a new data dir and point etcd.yaml at it.
describe('etcd data directory switch', () => {
  it('serves the restored snapshot once etcd.yaml points at the restored directory, and the old data when pointed back', () => {
    const cluster = boot();
    const results = runCommands(cluster, [
      { run: 'kubectl create deployment web --image=nginx:1.27 --replicas=2' },
      { run: 'mkdir /backup; etcdctl snapshot save /backup/etcd.db 2>/dev/null', advanceMs: 20_000 },
      'kubectl delete deployment web; kubectl create configmap later --from-literal=a=1',
      { run: 'etcdctl snapshot restore /backup/etcd.db --data-dir=/var/lib/etcd-restore 2>/dev/null', advanceMs: 5_000 },
      "sed -i 's#path: /var/lib/etcd$#path: /var/lib/etcd-restore#' /etc/kubernetes/manifests/etcd.yaml",
      { run: 'kubectl get deployment web -o name; kubectl get configmap later -o name', advanceMs: 30_000 },
      "sed -i 's#path: /var/lib/etcd-restore$#path: /var/lib/etcd#' /etc/kubernetes/manifests/etcd.yaml",
      { run: 'kubectl get deployment web -o name; kubectl get configmap later -o name', advanceMs: 30_000 },
    ]);
    const restored = results[5];
    expect(restored.stdout).toBe('deployment.apps/web\n');
    expect(restored.stderr).toBe('Error from server (NotFound): configmaps "later" not found\n');
    const back = results[7];
    expect(back.stdout).toBe('configmap/later\n');
    expect(back.stderr).toBe('Error from server (NotFound): deployments.apps "web" not found\n');
    expect(cluster.etcdData.current).toBe('/var/lib/etcd');
  });
});
