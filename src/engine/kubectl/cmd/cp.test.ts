// kubectl cp (staging/src/k8s.io/kubectl/pkg/cmd/cp/cp.go, v1.32): tar through the exec endpoint,
// with GNU tar's and BusyBox tar's own messages (checked on this machine) and cp.go's errors.
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

describe('kubectl cp', () => {
  const cluster = Cluster.boot(clusterSpec({ seed: 13, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  runCommands(cluster, ['kubectl run web --image=nginx:1.27.3', 'kubectl run bb --image=busybox:1.36 -- sleep 3600', { run: 'true', advanceMs: 30_000 }]);

  it('copies a file out of a pod; tar’s note about the leading slash goes to stdout, as cp.go wires it', () => {
    const [copy, local] = runCommands(cluster, ['kubectl cp web:/usr/share/nginx/html/index.html ./index.html', 'head -4 index.html']);
    expect(copy).toEqual({ exit: 0, stdout: "tar: Removing leading `/' from member names\n", stderr: '' });
    expect(local.stdout).toBe('<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n');
  });

  it('copies a file into a pod, into a directory under its own name, and nginx serves it', () => {
    const [, into, served, dir, listed] = runCommands(cluster, [
      "echo '<h1>copied in</h1>' > page.html",
      'kubectl cp page.html web:/usr/share/nginx/html/index.html',
      'curl -s $(kubectl get pod web -o jsonpath={.status.podIP})',
      'kubectl cp page.html default/bb:/tmp',
      'kubectl exec bb -- ls /tmp',
    ]);
    expect(into).toEqual({ exit: 0, stdout: '', stderr: '' });
    expect(served.stdout).toBe('<h1>copied in</h1>\n');
    expect(dir.exit).toBe(0);
    expect(listed.stdout).toBe('page.html\n');
  });

  it('copies a directory out of a pod as a tree', () => {
    const [copy, listed] = runCommands(cluster, ['kubectl cp web:/usr/share/nginx/html ./html', 'ls html']);
    expect(copy.exit).toBe(0);
    expect(listed.stdout).toBe('index.html\n');
  });

  it('reports what tar and cp.go report when something is missing', () => {
    const [fromMissing, localMissing, noDir, busyboxNoDir, ghost] = runCommands(cluster, [
      'kubectl cp web:/nope ./x',
      'kubectl cp nofile web:/tmp/x',
      'kubectl cp page.html web:/nonexist/dir/f',
      'kubectl cp page.html bb:/nonexist/f',
      'kubectl cp ghost:/etc/hosts ./h',
    ]);
    expect(fromMissing).toEqual({
      exit: 2,
      stdout: "tar: Removing leading `/' from member names\ntar: /nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n",
      stderr: 'command terminated with exit code 2\n',
    });
    expect(localMissing).toEqual({ exit: 1, stdout: '', stderr: "error: nofile doesn't exist in local filesystem\n" });
    expect(noDir.stderr).toBe('tar: /nonexist/dir: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\ncommand terminated with exit code 2\n');
    expect(busyboxNoDir.stderr).toBe("tar: can't change directory to '/nonexist': No such file or directory\ncommand terminated with exit code 1\n");
    expect(ghost.stderr).toBe('Error from server (NotFound): pods "ghost" not found\n');
  });

  it('refuses argument combinations as cp.go does', () => {
    const [local, remote, one, format] = runCommands(cluster, ['kubectl cp a b', 'kubectl cp web:/a bb:/b', 'kubectl cp x', 'kubectl cp a/b/c:/x y']);
    expect(local.stderr).toBe('error: one of src or dest must be a remote file specification\n');
    expect(remote.stderr).toBe('error: one of src or dest must be a local file specification\n');
    expect(one.stderr).toMatch(/^error: source and destination are required\n/);
    expect(format.stderr).toBe('error: filespec must match the canonical format: [[namespace/]pod:]file/path\n');
  });
});
