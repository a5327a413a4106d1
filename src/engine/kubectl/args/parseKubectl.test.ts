// @vitest-environment node
// parseKubectl against the real kubectl v1.32.4: src/tools/fixtures/kubectl_parse_errors.py ran
// every line of src/tools/fixtures/kubectl-parse-errors.commands.txt with no reachable server
// (testdata/parse-errors.golden.jsonl). Failures that happen before any request must match
// kubectl's stderr/stdout exactly; lines that got as far as a request must parse successfully.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateFromCommand, hasGenerator } from '../generate/generate';
import { parseKubectl } from './parseKubectl';
import { tokenize } from './tokenize';

interface ParseRecord {
  cmd: string;
  exit: number;
  stdout: string;
  stderr: string;
  reached_server: boolean;
}

const records: ParseRecord[] = readFileSync(new URL('../testdata/parse-errors.golden.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as ParseRecord);

const stripKlog = (s: string) => s.replace(/^[EWI]\d{4} .*\n/gm, '');
const isHelpText = (r: ParseRecord) => /Available Commands:|Usage:/.test(r.stdout + r.stderr);
const UNSUPPORTED = /is not supported by this simulator/;

/** run parses, then (for create/run, which need no existing object) runs the generator too. */
function run(cmd: string) {
  const parsed = parseKubectl(tokenize(cmd).argv ?? []);
  if (parsed.kind === 'error' || parsed.help || !hasGenerator(parsed.path)) return parsed;
  if (parsed.path[0] !== 'create' && parsed.path[0] !== 'run') return parsed;
  return generateFromCommand(parsed, {});
}

describe('parseKubectl matches real kubectl v1.32.4', () => {
  for (const record of records) {
    it(record.cmd, () => {
      const ours = run(record.cmd);
      if (record.exit === 0) {
        expect(ours.kind === 'error' ? ours.stderr : '').toBe('');
      } else if (record.reached_server) {
        const stderr = ours.kind === 'error' ? ours.stderr : '';
        if (!UNSUPPORTED.test(stderr)) expect(ours.kind, stderr).not.toBe('error');
      } else if (isHelpText(record)) {
        // Group commands print their (upstream) help text; we print a short summary instead.
        expect(ours.kind).toBe('error');
        if (ours.kind === 'error') expect(Boolean(ours.stdout)).toBe(Boolean(record.stdout));
      } else {
        expect(ours.kind).toBe('error');
        if (ours.kind === 'error') {
          expect(stripKlog(ours.stderr)).toBe(record.stderr);
          expect(ours.stdout).toBe(record.stdout);
          expect(ours.exitCode).toBe(record.exit);
        }
      }
    });
  }
});

describe('parseKubectl results', () => {
  it('resolves aliases, keeps defaults and splits args at --', () => {
    const cmd = parseKubectl(tokenize('kubectl -n prod create deploy web --image=nginx -r 3 -- /bin/app --flag').argv ?? []);
    expect(cmd.kind).toBe('command');
    if (cmd.kind !== 'command') return;
    expect(cmd.path).toEqual(['create', 'deployment']);
    expect(cmd.flags.namespace).toBe('prod');
    expect(cmd.flags.replicas).toBe(3);
    expect(cmd.flags.port).toBe(-1);
    expect(cmd.flags.image).toEqual(['nginx']);
    expect(cmd.positionals).toEqual(['web']);
    expect(cmd.argsAfterDash).toEqual(['/bin/app', '--flag']);
    expect(cmd.argsLenAtDash).toBe(1);
    expect(cmd.changed).toEqual(['namespace', 'image', 'replicas']);
  });

  it('reports deprecated flags the way pflag prints them', () => {
    const cmd = parseKubectl(['kubectl', 'scale', 'deploy/web', '--replicas=2', '--record']);
    expect(cmd.kind === 'command' && cmd.warnings).toBe('Flag --record has been deprecated, --record will be removed in the future\n');
  });
});
