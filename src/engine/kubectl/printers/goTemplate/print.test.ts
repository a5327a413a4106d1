// fmt.Sprint / Sprintf over template values; expected texts from kubectl v1.32.4 (Go 1.23).
import { describe, expect, it } from 'vitest';
import { formatFloat } from './floatDigits';
import { formatValue, sprint } from './print';
import { sprintf } from './sprintf';
import { bool, fromJson, int, str, INVALID } from './value';

describe('Go fmt for template values', () => {
  it('prints float64 %v as Go: shortest digits, exponent below 1e-4 and from 1e21… or 1e6 digits', () => {
    expect([1e6, 123456789, 1e20, 0.0001, 0.00001, 0.25, 3].map((v) => formatValue({ kind: 'float64', v, boxed: false }))).toEqual([
      '1e+06', '1.23456789e+08', '1e+20', '0.0001', '1e-05', '0.25', '3',
    ]);
  });

  it('formats fixed precision with half-to-even rounding on exact ties', () => {
    expect([formatFloat(2.5, 'f', 0), formatFloat(0.5, 'f', 0), formatFloat(1234.5, 'g', 3), formatFloat(0, 'e', 6), formatFloat(3.5, 'x', -1)]).toEqual([
      '2', '0', '1.23e+03', '0.000000e+00', '0x1.cp+01',
    ]);
  });

  it('prints maps with sorted keys and nil elements as <nil>', () => {
    expect(formatValue(fromJson({ b: [1, 'two', null, { k: 'v' }], a: 0.5 }, false))).toBe('map[a:0.5 b:[1 two <nil> map[k:v]]]');
    expect(formatValue(fromJson({ a: 'x', b: 1 }, false), 'v', { sharpV: true })).toBe('map[string]interface {}{"a":"x", "b":1}');
  });

  it('spaces Sprint operands only between non-strings', () => {
    expect(sprint([int(1), int(2), str('a'), str('b'), int(3)])).toBe('1 2ab3');
    expect(sprint([INVALID])).toBe('<nil>');
  });

  it('implements Sprintf verbs, flags and complaints', () => {
    expect(sprintf('%v|%d|%q|%5s|%-5s|%x', [str('init'), int(42), str('init'), str('ab'), str('ab'), str('hi')])).toBe('init|42|"init"|   ab|ab   |6869');
    expect(sprintf('%5.2f|%08.3f|%+d|%X|%o|%b|%c|%U|%t', [3.14159, -3.14159, 5, 255, 8, 5, 65, 65, true].map((v) => (typeof v === 'boolean' ? bool(v) : Number.isInteger(v) ? int(v) : fromJson(v, false))))).toBe(
      ' 3.14|-003.142|+5|FF|10|101|A|U+0041|true',
    );
    expect(sprintf('%d', [str('abc')])).toBe('%!d(string=abc)');
    expect(sprintf('%s', [])).toBe('%!s(MISSING)');
    expect(sprintf('%s', [int(1), int(2)])).toBe('%!s(int=1)%!(EXTRA int=2)');
    expect(sprintf('%!|%|', [int(1)])).toBe('%!!(int=1)|%!|(MISSING)');
    expect(sprintf('%[2]d %[1]d|%*d|%.*f', [int(1), int(2), int(3), int(4), int(2), fromJson(3.14159, false)])).toBe('2 1| 3|%!f(int=0002)');
    expect(sprintf('%s', [fromJson([1, 'two', null], false)])).toBe('[%!s(int64=1) two <nil>]');
  });
});
