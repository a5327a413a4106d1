import { describe, expect, it } from 'vitest';
import type { MountedDir } from './session';
import { testTerminal } from './testTerminal';

/** A terminal whose /etc/kubernetes/manifests is a plain map standing in for the kubelet's directory. */
function terminal() {
  const { run, session } = testTerminal();
  const manifests = new Map([['etcd.yaml', 'kind: Pod\n'], ['kube-scheduler.yaml', 'kind: Pod\nmetadata: {name: kube-scheduler}\n']]);
  const dir: MountedDir = { list: () => [...manifests.keys()].sort(), read: (f) => manifests.get(f), write: (f, t) => manifests.set(f, t), remove: (f) => manifests.delete(f) };
  session.mount('/etc/kubernetes/manifests', dir);
  return { run, manifests, session };
}

describe('file commands (GNU coreutils)', () => {
  it('ls lists directories in columns on the terminal and one per line into a pipe', () => {
    const { run } = terminal();
    expect(run('ls /etc/kubernetes/manifests').stdout).toBe('etcd.yaml  kube-scheduler.yaml\n');
    expect(run('ls /etc/kubernetes/manifests | cat').stdout).toBe('etcd.yaml\nkube-scheduler.yaml\n');
    expect(run('ls /etc/kubernetes').stdout).toBe('manifests\n');
    // Names that do not fit one 80-column line fill the columns downwards, as ls -C does.
    run('touch /etc/kubernetes/manifests/kube-apiserver.yaml /etc/kubernetes/manifests/kube-controller-manager.yaml');
    expect(run('ls /etc/kubernetes/manifests').stdout).toBe('etcd.yaml            kube-controller-manager.yaml\nkube-apiserver.yaml  kube-scheduler.yaml\n');
    expect(run('ls /nope')).toEqual({ exit: 2, stdout: '', stderr: "ls: cannot access '/nope': No such file or directory\n" });
  });

  it('mv moves a manifest out of the mounted directory and back, cp copies, rm removes', () => {
    const { run, manifests, session } = terminal();
    expect(run('mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/').exit).toBe(0);
    expect([...manifests.keys()]).toEqual(['etcd.yaml']);
    expect(session.readFile('/tmp/kube-scheduler.yaml')).toBe('kind: Pod\nmetadata: {name: kube-scheduler}\n');
    expect(run('mv /tmp/kube-scheduler.yaml /etc/kubernetes/manifests/').exit).toBe(0);
    expect(manifests.get('kube-scheduler.yaml')).toBe('kind: Pod\nmetadata: {name: kube-scheduler}\n');
    expect(run('cp /etc/kubernetes/manifests/etcd.yaml etcd.bak && cat etcd.bak').stdout).toBe('kind: Pod\n');
    expect(run('rm /etc/kubernetes/manifests/etcd.yaml; ls /etc/kubernetes/manifests').stdout).toBe('kube-scheduler.yaml\n');
    expect(run('rm /etc/kubernetes/manifests/etcd.yaml').stderr).toBe("rm: cannot remove '/etc/kubernetes/manifests/etcd.yaml': No such file or directory\n");
    expect(run('mv gone /tmp').stderr).toBe("mv: cannot stat 'gone': No such file or directory\n");
    expect(run('cp a').stderr).toBe("cp: missing destination file operand after 'a'\nTry 'cp --help' for more information.\n");
  });

  it('writes a redirected file once, when the command is done', () => {
    const { run, manifests } = terminal();
    run('echo "kind: Pod" > /etc/kubernetes/manifests/web.yaml; echo "metadata: {name: web}" >> /etc/kubernetes/manifests/web.yaml');
    expect(manifests.get('web.yaml')).toBe('kind: Pod\nmetadata: {name: web}\n');
    expect(run('echo x > /missing/dir/f')).toEqual({ exit: 1, stdout: '', stderr: 'bash: /missing/dir/f: No such file or directory\n' });
  });

  it('mkdir makes directories (with -p, the parents too) and touch creates files', () => {
    const { run } = terminal();
    expect(run('mkdir app && touch app/a.yaml && ls app').stdout).toBe('a.yaml\n');
    expect(run('mkdir x/y').stderr).toBe('mkdir: cannot create directory ‘x/y’: No such file or directory\n');
    expect(run('mkdir -p x/y && ls x').stdout).toBe('y\n');
    expect(run('mkdir app').stderr).toBe('mkdir: cannot create directory ‘app’: File exists\n');
  });
});
