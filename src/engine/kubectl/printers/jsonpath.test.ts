import { describe, expect, it } from 'vitest';
import type { JsonValue } from './json';
import { executeJsonPath, JsonPathError } from './jsonpath';

// Cases ported from k8s.io/client-go/util/jsonpath/jsonpath_test.go (TestKubernetes,
// TestStructInput on JSON data, TestJSONInput, TestNestedRanges, the slice tests, missing keys).
const nodes: JsonValue = {
  kind: 'List',
  items: [
    { kind: 'None', metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } }, status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] } },
    { kind: 'None', metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } }, status: { capacity: { cpu: '8' }, ready: false, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.2' }, { type: 'another', address: '127.0.0.3' }] } },
  ],
  users: [{ name: 'myself', user: {} }, { name: 'e2e', user: { username: 'admin', password: 'secret' } }],
};

const types: JsonValue = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ['one', 'two', 'three', 'four'],
  maps: [{ name: 'one', value: 1 }, { name: 'two', value: 2.02 }, { name: 'three', value: 3.03 }, { name: 'four', value: 4.04 }],
};

const points: JsonValue = [
  { id: 'i1', x: 4, y: -5 },
  { id: 'i2', x: -2, y: -5, z: 1 },
  { id: 'i3', x: 8, y: 3 },
  { id: 'i4', x: -6, y: -1 },
  { id: 'i5', x: 0, y: 2, z: 1 },
  { id: 'i6', x: 1, y: 4 },
];

const pods: JsonValue = {
  items: [
    { metadata: { name: 'pod1' }, spec: { containers: [{ name: 'foo' }, { name: 'bar' }] } },
    { metadata: { name: 'pod2' }, spec: { containers: [{ name: 'baz' }] } },
  ],
};

const cases: Array<[string, string, JsonValue, string]> = [
  ['range item', '{range .items[*]}{.metadata.name}, {end}{.kind}', nodes, '127.0.0.1, 127.0.0.2, List'],
  ['range item with quote', '{range .items[*]}{.metadata.name}{"\\t"}{end}', nodes, '127.0.0.1\t127.0.0.2\t'],
  ['range addresss', '{.items[*].status.addresses[*].address}', nodes, '127.0.0.1 127.0.0.2 127.0.0.3'],
  ['double range', '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', nodes, '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
  ['item name', '{.items[*].metadata.name}', nodes, '127.0.0.1 127.0.0.2'],
  ['union nodes capacity', "{.items[*]['metadata.name', 'status.capacity']}", nodes, '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
  ['range nodes capacity', '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', nodes, '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
  ['user password', '{.users[?(@.name=="e2e")].user.password}', nodes, 'secret'],
  ['hostname', '{.items[0].metadata.labels.kubernetes\\.io/hostname}', nodes, '127.0.0.1'],
  ['hostname filter', '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', nodes, 'None'],
  ['bool item', '{.items[?(@..ready==true)].metadata.name}', nodes, '127.0.0.1'],
  ['boolSlice', '{ .bools }', types, '[true,false,true,false]'],
  ['boolSliceIndex', '{ .bools[-1] }', types, 'false'],
  ['boolSubSliceStep2', '{ .bools[:4:2] }', types, 'true true'],
  ['integerSliceIndexReverse', '{ .integers[-2] }', types, '3'],
  ['floatSlice', '{ .floats }', types, '[1,2.2,3.3,4]'],
  ['floatSubSliceFirst2', '{ .floats[0:2] }', types, '1 2.2'],
  ['stringSubSliceStep2', '{ .strings[:4:2] }', types, 'one three'],
  ['mapSliceIndex', '{ .maps[0] }', types, '{"name":"one","value":1}'],
  ['mapSubSliceStepEven', '{ .maps[1::2] }', types, '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
  ['plain', 'hello jsonpath', null, 'hello jsonpath'],
  ['filter', '{[?(@<5)]}', [2, 6, 3, 7], '2 3'],
  ['quote', '{"{"}', null, '{'],
  ['union', '{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'],
  ['array', '{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'],
  ['exists filter', '{[?(@.z)].id}', points, 'i2 i5'],
  ['bracket key', "{[0]['id']}", points, 'i1'],
  ['nested range', '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', pods, 'pod1:foo,bar,+pod2:baz,+'],
  ['empty range', '{range .items[*]}{.metadata.name}{end}', { items: [] }, ''],
  ['nonexistent field', '{.hello}', nodes, ''],
  ['nonexistent field 2', 'before-{.hello}after', nodes, 'before-after'],
];

describe('jsonpath (client-go util/jsonpath, as kubectl -o jsonpath prints)', () => {
  for (const [name, template, data, want] of cases) {
    it(name, () => expect(executeJsonPath(template, data)).toBe(want));
  }

  it('jsonpath-as-json prints every match as one indented JSON array', () => {
    expect(executeJsonPath('{.items[*].metadata.name}', nodes, true)).toBe('[\n    "127.0.0.1",\n    "127.0.0.2"\n]\n');
  });

  it('refuses what the parser refuses, with its messages', () => {
    expect(() => executeJsonPath('{range .x}{@}{end}{end}', nodes)).toThrow(new JsonPathError('not in range, nothing to end'));
    expect(() => executeJsonPath('{.kind', nodes)).toThrow(new JsonPathError('unclosed action'));
    expect(() => executeJsonPath('{.items[?(@.x<>10)]}', nodes)).toThrow(new JsonPathError('unrecognized filter operator <>'));
    expect(() => executeJsonPath('{.items[5]}', nodes)).toThrow(new JsonPathError('array index out of bounds: index 5, length 2'));
  });
});
