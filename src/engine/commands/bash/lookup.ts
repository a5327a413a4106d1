// What the terminal's bash remembers and resolves: aliases (`alias`, `unalias`), the typed lines
// (`history`), and where a
// command comes from (`type`, `which`): an alias, a keyword, a builtin, or a program on the
// node's disk (Debian 12 with merged /usr; the packages' sbin tools, the etcd and k8sim tools in
// /usr/local/bin).
import { quoteAlias } from './alias';
import { PROGRAMS_ON_DISK, SHELL_BUILTINS, SHELL_KEYWORDS } from './builtinNames';
import type { Builtin } from './builtins';
import type { Shell } from './interpreter';
import { UTILITIES } from './utils';

export const LOOKUP_BUILTINS: Record<string, Builtin> = {
  alias: function* (shell, args) {
    const aliases = shell.session.aliases;
    if (args.length === 0) {
      for (const name of [...aliases.keys()].sort()) shell.io.out(`alias ${name}=${quoteAlias(aliases.get(name)!)}\n`);
      return 0;
    }
    let status = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      if (eq > 0) aliases.set(arg.slice(0, eq), arg.slice(eq + 1));
      else if (aliases.has(arg)) shell.io.out(`alias ${arg}=${quoteAlias(aliases.get(arg)!)}\n`);
      else {
        shell.io.err(`bash: alias: ${arg}: not found\n`);
        status = 1;
      }
    }
    return status;
  },
  unalias: function* (shell, args) {
    if (args[0] === '-a') {
      shell.session.aliases.clear();
      return 0;
    }
    let status = 0;
    for (const name of args) {
      if (!shell.session.aliases.delete(name)) {
        shell.io.err(`bash: unalias: ${name}: not found\n`);
        status = 1;
      }
    }
    return status;
  },
  // type: what bash would run for each name (alias, keyword, builtin, or the program's path).
  type: function* (shell, args) {
    let status = 0;
    for (const name of args.filter((a) => !a.startsWith('-'))) {
      const alias = shell.session.aliases.get(name);
      const path = programPath(shell, name);
      if (alias !== undefined) shell.io.out(`${name} is aliased to \`${alias}'\n`);
      else if (SHELL_KEYWORDS.has(name)) shell.io.out(`${name} is a shell keyword\n`);
      else if (SHELL_BUILTINS.has(name)) shell.io.out(`${name} is a shell builtin\n`);
      else if (path) shell.io.out(shell.session.hashed.has(name) ? `${name} is hashed (${path})\n` : `${name} is ${path}\n`);
      else {
        shell.io.err(`bash: type: ${name}: not found\n`);
        status = 1;
      }
    }
    return status;
  },
  // history [N]: the typed lines, numbered from 1 as bash prints them (`%5d  %s`).
  history: function* (shell, args) {
    const lines = shell.session.history;
    const count = args[0] === undefined ? lines.length : Number(args[0]);
    if (!Number.isInteger(count) || count < 0) {
      shell.io.err(`bash: history: ${args[0]}: numeric argument required\n`);
      return 1;
    }
    const from = Math.max(0, lines.length - count);
    shell.io.out(lines.slice(from).map((line, i) => `${String(from + i + 1).padStart(5)}  ${line}\n`).join(''));
    return 0;
  },
  // which(1) (debianutils): the path of each program found on $PATH, nothing for the others.
  which: function* (shell, args) {
    let status = 0;
    for (const name of args.filter((a) => !a.startsWith('-'))) {
      const path = programPath(shell, name);
      if (path) shell.io.out(`${path}\n`);
      else status = 1;
    }
    return status;
  },
};

/** SBIN and LOCAL: where the node's programs live when not in /usr/bin (Debian packages, the k8sim and etcd tools). */
const SBIN = new Set(['iptables', 'iptables-save', 'ipvsadm']);
const LOCAL = new Set(['etcdctl', 'sim']);

/** programPath: where a command's program is on a kubeadm node (Debian 12, merged /usr). */
function programPath(shell: Shell, name: string): string | undefined {
  if (name.includes('/')) return shell.programs[name.slice(name.lastIndexOf('/') + 1)] ? name : undefined;
  const known = UTILITIES[name] !== undefined || shell.programs[name] !== undefined || PROGRAMS_ON_DISK.has(name);
  if (!known) return undefined;
  return SBIN.has(name) ? `/usr/sbin/${name}` : LOCAL.has(name) ? `/usr/local/bin/${name}` : `/usr/bin/${name}`;
}
