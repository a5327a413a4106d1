import { describe, it, expect } from 'vitest';
import { renderRightAlignedTable, wrapString } from './tableWriter';

const text = 'The quick brown fox jumps over the lazy dog.';

describe('wrapString', () => {
  // tablewriter wrap_test.go at a0225b3f23b5.
  it('wraps every word when the limit is below two words', () => {
    expect(wrapString(text, 6)).toHaveLength(9);
  });

  it('keeps short text on one line', () => {
    expect(wrapString(text, 500)).toEqual([text]);
    expect(wrapString('Česká řeřicha', 13)).toHaveLength(1);
  });
});

describe('renderRightAlignedTable', () => {
  it('wraps cells over 30 columns at spaces and pads the other cells of the row', () => {
    const errors = 'memberID:13803658152347727308 alarm:NOSPACE, etcdserver: no leader';
    const out = renderRightAlignedTable(['endpoint', 'errors'], [['127.0.0.1:2379', errors]]);
    const lines = out.trimEnd().split('\n');
    // The errors column is capped at 30. WrapWords minimises the squared slack of all lines but
    // the last: [29, 29, 6] costs 1 + 1 = 2, [29, 26, 9] would cost 1 + 16 = 17.
    expect(lines[1]).toBe('|    ENDPOINT    |             ERRORS             |');
    expect(lines.slice(3, 6)).toEqual([
      '| 127.0.0.1:2379 |  memberID:13803658152347727308 |',
      '|                |  alarm:NOSPACE, etcdserver: no |',
      '|                |                         leader |',
    ]);
  });
});
