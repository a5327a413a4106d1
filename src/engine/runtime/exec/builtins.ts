// The container shell's own commands that look at files: cd (relative paths and pwd follow it)
// and test / [ (what exec probes and kubectl cp's `test -d` ask).
import { absolutePath, readFile } from './files';
import type { Run } from './shell';

/** testCommand is test(1)'s file checks (-e, -f, -d, -s) and string tests (-n, -z, =, !=). */
export function testCommand(run: Run, args: string[]): number {
  const [op, a, b] = args;
  if (args.length === 2 && /^-[efds]$/.test(op)) {
    const content = readFile(run.e.view, a);
    const ok = op === '-e' ? content !== undefined : op === '-f' ? typeof content === 'string' : op === '-d' ? content === null : typeof content === 'string' && content.length > 0;
    return ok ? 0 : 1;
  }
  if (args.length === 2 && (op === '-n' || op === '-z')) return (a.length > 0) === (op === '-n') ? 0 : 1;
  if (args.length === 3 && (a === '=' || a === '!=')) return (op === b) === (a === '=') ? 0 : 1;
  return args.length === 1 && op !== '' ? 0 : 1;
}

/** changeDirectory is the cd builtin: relative paths and pwd follow it for the rest of the script. */
export function changeDirectory(run: Run, target: string): number {
  const full = absolutePath(run.e.view, target);
  const found = readFile(run.e.view, full);
  if (found === null) {
    run.e = { ...run.e, workingDir: full, view: { ...run.e.view, workingDir: full } };
    return 0;
  }
  const why = found === undefined ? 'No such file or directory' : 'Not a directory';
  if (run.shell === 'bash') run.err.push(`bash: line ${run.line}: cd: ${target}: ${why}\n`);
  else if (run.e.family === 'debian') run.err.push(`sh: ${run.line}: cd: can't cd to ${target}\n`);
  else run.err.push(`sh: cd: line ${run.line - 1}: can't cd to ${target}: ${why}\n`);
  return run.shell === 'bash' ? 1 : 2;
}
