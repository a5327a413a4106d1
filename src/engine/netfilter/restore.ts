// iptables-restore input read back into tables (the fixture node's rules, see testdata/host.rules).
import type { HostTable, TableName } from './hostTables';

/** restoreWords splits a rule line into words; a double-quoted word keeps its quotes, as kube-proxy writes it. */
export function restoreWords(line: string): string[] {
  return line.match(/"[^"]*"|\S+/g) ?? [];
}

/** parseRestore reads `*table`, `:CHAIN POLICY [0:0]`, `-A ...` and `COMMIT` lines. */
export function parseRestore(text: string): HostTable[] {
  const tables: HostTable[] = [];
  let current: HostTable | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('*')) tables.push((current = { name: line.slice(1) as TableName, chains: [], rules: [] }));
    else if (line.startsWith(':') && current) {
      const [name, policy] = line.slice(1).split(' ');
      current.chains.push(policy === '-' ? { name } : { name, policy: policy as 'ACCEPT' });
    } else if (line.startsWith('-A ') && current) current.rules.push(restoreWords(line));
  }
  return tables;
}
