import { describe, expect, it } from 'vitest';
import { RecentStrings } from './recentStrings';

// (String identity is not observable in JS; what is: equal texts take one entry, and the table
// stays within its capacity.)
describe('RecentStrings', () => {
  it('keeps one entry per distinct text and forgets all when full', () => {
    const strings = new RecentStrings(3);
    expect(strings.intern(['Created container: ', 'app'].join(''))).toBe('Created container: app');
    expect(strings.intern(`Created container: ${['a', 'pp'].join('')}`)).toBe('Created container: app');
    expect(strings.size).toBe(1);
    strings.intern('Started container app');
    strings.intern('spec.containers{app}');
    expect(strings.size).toBe(3);
    expect(strings.intern('Started container app')).toBe('Started container app');
    expect(strings.size).toBe(3);
    expect(strings.intern('Successfully assigned default/web-1 to node-3')).toBe('Successfully assigned default/web-1 to node-3');
    expect(strings.size).toBe(1);
  });
});
