// Which of the terminal's commands are bash's own builtins and keywords (the others are programs
// on the node's disk: ls, cat, date, sleep, ...). `type` and bash's command hashing tell them apart.

/** SHELL_BUILTINS: the commands bash runs itself (bash(1) "SHELL BUILTIN COMMANDS"). */
export const SHELL_BUILTINS: ReadonlySet<string> = new Set(['echo', 'printf', 'export', 'unset', 'cd', 'pwd', 'jobs', 'kill', 'fg', 'true', 'false', ':', 'exit', 'read', 'test', '[', 'alias', 'unalias', 'type', 'source', '.', 'eval', 'hash', 'history']);

/** SHELL_KEYWORDS: the reserved words of bash's grammar. */
export const SHELL_KEYWORDS: ReadonlySet<string> = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'time', '!', '{', '}', '[[', ']]', 'select', 'coproc']);

/**
 * PROGRAMS_ON_DISK: the commands the terminal runs itself that are programs on a real node too
 * (coreutils, procps, debianutils, ncurses), plus bash builtins that also exist as programs.
 */
export const PROGRAMS_ON_DISK: ReadonlySet<string> = new Set(['ls', 'cp', 'mv', 'rm', 'touch', 'mkdir', 'date', 'hostname', 'sleep', 'watch', 'xargs', 'env', 'printenv', 'clear', 'which', 'echo', 'printf', 'pwd', 'kill', 'true', 'false', 'test', '[']);
