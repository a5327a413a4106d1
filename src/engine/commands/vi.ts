import { wait, type Task } from '../sim/task';
import type { CommandIO } from './process';
import type { ShellEnv } from './shellEnv';

/**
 * vi (also vim, nano) edits a file of the terminal's machine. What is typed comes from the
 * environment's editor (see editor.ts); without one, the editor quits without saving. A file
 * that does not exist yet starts empty, as in vi.
 */
export function* vi(env: ShellEnv, argv: string[], io: CommandIO, name = 'vi'): Task<number> {
  const files = argv.filter((a) => !a.startsWith('-') && !a.startsWith('+'));
  const session = env.shell;
  if (!session || files.length === 0 || !env.editor) return 0;
  for (const file of files) {
    const text = session.readFile(file);
    if (text === null) {
      io.err(`${name}: "${file}" is a directory\n`);
      return 1;
    }
    const saved = yield* wait(env.editor(session.resolvePath(file), text ?? ''));
    if (saved === null || saved === text) continue;
    if (!session.writeFile(file, saved, false)) {
      io.err(`"${file}" E212: Can't open file for writing\n`);
      return 1;
    }
  }
  return 0;
}
