import { describe, expect, it } from 'vitest';
import { tokenize } from '../../engine/kubectl/args/tokenize';
import { commandFor, isExit, openShell } from './interactiveShell';

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
});
