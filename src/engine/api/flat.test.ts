import { describe, expect, it } from 'vitest';
import { flat, flattened } from './flat';

// Rope or not is invisible to JavaScript; these pin the values. The memory effect is measured by
// `npm run bench` (heap after GC at the end of the pods-running run).
describe('flat strings', () => {
  it('joins pieces and copies a string unchanged', () => {
    expect(flat('/registry/pods/', 'default', '/', 'web-7d4b9c8f6d-x5k2p')).toBe('/registry/pods/default/web-7d4b9c8f6d-x5k2p');
    expect(flat()).toBe('');
    const message = `Successfully assigned ${'default'}/${'web-1'} to ${'node-1'}`;
    expect(flattened(message)).toBe('Successfully assigned default/web-1 to node-1');
    expect(flattened('short')).toBe('short');
    expect(flattened('')).toBe('');
  });
});
