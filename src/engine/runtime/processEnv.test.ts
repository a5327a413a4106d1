// containerd 1.7 pkg/cri/server container_create_linux.go: default PATH, HOSTNAME, image ENV,
// then the kubelet's variables, a later value replacing an earlier one where it stood.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATH, processEnv } from './processEnv';

describe('processEnv', () => {
  it('orders PATH, HOSTNAME, the image ENV, then the kubelet variables', () => {
    expect(processEnv('web-0', ['NGINX_VERSION=1.27.3'], [{ name: 'KUBERNETES_PORT', value: 'tcp://10.96.0.1:443' }])).toEqual([
      DEFAULT_PATH, 'HOSTNAME=web-0', 'NGINX_VERSION=1.27.3', 'KUBERNETES_PORT=tcp://10.96.0.1:443',
    ]);
  });

  it('replaces a variable in place and unsets one given without a value', () => {
    const env = processEnv('web-0', ['PATH=/opt/bin:/usr/bin', 'LANG=C.UTF-8', 'TERM=xterm'], [{ name: 'HOSTNAME', value: 'override' }]);
    expect(env).toEqual(['PATH=/opt/bin:/usr/bin', 'HOSTNAME=override', 'LANG=C.UTF-8', 'TERM=xterm']);
    expect(processEnv('web-0', ['LANG=C.UTF-8', 'LANG', 'A=1'], [])).toEqual([DEFAULT_PATH, 'HOSTNAME=web-0', 'A=1']);
    // A key that is a prefix of another is a different variable.
    expect(processEnv('h', ['PATHS=x'], [])).toEqual([DEFAULT_PATH, 'HOSTNAME=h', 'PATHS=x']);
  });
});
