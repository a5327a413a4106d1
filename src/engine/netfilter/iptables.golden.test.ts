// The node's iptables, iptables-save and iptables -S against the real iptables 1.8.9 (nf_tables):
// src/tools/fixtures/iptables_listing.py loaded testdata/host.rules (a simulated node's tables:
// built-in chains, kube-proxy's jumps and its restore, see hostTables.ts) into a network namespace
// and recorded what each command printed (testdata/iptables.golden.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iptablesOn, iptablesSaveOn } from '../commands/iptables';
import { parseRestore, restoreWords } from './restore';

interface Golden {
  cmd: string;
  exit: number;
  stdout: string;
  stderr: string;
}

const GOLDEN: Golden[] = JSON.parse(readFileSync(new URL('./testdata/iptables.golden.json', import.meta.url), 'utf8'));
const TABLES = parseRestore(readFileSync(new URL('./testdata/host.rules', import.meta.url), 'utf8'));

describe('iptables on a node (iptables 1.8.9 nf_tables: xshared.c print_header/print_rule_details, the extensions\' save and print)', () => {
  for (const g of GOLDEN) {
    it(g.cmd, () => {
      let stdout = '';
      let stderr = '';
      const io = { out: (t: string) => (stdout += t), err: (t: string) => (stderr += t), stdin: '', interrupted: false, onInterrupt: () => {} };
      const [program, ...argv] = restoreWords(g.cmd);
      const exit = program === 'iptables-save' ? iptablesSaveOn(TABLES, argv, io, 'DATE') : iptablesOn(TABLES, argv, io);
      expect({ exit, stdout, stderr }).toEqual({ exit: g.exit, stdout: g.stdout, stderr: g.stderr });
    });
  }
});
