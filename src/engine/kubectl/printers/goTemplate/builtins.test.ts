// The builtin and kubectl functions, through templates; texts from kubectl v1.32.4.
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json';
import { executeGoTemplate, parseGoTemplate } from './index';
import { decodeStdBase64, KUBECTL_FUNCS } from './kubectlFuncs';

const data: JsonValue = { name: 'héllo', list: [1, 'two', null, { k: 'v' }], map: { a: 'x' }, n: 3, secret: 'czNjcjN0' };

function render(template: string): string {
  const r = executeGoTemplate(parseGoTemplate(template, KUBECTL_FUNCS), data);
  return r.error === undefined ? r.output : `${r.output}!${r.error.replace(/^template: output:\d+:\d+: executing "output" at <[^>]*>: /, '')}`;
}

describe('template functions', () => {
  it('index: slices, strings (bytes) and maps, with reflect panics past the end', () => {
    expect(render('{{index .list 1}} {{index .list 3 "k"}} {{index .map "nope"}} {{index .name 1}}')).toBe('two v <no value> 195');
    expect(render('{{index .list 4}}')).toBe('!error calling index: reflect: slice index out of range');
    expect(render('{{index .list 5}}')).toBe('!error calling index: index out of range: 5');
    expect(render('{{index .list "a"}}')).toBe('!error calling index: cannot index slice/array with type string');
    expect(render('{{index .map 1}}')).toBe('!error calling index: value has type int; should be string');
    expect(render('{{index .list 3 "x" "y"}}')).toBe('!error calling index: index of nil pointer');
    expect(render('{{index .nope 1}}')).toBe('!error calling index: index of untyped nil');
  });

  it('len counts bytes and refuses numbers and missing values', () => {
    expect(render('{{len .name}} {{len .list}} {{len .map}}')).toBe('6 4 1');
    expect(render('{{len .n}}')).toBe('!error calling len: len of type int64');
    expect(render('{{len .nope}}')).toBe('!error calling len: reflect: call of reflect.Value.Type on zero Value');
  });

  it('slice, comparisons and escapers', () => {
    expect(render('{{slice .list 1 2}} {{slice "abc" 1}}')).toBe('[two] bc');
    expect(render('{{eq .n 3}} {{eq .nope "x"}} {{eq nil nil}} {{ne 1 2}} {{lt "a" "b"}} {{ge 1.5 2.5}}')).toBe('true false true true true false');
    expect(render('{{lt true false}}')).toBe('!error calling lt: invalid type for comparison');
    expect(render('{{eq .list 1}}')).toBe('!error calling eq: incompatible types for comparison');
    expect(render('{{html "<a&b>"}} {{js "a\'b<"}} {{urlquery "a b&c"}}')).toBe('&lt;a&amp;b&gt; a\\\'b\\u003C a+b%26c');
  });

  it('checks argument counts and types like Go', () => {
    expect(render('{{index}}')).toBe('!wrong number of args for index: want at least 1 got 0');
    expect(render('{{not 1 2}}')).toBe('!wrong number of args for not: want 1 got 2');
    expect(render('{{base64decode 3}}')).toBe('!expected string; found 3');
    expect(render('{{base64decode .n}}')).toBe('!wrong type for value; expected string; got int64');
  });

  it('kubectl adds exists and base64decode', () => {
    expect(render('{{exists . "map" "a"}} {{exists . "map" "b"}} {{exists .list 2}} {{exists .list 9}}')).toBe('true false false false');
    expect(render('{{.secret | base64decode}}')).toBe('s3cr3t');
    expect(render('{{base64decode .name}}')).toBe('!error calling base64decode: base64 decode failed: illegal base64 data at input byte 1');
  });

  it('decodes base64 strictly, naming the offending byte', () => {
    expect(decodeStdBase64('aGVsbA==')).toEqual(new TextEncoder().encode('hell'));
    expect(decodeStdBase64('aGV\nsbA==')).toEqual(new TextEncoder().encode('hell'));
    expect(['aGVsbA=', 'aGVsbA==x', 'a', 'ab=c', '===='].map((s) => decodeStdBase64(s))).toEqual([
      'illegal base64 data at input byte 7',
      'illegal base64 data at input byte 8',
      'illegal base64 data at input byte 0',
      'illegal base64 data at input byte 2',
      'illegal base64 data at input byte 0',
    ]);
  });
});
