import { describe, it, expect } from 'vitest';
import { parseNormalizedNamed } from './reference';

const ffff = 'f'.repeat(64);

describe('parseNormalizedNamed', () => {
  // distribution/reference v0.6.0 normalize_test.go TestValidateReferenceName / TestValidateRemoteName.
  it.each([
    'docker/docker', 'library/debian', 'debian', 'localhost/library/debian', 'localhost/debian',
    'LOCALDOMAIN/library/debian', 'LOCALDOMAIN/debian', 'docker.io/docker/docker', 'docker.io/library/debian',
    'docker.io/debian', 'index.docker.io/docker/docker', 'index.docker.io/library/debian', 'index.docker.io/debian',
    '127.0.0.1:5000/docker/docker', '127.0.0.1:5000/library/debian', '127.0.0.1:5000/debian', '192.168.0.1',
    '192.168.0.1:80', '192.168.0.1:8/debian', '192.168.0.2:25000/debian',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev', '[fc00::1]:5000/docker',
    '[fc00::1]:5000/docker/docker', '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
    'docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a', 'Docker/docker', 'DOCKER/docker',
    'docker-rules/docker', 'docker---rules/docker', 'doc/docker', 'd/docker', 'jess/t', 'dock__er/docker',
  ])('accepts %s', (name) => {
    expect(parseNormalizedNamed(name).ok).toBe(true);
  });

  it.each([
    'https://github.com/docker/docker', 'docker/Docker', '-docker', '-docker/docker', '-docker.io/docker/docker',
    'docker///docker', 'docker.io/docker/Docker', 'docker.io/docker///docker', '[fc00::1]', '[fc00::1]:5000',
    'fc00::1:5000/debian', '[fe80::1%eth0]:5000/debian', '[2001:db8:3:4::192.0.2.33]:5000/debian',
    '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a', 'docker-/docker', '-docker-/docker',
    '____/____', '_docker/_docker', 'dock..er/docker', 'dock_.er/docker', 'dock-.er/docker', 'docker/',
  ])('rejects %s', (name) => {
    expect(parseNormalizedNamed(name).ok).toBe(false);
  });

  // normalize_test.go TestParseRepositoryInfo: familiar and full names.
  it.each([
    ['localhost/fooo', 'localhost/fooo', 'localhost/fooo'],
    ['LOCALDOMAIN/fooo/bar', 'LOCALDOMAIN/fooo/bar', 'LOCALDOMAIN/fooo/bar'],
    ['fooo/bar', 'docker.io/fooo/bar', 'fooo/bar'],
    ['ubuntu', 'docker.io/library/ubuntu', 'ubuntu'],
    ['library/ubuntu', 'docker.io/library/ubuntu', 'ubuntu'],
    ['docker.io/library/ubuntu', 'docker.io/library/ubuntu', 'ubuntu'],
    ['index.docker.io/ubuntu', 'docker.io/library/ubuntu', 'ubuntu'],
    ['nonlibrary/ubuntu', 'docker.io/nonlibrary/ubuntu', 'nonlibrary/ubuntu'],
    ['other/library', 'docker.io/other/library', 'other/library'],
    ['127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase'],
    ['example.com:8000/privatebasee', 'example.com:8000/privatebasee', 'example.com:8000/privatebasee'],
    ['ubuntu-12.04-base', 'docker.io/library/ubuntu-12.04-base', 'ubuntu-12.04-base'],
  ])('names %s %s', (input, fullName, familiarName) => {
    const parsed = parseNormalizedNamed(input);
    expect(parsed.ok && parsed.ref.repository).toBe(fullName);
    expect(parsed.ok && parsed.ref.familiar).toBe(`${familiarName}:latest`);
  });

  it.each([
    // The references tutorials use, and what containerd pulls for them.
    ['nginx', 'docker.io/library/nginx:latest', 'nginx:latest'],
    ['nginx:1.14.2', 'docker.io/library/nginx:1.14.2', 'nginx:1.14.2'],
    ['user/app:1', 'docker.io/user/app:1', 'user/app:1'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['gcr.io/google-samples/kubernetes-bootcamp:v1', 'gcr.io/google-samples/kubernetes-bootcamp:v1', 'gcr.io/google-samples/kubernetes-bootcamp:v1'],
    ['localhost:5000/app', 'localhost:5000/app:latest', 'localhost:5000/app:latest'],
    // ParseDockerRef keeps only the digest when both are given.
    [`busybox:latest@sha256:${ffff}`, `docker.io/library/busybox@sha256:${ffff}`, `busybox@sha256:${ffff}`],
    [`nginx@sha256:${ffff}`, `docker.io/library/nginx@sha256:${ffff}`, `nginx@sha256:${ffff}`],
  ])('normalizes %s', (input, normalized, familiar) => {
    const parsed = parseNormalizedNamed(input);
    expect(parsed.ok && parsed.ref.normalized).toBe(normalized);
    expect(parsed.ok && parsed.ref.familiar).toBe(familiar);
  });

  it.each([
    // reference_test.go TestReferenceParse errors, through ParseNormalizedNamed's lowercase check.
    ['', 'invalid reference format'],
    [':justtag', 'invalid reference format'],
    [`@sha256:${ffff}`, 'invalid reference format'],
    ['repo@sha256:ffffffffffffffffffffffffffffffffff', 'invalid checksum digest length'],
    [`validname@invaliddigest:${ffff}`, 'unsupported digest algorithm'],
    ['Uppercase:tag', 'invalid reference format: repository name (library/Uppercase) must be lowercase'],
    ['Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['test:5000/Uppercase/lowercase:tag', 'invalid reference format: repository name (Uppercase/lowercase) must be lowercase'],
    ['aa/asdf$$^/aa', 'invalid reference format'],
    [`domain/${'a'.repeat(256)}:tag`, 'repository name must not be more than 255 characters'],
    ['nginx:1.25 ', 'invalid reference format'],
    ['nginx::1.25', 'invalid reference format'],
    [ffff, `invalid repository name (${ffff}), cannot specify 64-byte hexadecimal strings`],
  ])('rejects %j with %s', (input, error) => {
    expect(parseNormalizedNamed(input)).toEqual({ ok: false, error });
  });

  it('keeps an upper-case tag (lowercase:Uppercase is valid)', () => {
    const parsed = parseNormalizedNamed('lowercase:Uppercase');
    expect(parsed.ok && parsed.ref.tag).toBe('Uppercase');
  });
});
