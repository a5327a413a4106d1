import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTEXT, defaultKubeConfig, findContext, setContext } from './kubeconfig';

describe('kubeconfig', () => {
  it('starts as kubeadm admin.conf: one context without a namespace', () => {
    const config = defaultKubeConfig('https://10.0.0.1:6443');
    expect(config.currentContext).toBe('kubernetes-admin@kubernetes');
    expect(findContext(config, DEFAULT_CONTEXT)).toEqual({ cluster: 'kubernetes', user: 'kubernetes-admin' });
  });

  it('modifies only the given fields, creates unknown contexts, and clears a namespace set to ""', () => {
    const base = defaultKubeConfig('https://10.0.0.1:6443');
    const modified = setContext(base, DEFAULT_CONTEXT, { namespace: 'dev' });
    expect(modified.created).toBe(false);
    expect(findContext(modified.config, DEFAULT_CONTEXT)).toEqual({ cluster: 'kubernetes', user: 'kubernetes-admin', namespace: 'dev' });
    expect(findContext(setContext(modified.config, DEFAULT_CONTEXT, { namespace: '' }).config, DEFAULT_CONTEXT)).toEqual({ cluster: 'kubernetes', user: 'kubernetes-admin' });
    const created = setContext(base, 'dev', { cluster: 'kubernetes' });
    expect(created.created).toBe(true);
    expect(findContext(created.config, 'dev')).toEqual({ cluster: 'kubernetes', user: '' });
    expect(findContext(base, 'dev')).toBeUndefined();
  });
});
