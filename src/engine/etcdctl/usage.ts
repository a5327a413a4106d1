// Mirrors etcd v3.4 etcdctl/ctlv3/help.go: the usage template etcdctl prints for --help, for
// a group command without a subcommand, and (on stdout) after a flag error.
import { alignWithTabs } from './tabWriter';
import { flagUsageLine, type FlagDef } from './flags';
import type { CommandDef } from './commands';

/** API_VERSION is version.APIVersion of etcd 3.4. */
const API_VERSION = '3.4';

/** helpFlag is the flag cobra adds to every command. */
export function helpFlag(cmd: CommandDef): FlagDef {
  return { name: 'help', shorthand: 'h', type: 'bool', defValue: 'false', usage: `help for ${cmd.name}` };
}

/** localFlags are a command's own flags, its persistent flags and help, sorted by name. */
export function localFlags(cmd: CommandDef): FlagDef[] {
  return sortFlags([...cmd.flags, ...(cmd.persistentFlags ?? []), helpFlag(cmd)]);
}

/** inheritedFlags are the persistent flags of every ancestor, sorted by name. */
export function inheritedFlags(path: CommandDef[]): FlagDef[] {
  return sortFlags(path.slice(0, -1).flatMap((c) => c.persistentFlags ?? []));
}

function sortFlags(flags: FlagDef[]): FlagDef[] {
  return [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * commandUsage renders the usage of the last command in `path` (root first), e.g. for
 * `[ROOT, get]` the text of testdata/err_unknown_flag.txt's stdout.
 */
export function commandUsage(path: CommandDef[]): string {
  const cmd = path[path.length - 1];
  const names = path.slice(1).map((c) => c.name);
  const useLine = [path[0].name, ...names.slice(0, -1), cmd.use].join(' ') + ' [flags]';
  let text = `NAME:\n\t${names.join(' ')} - ${cmd.short}\n\nUSAGE:\n\t${useLine}\n`;
  const children = cmd.children ?? [];
  if (children.length > 0) {
    text += `\nAPI VERSION:\n\t${API_VERSION}\n`;
    const sorted = [...children].sort((a, b) => (a.name < b.name ? -1 : 1));
    text += `\n\nCOMMANDS:\n${sorted.map((c) => `\t${c.name}\t${c.short}\n`).join('')}`;
  }
  if (cmd.long) {
    const lines = cmd.long.replace(/^[\n\t ]+|[\n\t ]+$/g, '').split('\n');
    text += `\nDESCRIPTION:\n${lines.map((l) => `\t${l}\n`).join('')}`;
  }
  text += `\nOPTIONS:\n${localFlags(cmd).map(flagUsageLine).join('')}`;
  const inherited = inheritedFlags(path);
  if (inherited.length > 0) text += `\nGLOBAL OPTIONS:\n${inherited.map(flagUsageLine).join('')}`;
  return alignWithTabs(`${text}\n`);
}
