// @vitest-environment node
// printJson must reproduce real kubectl's `-o json` stdout byte for byte: the raw stdout of
// kubectl v1.32.4 is in testdata/raw-output.golden.jsonl (src/tools/fixtures/kubectl_raw_output.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goQuoteString, marshalJsonCompact, printJson } from './json';
import { parseRawRecords, renderGenerated, replay } from '../generate/oracleHarness';

const readRepoFile = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
const rawRecords = parseRawRecords(readFileSync(new URL('../testdata/raw-output.golden.jsonl', import.meta.url), 'utf8'));

describe('printJson', () => {
  it('escapes like Go encoding/json (HTML-safe, control characters, U+2028)', () => {
    // Go: json.Marshal("<a>&\u2028\t\x01\"\\") == "\"\\u003ca\\u003e\\u0026\\u2028\\t\\u0001\\\"\\\\\""
    expect(goQuoteString('<a>&\u2028\t\u0001"\\')).toBe('"\\u003ca\\u003e\\u0026\\u2028\\t\\u0001\\"\\\\"');
  });

  it('prints empty collections compactly and keeps key order', () => {
    expect(printJson({ b: {}, a: [] })).toBe('{\n    "b": {},\n    "a": []\n}\n');
    expect(marshalJsonCompact({ b: 1, a: [true, null] })).toBe('{"b":1,"a":[true,null]}');
  });

  for (const record of rawRecords.filter((r) => r.format === 'json' && r.exit === 0)) {
    it(`matches kubectl stdout: ${record.cmd}`, () => {
      const ours = replay(record.setup[0], record.cmd, 'json', readRepoFile);
      expect(ours.kind).toBe('generated');
      if (ours.kind !== 'generated') return;
      expect(renderGenerated(ours, 'json')).toBe(record.stdout);
      expect(ours.warnings.replace(/^[EW]\d{4} .*\n/gm, '')).toBe(record.stderr);
    });
  }
});
