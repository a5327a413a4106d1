import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createCommand, DEFAULT_FORM, deploymentYaml, imageChoices, isPlain } from './deploymentForm';

describe('Create Deployment dialog form', () => {
  it('uses kubectl create deployment when the form has no resources or custom strategy', () => {
    expect(isPlain(DEFAULT_FORM)).toBe(true);
    expect(createCommand(DEFAULT_FORM)).toBe('kubectl create deployment web --image=nginx:1.27 --replicas=3');
    expect(isPlain({ ...DEFAULT_FORM, cpuRequest: '100m' })).toBe(false);
  });

  it('writes a manifest with resources and the rolling-update budget', () => {
    const manifest = parse(deploymentYaml({ ...DEFAULT_FORM, cpuRequest: '100m', memoryLimit: '128Mi', maxSurge: '1', maxUnavailable: '0' }));
    expect(manifest.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
    expect(manifest.spec.template.spec.containers[0]).toEqual({ name: 'nginx', image: 'nginx:1.27', resources: { limits: { memory: '128Mi' }, requests: { cpu: '100m' } } });
  });

  it.runIf(existsSync('/usr/bin/kubectl'))('names the container as real kubectl create deployment does', () => {
    const out = execFileSync('/usr/bin/kubectl', ['create', 'deployment', 'web', '--image=registry.k8s.io/e2e-test-images/agnhost:2.39', '--dry-run=client', '-o', 'yaml'], { encoding: 'utf8' });
    const real = parse(out);
    const ours = parse(deploymentYaml({ ...DEFAULT_FORM, image: 'registry.k8s.io/e2e-test-images/agnhost:2.39', replicas: 1 }));
    expect(ours.spec.template.spec.containers[0].name).toBe(real.spec.template.spec.containers[0].name);
    expect(ours.spec.selector).toEqual(real.spec.selector);
    expect(ours.metadata.labels).toEqual(real.metadata.labels);
  });

  it('offers the registry catalog with real tags', () => {
    const choices = imageChoices();
    expect(choices).toContain('nginx:1.27.3');
    expect(choices.some((c) => c.startsWith('registry.k8s.io/pause:'))).toBe(true);
  });
});
