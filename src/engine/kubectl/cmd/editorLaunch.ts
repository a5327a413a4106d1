// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editor.go (v1.32): which editor runs
// ($KUBE_EDITOR, then $EDITOR, else vi), how (a bare command, words split on spaces, or through
// the shell when it has quotes), and the temporary file it edits.
import type { Task } from '../../sim/task';
import type { KubectlContext } from './context';

/** EditorCommand is the editor's argv, and whether its last word is a line for `$SHELL -c`. */
export interface EditorCommand {
  args: string[];
  shell: boolean;
}

/** editorCommand mirrors defaultEnvEditor. */
export function editorCommand(vars: ReadonlyMap<string, string>): EditorCommand {
  const editor = vars.get('KUBE_EDITOR') || vars.get('EDITOR') || 'vi';
  if (!editor.includes(' ')) return { args: [editor], shell: false };
  if (!/["'\\]/.test(editor)) return { args: editor.split(' '), shell: false };
  return { args: [vars.get('SHELL') || '/bin/bash', '-c', editor], shell: true };
}

/**
 * launchEditor writes `text` to /tmp/kubectl-edit-NNN.EXT (os.CreateTemp's random number), runs
 * the editor on it in the terminal and reads the file back.
 */
export function* launchEditor(ctx: KubectlContext, ext: string, text: string): Task<{ file: string; text: string } | { error: string }> {
  const session = ctx.env.shell;
  const spawn = ctx.io.spawn;
  if (!session || !spawn) return { error: 'no editor defined, can\'t open a file in this terminal' };
  const file = `/tmp/kubectl-edit-${ctx.env.rng.int(2 ** 32)}${ext}`;
  session.writeFile(file, text, false);
  const command = editorCommand(session.vars);
  const status = command.shell
    ? yield* spawn({ line: `${command.args[2]} ${JSON.stringify(file)}` })
    : yield* spawn({ argv: [...command.args, file] });
  const named = command.args.join(' ');
  if (status === undefined) return { error: `unable to launch the editor "${named}"` };
  if (status !== 0) return { error: `there was a problem with the editor "${named}"` };
  return { file, text: session.readFile(file) ?? '' };
}
