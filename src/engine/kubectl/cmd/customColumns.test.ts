// customcolumn.go behaviour, each expectation checked against kubectl v1.32.4 (served by a stub
// apiserver): relaxed paths, spec errors, --no-headers, and failures after the header.
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../printers/json';
import { parseCustomColumns, printCustomColumns, relaxedJsonPathExpression, type CustomColumn } from './customColumns';

const pods: JsonValue[] = [
  { metadata: { name: 'web-1', labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx:1.27' }] } },
  { metadata: { name: 'lonely' }, spec: { containers: [{ image: 'busybox' }] } },
];
const columns = (spec: string) => parseCustomColumns(spec) as CustomColumn[];

describe('relaxedJsonPathExpression', () => {
  it('accepts a.b, .a.b, {a.b} and {.a.b} as {.a.b}', () => {
    expect(['metadata.name', '.metadata.name', '{metadata.name}', '{.metadata.name}'].map(relaxedJsonPathExpression)).toEqual(Array(4).fill('{.metadata.name}'));
    expect(relaxedJsonPathExpression('')).toBe('');
    expect(relaxedJsonPathExpression('{.a}{.b}')).toBeUndefined();
  });
});

describe('parseCustomColumns', () => {
  it('splits each column on its first colon and refuses parts without one', () => {
    expect(parseCustomColumns('A:.x:y')).toEqual([{ header: 'A', fieldSpec: '{.x:y}' }]);
    expect(parseCustomColumns('NAME:.metadata.name,')).toBe('unexpected custom-columns spec: , expected <header>:<json-path-expr>');
    expect(parseCustomColumns('NAME:{.a}{.b}')).toBe("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
    expect(parseCustomColumns('')).toBe('custom-columns format specified but no custom columns given');
  });
});

describe('printCustomColumns', () => {
  it('prints the header unless --no-headers, <none> for no match or an empty path', () => {
    const spec = columns('NAME:.metadata.name,APP:.metadata.labels.app,EMPTY:');
    expect(printCustomColumns(spec, pods, false)).toEqual({ stdout: 'NAME     APP      EMPTY\nweb-1    web      <none>\nlonely   <none>   <none>\n', stderr: '' });
    expect(printCustomColumns(spec, pods, true)).toEqual({ stdout: 'web-1    web      <none>\nlonely   <none>   <none>\n', stderr: '' });
  });

  it('fails after the header on an out-of-range index or an unparsable path', () => {
    expect(printCustomColumns(columns('N:.metadata.name,I:.spec.containers[3].image'), pods, false)).toEqual({ stdout: 'N     I\n', stderr: 'error: array index out of bounds: index 3, length 1\n' });
    expect(printCustomColumns(columns('N:.a['), pods, false)).toEqual({ stdout: 'N\n', stderr: 'error: unterminated array\n' });
    expect(printCustomColumns(columns('N:.a['), pods, true)).toEqual({ stdout: '', stderr: 'error: unterminated array\n' });
  });
});
