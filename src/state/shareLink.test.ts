import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment, MAX_SHARED_BYTES } from './shareLink';

describe('share links', () => {
  it('round-trip the scenario text and the moment through the fragment', async () => {
    const yaml = 'apiVersion: k8sim.dev/v1alpha1\nkind: Scenario\nmetadata:\n  name: s\nspec:\n  steps:\n    - at: 2s\n      run: kubectl get pods\n';
    const fragment = await encodeShareFragment(yaml, 12_345.6);
    expect(fragment).toMatch(/^s=[A-Za-z0-9_-]+&t=12345$/);
    expect(await decodeShareFragment(`#${fragment}`)).toEqual({ ok: true, text: yaml, atMs: 12_345 });
  });

  it('has nothing to open without s=', async () => {
    expect(await decodeShareFragment('')).toEqual({ ok: 'none' });
    expect(await decodeShareFragment('#view=map')).toEqual({ ok: 'none' });
  });

  it('refuses text that is not base64url or not deflate', async () => {
    const bad = await decodeShareFragment('#s=abc*def');
    expect(bad).toEqual({ ok: false, error: 'the link is not valid base64url' });
    const garbage = await decodeShareFragment('#s=AAAAAAAA');
    expect(garbage.ok).toBe(false);
  });

  it('refuses a link that expands beyond the size limit (a zip bomb)', async () => {
    const bomb = deflateRawSync(Buffer.alloc(MAX_SHARED_BYTES * 4, 0x61)).toString('base64url');
    const decoded = await decodeShareFragment(`#s=${bomb}`);
    expect(decoded).toEqual({ ok: false, error: 'the link expands to more than 512 KiB' });
  });
});
