import { describe, expect, it } from 'vitest';
import { tokenize } from '../../engine/kubectl/args/tokenize';
import { cdTarget, commandFor, inDirectory, incompleteScript, isExit, openShell, openSsh } from './interactiveShell';

describe('interactive shell in the app terminal', () => {
  it('opens for kubectl exec -it TARGET -- SHELL and keeps namespace and container flags', () => {
    expect(openShell('kubectl exec -it web -- sh')).toEqual({ prefix: 'kubectl exec web', shell: 'sh', prompt: '/ # ' });
    expect(openShell('kubectl -n team exec -ti deploy/api -c app -- /bin/bash')).toEqual({ prefix: 'kubectl -n team exec deploy/api -c app', shell: '/bin/bash', prompt: 'root@container:/# ' });
    expect(openShell('kubectl exec -i web -- sh')?.shell).toBe('sh');
  });

  it('keeps a shell variable naming the pod, so each line still expands it (Kubernetes Basics: exec -ti $POD_NAME -- bash)', () => {
    expect(openShell('kubectl exec -ti $POD_NAME -- bash')?.prefix).toBe('kubectl exec "$POD_NAME"');
    expect(openShell('kubectl exec -ti "${POD_NAME}" -- bash')?.prefix).toBe('kubectl exec "${POD_NAME}"');
  });

  it('does not open for a one-off command, a non-interactive exec, or another program', () => {
    expect(openShell('kubectl exec web -- sh')).toBeUndefined();
    expect(openShell('kubectl exec -t web -- sh')).toBeUndefined();
    expect(openShell('kubectl exec -it web -- sh -c ls')).toBeUndefined();
    expect(openShell('kubectl exec -it web -- env')).toBeUndefined();
    expect(openShell('kubectl get pods')).toBeUndefined();
  });

  it('wraps each line so the shell sees it verbatim, quotes included', () => {
    const session = openShell('kubectl exec -it web -- sh')!;
    const command = commandFor(session, `echo "it's $HOSTNAME" && ls /tmp`);
    expect(tokenize(command).argv).toEqual(['kubectl', 'exec', 'web', '--', 'sh', '-c', `echo "it's $HOSTNAME" && ls /tmp`]);
    expect(isExit('exit')).toBe(true);
    expect(isExit('exit 3')).toBe(true);
    expect(isExit('exitcode')).toBe(false);
  });

  it('opens an ssh session on a known node and sends each line as ssh NODE LINE', () => {
    const nodes = ['control-plane', 'node-1'];
    const session = openSsh('ssh root@node-1', nodes)!;
    expect(session).toEqual({ prefix: 'ssh node-1', shell: 'bash', prompt: 'root@node-1:~# ', node: 'node-1' });
    expect(openSsh('ssh -i ~/.ssh/id_ed25519 -o StrictHostKeyChecking=no node-1', nodes)?.node).toBe('node-1');
    expect(tokenize(commandFor(session, `journalctl -u kubelet | grep "$HOSTNAME"`)).argv).toEqual(['ssh', 'node-1', `journalctl -u kubelet | grep "$HOSTNAME"`]);
  });

  it('leaves ssh with a command, to an unknown host, or without a host to the engine', () => {
    const nodes = ['control-plane', 'node-1'];
    expect(openSsh('ssh node-1 systemctl status kubelet', nodes)).toBeUndefined();
    expect(openSsh('ssh node-9', nodes)).toBeUndefined();
    expect(openSsh('ssh', nodes)).toBeUndefined();
    expect(openSsh('kubectl get nodes', nodes)).toBeUndefined();
  });

  it('waits for more lines while a for/while/if or a quote is open, as bash shows its > prompt', () => {
    expect(incompleteScript('for i in 1 2')).toBe(true);
    expect(incompleteScript('for i in 1 2\ndo echo $i')).toBe(true);
    expect(incompleteScript('for i in 1 2\ndo echo $i\ndone')).toBe(false);
    expect(incompleteScript('if true; then')).toBe(true);
    expect(incompleteScript('echo "open')).toBe(true);
    expect(incompleteScript('kubectl get pods')).toBe(false);
    // A plain syntax error runs (and bash reports it) instead of waiting.
    expect(incompleteScript('echo ;;')).toBe(false);
  });
});

describe('cd in a container shell', () => {
  it('resolves the target against the current directory and moves the prompt there', () => {
    const bash = openShell('kubectl exec -it web -- bash')!;
    expect(cdTarget(bash, 'cd /usr/share/nginx/html')).toBe('/usr/share/nginx/html');
    const inHtml = inDirectory(bash, '/usr/share/nginx/html');
    expect(inHtml.prompt).toBe('root@container:/usr/share/nginx/html# ');
    expect(cdTarget(inHtml, 'cd ..')).toBe('/usr/share/nginx');
    expect(cdTarget(inHtml, 'cd')).toBe('/root');
    expect(cdTarget(inHtml, 'ls')).toBeUndefined();
    expect(commandFor(inHtml, 'cat index.html')).toBe("kubectl exec web -- bash -c 'cd /usr/share/nginx/html && cat index.html'");
    const sh = inDirectory(openShell('kubectl exec -it bb -- sh')!, '/tmp');
    expect(sh.prompt).toBe('/tmp # ');
  });
});
