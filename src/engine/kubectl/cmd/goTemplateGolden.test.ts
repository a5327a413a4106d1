// Byte-for-byte check of `kubectl get -o go-template` against the real kubectl v1.32.4:
// testdata/go-template.golden.jsonl holds what it printed for each line of
// src/tools/fixtures/kubectl-go-template.commands.txt over printers/goTemplate/testdata/objects.json
// (regenerate with src/tools/fixtures/kubectl_go_template.py). Each case goes through our
// parser, templateOutput and printTemplate with the same objects kubectl was served.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { ParsedCommand } from '../args/commandSpec';
import { parseKubectl } from '../args/parseKubectl';
import { resolveResourceArgs } from '../args/resourceArgs';
import { tokenize } from '../args/tokenize';
import { printTemplate, templateOutput } from './templateOutput';

interface GoldenCase {
  cmd: string;
  exit: number;
  stdout: string;
  stderr: string;
}

const golden: GoldenCase[] = readFileSync(new URL('../testdata/go-template.golden.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as GoldenCase);
const objects = (JSON.parse(readFileSync(new URL('../printers/goTemplate/testdata/objects.json', import.meta.url), 'utf8')) as { items: KubeObject[] }).items;

function argvOf(cmd: string): string[] {
  if (cmd.startsWith('[')) return JSON.parse(cmd) as string[];
  const t = tokenize(cmd);
  if (t.error !== undefined) throw new Error(`${cmd}: ${t.error}`);
  return t.argv;
}

/** select picks what the stub served: named objects, or every object of the listed types. */
function select(cmd: ParsedCommand): { items: KubeObject[]; named: boolean } {
  const selection = resolveResourceArgs(cmd.positionals, { selector: false, allowEmptySelector: true });
  if (selection instanceof Error) throw selection;
  if (selection.kind === 'names') {
    return { items: selection.items.map((i) => objects.find((o) => o.kind === i.type.kind && o.metadata?.name === i.name)!), named: true };
  }
  return { items: selection.types.flatMap((t) => objects.filter((o) => o.kind === t.kind)), named: false };
}

/** run is what `kubectl get` prints for the case in our simulator. */
function run(cmdLine: string): { exit: number; stdout: string; stderr: string } {
  const parsed = parseKubectl(argvOf(cmdLine));
  if (parsed.kind === 'error') throw new Error(`${cmdLine}: ${JSON.stringify(parsed)}`);
  const cmd = parsed as ParsedCommand;
  const out = templateOutput(cmd);
  if (typeof out === 'string') return { exit: 1, stdout: '', stderr: out };
  if (!out) throw new Error(`${cmdLine}: not a template output`);
  const { items, named } = select(cmd);
  const printed = printTemplate(out, items, named && items.length === 1);
  return { exit: printed.stderr ? 1 : 0, ...printed };
}

describe('kubectl get -o go-template matches kubectl v1.32.4 byte for byte', () => {
  it('has the golden cases', () => {
    expect(golden.length).toBeGreaterThanOrEqual(30);
  });

  it.each(golden.map((g) => [g.cmd, g] as const))('%s', (_cmd, g) => {
    expect(run(g.cmd)).toEqual({ exit: g.exit, stdout: g.stdout, stderr: g.stderr });
  });
});
