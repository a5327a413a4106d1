// Test support: replays a golden fixture line (`[SETUP || ]USER-COMMAND`) through our
// tokenizer, parser and generators exactly the way /work/shared/oracles/kubectl/
// kubectl_dry_run.py ran the real kubectl: the setup object is built first (here by our own
// generator), the user command is rewritten to `-f <file>` for it, and `--dry-run=client -o json`
// (or `--local -o json` for set/label/annotate) is appended before any `--`.
import type { ParsedCommand } from '../args/commandSpec';
import type { KubectlUsageError } from '../args/errors';
import { parseKubectl } from '../args/parseKubectl';
import { tokenize } from '../args/tokenize';
import { type JsonObject, printJson } from '../printers/json';
import { printYaml } from '../printers/yaml';
import type { Generated, GenerateResult } from './context';
import { generateFromCommand } from './generate';

/** withOracleFlags mirrors the oracle's dry(): output flags go before `--`. */
export function withOracleFlags(argv: string[], format: 'json' | 'yaml'): string[] {
  const local = ['set', 'label', 'annotate'].includes(argv[1]);
  const extra = [local ? '--local' : '--dry-run=client', '-o', format];
  const dash = argv.indexOf('--');
  return dash < 0 ? [...argv, ...extra] : [...argv.slice(0, dash), ...extra, ...argv.slice(dash)];
}

/** rewriteForSetup mirrors the oracle: `kubectl VERB TYPE NAME rest` → `kubectl VERB -f FILE rest`. */
export function rewriteForSetup(argv: string[]): string[] {
  const verbEnd = argv[1] === 'set' ? 3 : 2;
  let rest = argv.slice(verbEnd);
  if (rest.length > 0 && rest[0].includes('/') && !rest[0].startsWith('-')) rest = rest.slice(1);
  else if (rest.length > 1 && !rest[0].startsWith('-')) rest = rest.slice(2);
  return [...argv.slice(0, verbEnd), '-f', 'obj.json', ...rest];
}

function argvOf(line: string): string[] {
  const t = tokenize(line);
  if (t.error !== undefined) throw new Error(`${line}: ${t.error}`);
  return t.argv;
}

/** ReplayResult is what our side produced for one fixture line. */
export type ReplayResult = KubectlUsageError | GenerateResult;

/** replay runs one fixture line through our stack; `@path` setups are read with `readText`. */
export function replay(
  setup: string | undefined,
  cmd: string,
  format: 'json' | 'yaml' = 'json',
  readText?: (path: string) => string,
): ReplayResult {
  let source: JsonObject | undefined;
  let argv = argvOf(cmd);
  if (setup?.startsWith('@')) {
    if (!readText) throw new Error(`no file reader for ${setup}`);
    source = JSON.parse(readText(setup.slice(1))) as JsonObject;
    argv = rewriteForSetup(argv);
  } else if (setup) {
    const made = replay(undefined, setup, 'json');
    if (made.kind !== 'generated') throw new Error(`setup failed: ${setup}: ${made.stderr}`);
    source = made.objects[0];
    argv = rewriteForSetup(argv);
  }
  const parsed = parseKubectl(withOracleFlags(argv, format));
  if (parsed.kind === 'error') return parsed;
  return generateFromCommand(parsed as ParsedCommand, { source, randomString: () => 'abcde' });
}

/** stripKlog mirrors the oracle's removal of klog lines (`E1122 ...`) from stderr. */
export function stripKlog(stderr: string): string {
  return stderr.replace(/^E\d{4}.*\n/gm, '');
}

// Rendering of results the way kubectl writes them for `-o json` / `-o yaml` (cli-runtime
// printers: JSONPrinter prints each object; YAMLPrinter puts `---` before every object after
// the first; `kubectl run --expose` adds one more `---` of its own).
/** renderGenerated concatenates the printed objects of one kubectl invocation. */
export function renderGenerated(result: Generated, format: 'json' | 'yaml'): string {
  if (format === 'json') return result.objects.map(printJson).join('');
  return result.objects
    .map((obj, i) => `${i > 0 ? '---\n' : ''}${printYaml(obj)}${i === 0 && result.yamlExtraSeparator ? '---\n' : ''}`)
    .join('');
}

/** RawRecord is one line of testdata/raw-output.golden.jsonl. */
export interface RawRecord {
  setup: string[];
  cmd: string;
  format: 'json' | 'yaml';
  exit: number;
  stdout: string;
  stderr: string;
}

/** parseRawRecords splits the JSON-lines golden file. */
export function parseRawRecords(text: string): RawRecord[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as RawRecord);
}
