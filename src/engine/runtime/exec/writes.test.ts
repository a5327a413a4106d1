// The container's writable layer through `kubectl exec`: redirections, mkdir/touch/rm, pipes into
// grep/head/tail/wc, with dash's, bash's, BusyBox's and coreutils' error texts; nginx serving the
// index.html a learner wrote; a restarted container starting from the image again.
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

function boot() {
  const cluster = Cluster.boot(clusterSpec({ seed: 12, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  runCommands(cluster, ['kubectl run web --image=nginx:1.27.3', 'kubectl run bb --image=busybox:1.36 -- sleep 3600', { run: 'true', advanceMs: 30_000 }]);
  return cluster;
}

describe('the shell in a container: redirections', () => {
  const cluster = boot();
  const [write, again, append, errToFile, both, swapped, toStderr, devNull] = runCommands(cluster, [
    'kubectl exec web -- sh -c "echo hello > /tmp/f; cat /tmp/f"',
    'kubectl exec web -- cat /tmp/f',
    'kubectl exec web -- sh -c "echo more >> /tmp/f; cat /tmp/f"',
    'kubectl exec web -- sh -c "ls /nope 2> /tmp/err; cat /tmp/err"',
    'kubectl exec web -- sh -c "ls /tmp /nope > /tmp/both 2>&1; cat /tmp/both"',
    'kubectl exec web -- sh -c "ls /nope 2>&1 > /tmp/out"',
    'kubectl exec bb -- sh -c "echo oops >&2"',
    'kubectl exec bb -- sh -c "ls /nope 2>/dev/null || echo missing"',
  ]);

  it('writes stdout to the file instead of the terminal, and the file stays for the next exec', () => {
    expect(write).toMatchObject({ exit: 0, stdout: 'hello\n' });
    expect(again.stdout).toBe('hello\n');
    expect(append.stdout).toBe('hello\nmore\n');
  });

  it('sends fd 2 where 2> and 2>&1 say, in order', () => {
    expect(errToFile.stdout).toBe("ls: cannot access '/nope': No such file or directory\n");
    expect(both.stdout).toBe("ls: cannot access '/nope': No such file or directory\n/tmp:\nboth\nerr\nf\n");
    // 2>&1 first: stderr goes where stdout pointed then (the terminal's stdout), stdout to the file.
    expect(swapped).toMatchObject({ stdout: "ls: cannot access '/nope': No such file or directory\n", stderr: 'command terminated with exit code 2\n' });
    expect(toStderr).toMatchObject({ stdout: '', stderr: 'oops\n' });
    expect(devNull).toMatchObject({ exit: 0, stdout: 'missing\n', stderr: '' });
  });

  it("fails a redirection into a missing directory as each shell words it", () => {
    const [dash, bash, ash, dir] = runCommands(cluster, [
      'kubectl exec web -- sh -c "echo x > /nope/f"',
      'kubectl exec web -- bash -c "echo x > /nope/f"',
      'kubectl exec bb -- sh -c "echo x > /nope/f"',
      'kubectl exec web -- sh -c "echo x > /tmp"',
    ]);
    expect(dash).toMatchObject({ exit: 2, stderr: 'sh: 1: cannot create /nope/f: Directory nonexistent\ncommand terminated with exit code 2\n' });
    expect(bash).toMatchObject({ exit: 1, stderr: 'bash: line 1: /nope/f: No such file or directory\ncommand terminated with exit code 1\n' });
    expect(ash).toMatchObject({ exit: 1, stderr: "sh: can't create /nope/f: nonexistent directory\ncommand terminated with exit code 1\n" });
    expect(dir.stderr).toBe('sh: 1: cannot create /tmp: Is a directory\ncommand terminated with exit code 2\n');
  });
});

describe('mkdir, touch and rm in a container', () => {
  it('make and remove files and directories with coreutils’ and BusyBox’s errors', () => {
    const cluster = boot();
    const [noParent, mkdirP, list, rmDir, rmR, after, missing, bbMissing, bbDir, touched] = runCommands(cluster, [
      'kubectl exec web -- mkdir /tmp/a/b',
      'kubectl exec web -- mkdir -p /tmp/a/b',
      'kubectl exec web -- ls /tmp /tmp/a',
      'kubectl exec web -- rm /tmp/a',
      'kubectl exec web -- rm -r /tmp/a',
      'kubectl exec web -- ls /tmp',
      'kubectl exec web -- rm /tmp/nothing',
      'kubectl exec bb -- rm /tmp/nothing',
      'kubectl exec bb -- sh -c "mkdir /tmp/d && rm /tmp/d"',
      'kubectl exec bb -- sh -c "touch /tmp/t && ls /tmp"',
    ]);
    expect(noParent.stderr).toBe("mkdir: cannot create directory '/tmp/a/b': No such file or directory\ncommand terminated with exit code 1\n");
    expect(mkdirP.exit).toBe(0);
    expect(list.stdout).toBe('/tmp:\na\n\n/tmp/a:\nb\n');
    expect(rmDir.stderr).toBe("rm: cannot remove '/tmp/a': Is a directory\ncommand terminated with exit code 1\n");
    expect(rmR.exit).toBe(0);
    expect(after.stdout).toBe('');
    expect(missing.stderr).toBe("rm: cannot remove '/tmp/nothing': No such file or directory\ncommand terminated with exit code 1\n");
    expect(bbMissing.stderr).toBe("rm: can't remove '/tmp/nothing': No such file or directory\ncommand terminated with exit code 1\n");
    expect(bbDir.stderr).toBe("rm: '/tmp/d' is a directory\ncommand terminated with exit code 1\n");
    // The failed rm left /tmp/d behind.
    expect(touched.stdout).toBe('d\nt\n');
  });

  it('without an operand each GNU tool says what is missing (coreutils 9.1 on this machine)', () => {
    const cluster = boot();
    const [mkdir, touch, rm] = runCommands(cluster, ['kubectl exec web -- mkdir', 'kubectl exec web -- touch', 'kubectl exec web -- rm']);
    expect(mkdir.stderr).toBe("mkdir: missing operand\nTry 'mkdir --help' for more information.\ncommand terminated with exit code 1\n");
    expect(touch.stderr).toBe("touch: missing file operand\nTry 'touch --help' for more information.\ncommand terminated with exit code 1\n");
    expect(rm.stderr).toBe("rm: missing operand\nTry 'rm --help' for more information.\ncommand terminated with exit code 1\n");
  });
});

describe('pipes in a container', () => {
  it('feed each command the previous one’s output: grep, head, tail, wc, cat', () => {
    const cluster = boot();
    const [grep, head, count, tail] = runCommands(cluster, [
      'kubectl exec web -- sh -c "cat /etc/hosts | grep -c localhost"',
      'kubectl exec web -- sh -c "ls / | head -n 2"',
      'kubectl exec bb -- sh -c "cat /etc/resolv.conf | wc -l"',
      'kubectl exec bb -- sh -c "grep nameserver /etc/resolv.conf | tail -1 | cat"',
    ]);
    expect(grep.stdout).toBe('2\n');
    expect(head.stdout).toBe('bin\ndev\n');
    expect(count.stdout).toBe('3\n');
    expect(tail.stdout).toBe('nameserver 10.96.0.10\n');
  });
});

describe('nginx serving what the container holds', () => {
  it('answers with the index.html written into its docroot, 403 once it is removed, the image’s again after a restart', () => {
    const cluster = boot();
    const [ls, , edited, removed] = runCommands(cluster, [
      'kubectl exec web -- ls /usr/share/nginx/html',
      `kubectl exec web -- sh -c 'echo "<h1>Hello from k8sim</h1>" > /usr/share/nginx/html/index.html'`,
      'IP=$(kubectl get pod web -o jsonpath={.status.podIP}); kubectl exec bb -- wget -qO- $IP; curl -s $IP',
      'kubectl exec web -- rm /usr/share/nginx/html/index.html; IP=$(kubectl get pod web -o jsonpath={.status.podIP}); kubectl exec bb -- wget -qO- $IP',
    ]);
    expect(ls.stdout).toBe('index.html\n');
    expect(edited.stdout).toBe('<h1>Hello from k8sim</h1>\n<h1>Hello from k8sim</h1>\n');
    expect(removed.stdout).toBe('<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n');
    const [, , restarted] = runCommands(cluster, ['kubectl delete pod web --grace-period=1', 'kubectl run web --image=nginx:1.27.3', { run: 'IP=$(kubectl get pod web -o jsonpath={.status.podIP}); curl -s $IP', advanceMs: 30_000 }]);
    expect(restarted.stdout).toContain('<title>Welcome to nginx!</title>');
  });
});

describe('the text tools’ own words (GNU coreutils 9.1 / grep 3.8 and BusyBox 1.35, run on this machine)', () => {
  it('count and report missing files as each does', () => {
    const cluster = boot();
    const [gnuWc, bbWc, gnuHead, bbTail, grep] = runCommands(cluster, [
      'kubectl exec web -- sh -c "wc /etc/resolv.conf; cat /etc/resolv.conf | wc"',
      'kubectl exec bb -- sh -c "cat /etc/resolv.conf | wc"',
      'kubectl exec web -- head /nope',
      'kubectl exec bb -- tail /nope',
      'kubectl exec bb -- grep x /nope',
    ]);
    // resolv.conf is 3 lines, 8 words, 103 bytes: GNU pads a file's counts to its size's digits, stdin's to 7.
    expect(gnuWc.stdout).toBe('  3   8 103 /etc/resolv.conf\n      3       8     103\n');
    expect(bbWc.stdout).toBe('        3         8       103\n');
    expect(gnuHead.stderr).toBe("head: cannot open '/nope' for reading: No such file or directory\ncommand terminated with exit code 1\n");
    expect(bbTail.stderr).toBe("tail: can't open '/nope': No such file or directory\ntail: no files\ncommand terminated with exit code 1\n");
    expect(grep).toMatchObject({ exit: 2, stderr: 'grep: /nope: No such file or directory\ncommand terminated with exit code 2\n' });
  });
});

describe('cd in a container', () => {
  it('moves relative paths and pwd for the rest of the script; a missing directory fails as each shell says', () => {
    const cluster = boot();
    const [moved, dash, bash, ash, notDir] = runCommands(cluster, [
      'kubectl exec web -- sh -c "cd /usr/share/nginx/html && pwd && ls && cd .. && pwd"',
      'kubectl exec web -- sh -c "cd /nope"',
      'kubectl exec web -- bash -c "cd /nope"',
      'kubectl exec bb -- sh -c "cd /nope"',
      'kubectl exec web -- bash -c "cd /etc/hosts"',
    ]);
    expect(moved.stdout).toBe('/usr/share/nginx/html\nindex.html\n/usr/share/nginx\n');
    expect(dash).toMatchObject({ exit: 2, stderr: "sh: 1: cd: can't cd to /nope\ncommand terminated with exit code 2\n" });
    expect(bash).toMatchObject({ exit: 1, stderr: 'bash: line 1: cd: /nope: No such file or directory\ncommand terminated with exit code 1\n' });
    expect(ash).toMatchObject({ exit: 2, stderr: "sh: cd: line 0: can't cd to /nope: No such file or directory\ncommand terminated with exit code 2\n" });
    expect(notDir.stderr).toBe('bash: line 1: cd: /etc/hosts: Not a directory\ncommand terminated with exit code 1\n');
  });
});
