// @vitest-environment node
// Golden test against the real kubectl v1.32: every line of
// src/tools/fixtures/kubectl-dry-run.commands.txt was run through kubectl by
// src/tools/fixtures/regen-kubectl-dry-run.sh into testdata/dry-run.golden.jsonl. We replay each
// command through tokenize → parseKubectl → generateFromCommand and require the same bytes
// (both objects printed through printJson) or the same stderr text and a failing exit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type JsonObject, printJson } from '../printers/json';
import { replay, stripKlog } from './oracleHarness';

interface GoldenRecord {
  setup: string[];
  cmd: string;
  exit: number;
  object?: JsonObject;
  stderr?: string;
}

const goldenPath = new URL('../testdata/dry-run.golden.jsonl', import.meta.url);
const records: GoldenRecord[] = readFileSync(goldenPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as GoldenRecord);

describe('kubectl --dry-run=client -o json golden (real kubectl v1.32.4)', () => {
  it('has at least 45 successful commands and 10 error cases', () => {
    expect(records.filter((r) => r.exit === 0).length).toBeGreaterThanOrEqual(45);
    expect(records.filter((r) => r.exit !== 0).length).toBeGreaterThanOrEqual(10);
  });

  for (const record of records) {
    const title = `${record.setup.length ? `${record.setup[0]} || ` : ''}${record.cmd}`;
    it(title, () => {
      const ours = replay(record.setup[0], record.cmd);
      if (record.exit === 0) {
        expect(ours.kind === 'error' ? ours.stderr : '').toBe('');
        if (ours.kind !== 'generated') return;
        expect(ours.error?.stderr ?? '').toBe('');
        expect(ours.objects.length).toBe(1);
        expect(printJson(ours.objects[0])).toBe(printJson(record.object as JsonObject));
      } else {
        const stderr = ours.kind === 'error' ? ours.stderr : (ours.error?.stderr ?? '<no error>');
        expect(stripKlog(stderr).trim()).toBe(record.stderr);
      }
    });
  }
});
