// @vitest-environment node
// printYaml must reproduce real kubectl's `-o yaml` stdout byte for byte (sigs.k8s.io/yaml over
// yaml.v2). Goldens: testdata/raw-output.golden.jsonl, plus a ConfigMap whose values exercise
// every quoting rule, captured from kubectl v1.32.4 (`kubectl create configmap ... -o yaml`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRawRecords, renderGenerated, replay } from '../generate/oracleHarness';
import { formatYamlFloat, printYaml, yamlKeyLess } from './yaml';

// Data of `kubectl create configmap cm --from-literal=... -o yaml` and the exact stdout kubectl
// printed for it (keys sorted naturally, scalars quoted only where yaml.v2 must).
const QUOTING_DATA: Record<string, string> = {
  a: '80', b: 'true', c: '', d: '- x', e: '*', f: '2025-01-01T00:00:00Z', g: 'multi\nline', h: 'trail\n',
  i: 'x: y', j: 'a #b', k: ' lead', l: 'tab\tx', m: '1e3', n: '0x1F', o: '.5', p: '1:30', q: '~', r: 'yes',
  s: '<html>&', t: 'héllo 😀', u: "it's", w: '"q"', x: 'a  b', y: '2025-01-01', z: '@x', a10: '1', a9: '2',
  A: '3', _x: '4', 'x.y': '5', '0a': '6', k2: 'line1\n\nline3\n', k3: 'trailing space ', k4: '    indented\nx',
  v: 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua',
};
const QUOTING_YAML = `apiVersion: v1
data:
  _x: "4"
  0a: "6"
  A: "3"
  a: "80"
  a9: "2"
  a10: "1"
  b: "true"
  c: ""
  d: '- x'
  e: '*'
  f: "2025-01-01T00:00:00Z"
  g: |-
    multi
    line
  h: |
    trail
  i: 'x: y'
  j: 'a #b'
  k: ' lead'
  k2: |
    line1

    line3
  k3: 'trailing space '
  k4: |2-
        indented
    x
  l: "tab\\tx"
  m: "1e3"
  "n": "0x1F"
  o: ".5"
  p: "1:30"
  q: "~"
  r: "yes"
  s: <html>&
  t: "héllo \\U0001F600"
  u: it's
  v: lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor
    incididunt ut labore et dolore magna aliqua
  w: '"q"'
  x: a  b
  x.y: "5"
  "y": "2025-01-01"
  z: '@x'
kind: ConfigMap
metadata:
  creationTimestamp: null
  name: cm
`;

const readRepoFile = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
const rawRecords = parseRawRecords(readFileSync(new URL('../testdata/raw-output.golden.jsonl', import.meta.url), 'utf8'));

describe('printYaml', () => {
  it('quotes, folds and sorts exactly like kubectl -o yaml', () => {
    const cm = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'cm', creationTimestamp: null }, data: QUOTING_DATA };
    expect(printYaml(cm)).toBe(QUOTING_YAML);
  });

  it('orders keys like yaml.v2 (digit runs compare as numbers)', () => {
    expect(yamlKeyLess('a9', 'a10')).toBe(true);
    expect(yamlKeyLess('A', 'a')).toBe(true);
    expect(yamlKeyLess('_x', '0a')).toBe(true);
  });

  it('formats floats as strconv.FormatFloat(f, g, -1, 64)', () => {
    expect(formatYamlFloat(0.5)).toBe('0.5');
    expect(formatYamlFloat(1.5e-5)).toBe('1.5e-05');
    expect(formatYamlFloat(1234567.5)).toBe('1.2345675e+06');
    expect(formatYamlFloat(3)).toBe('3');
  });

  for (const record of rawRecords.filter((r) => r.format === 'yaml' && r.exit === 0)) {
    it(`matches kubectl stdout: ${record.cmd}`, () => {
      const ours = replay(record.setup[0], record.cmd, 'yaml', readRepoFile);
      expect(ours.kind).toBe('generated');
      if (ours.kind === 'generated') expect(renderGenerated(ours, 'yaml')).toBe(record.stdout);
    });
  }
});
