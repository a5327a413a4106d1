// GNU diff (diffutils 3.8) over the terminal's files: the default format, -u / -U N (unified, with
// the files' times as `ls --full-time` would give them), -q, -N (a missing file is empty), and
// the exit status 0 (same), 1 (different), 2 (trouble).
import { diffLines, normalDiff, toLines, unifiedHunks } from './diffLines';
import { wholeFilter, type FilterIO, type Utility } from './filter';

const TRY = "diff: Try 'diff --help' for more information.\n";

export interface DiffOptions {
  unified: number | undefined;
  brief: boolean;
  newFile: boolean;
  /** stamp: the time shown for a file in unified headers (`2026-11-24 11:20:57.000000000 +0000`). */
  stamp: (file: string) => string;
}

/** diffTexts compares two texts as diff does, printing to `out`; it returns the exit status. */
export function diffTexts(names: [string, string], texts: [string, string], options: DiffOptions, out: (text: string) => void): number {
  if (texts[0] === texts[1]) return 0;
  if (options.brief) {
    out(`Files ${names[0]} and ${names[1]} differ\n`);
    return 1;
  }
  const a = toLines(texts[0]);
  const b = toLines(texts[1]);
  const changes = diffLines(a, b, options.unified ?? 0);
  if (options.unified === undefined) out(normalDiff(a, b, changes));
  else out(`--- ${names[0]}\t${options.stamp(names[0])}\n+++ ${names[1]}\t${options.stamp(names[1])}\n${unifiedHunks(a, b, changes, options.unified)}`);
  return 1;
}

/** diffStamp is a time as diff's unified header shows a file's modification time. */
export function diffStamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`;
}

/** diff: the terminal's files have no times of their own; they show the machine's clock. */
export const diff: Utility = (args: string[], io: FilterIO) => {
  const stamp = () => diffStamp(io.nowMs?.() ?? 0);
  const options: DiffOptions = { unified: undefined, brief: false, newFile: false, stamp };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-U' || arg.startsWith('--unified=')) options.unified = Number(arg === '-U' ? args[++i] : arg.slice(10));
    else if (/^-U\d+$/.test(arg)) options.unified = Number(arg.slice(2));
    else if (arg === '--brief') options.brief = true;
    else if (arg === '--new-file') options.newFile = true;
    else if (/^-[uqN]+$/.test(arg)) {
      if (arg.includes('u')) options.unified ??= 3;
      if (arg.includes('q')) options.brief = true;
      if (arg.includes('N')) options.newFile = true;
    } else if (arg.startsWith('-') && arg !== '-') return { error: `diff: invalid option -- '${arg.replace(/^-+/, '')[0]}'\n${TRY}`, status: 2 };
    else files.push(arg);
  }
  if (files.length < 2) return { error: `diff: missing operand after '${files[0] ?? 'diff'}'\n${TRY}`, status: 2 };
  if (files.length > 2) return { error: `diff: extra operand '${files[2]}'\n${TRY}`, status: 2 };
  return wholeFilter((stdin) => {
    const texts: string[] = [];
    for (const file of files) {
      const content = file === '-' ? stdin : io.readFile(file);
      if (content === null) {
        io.err(`diff: ${file}: Is a directory\n`);
        return 2;
      }
      if (content === undefined && !options.newFile) {
        io.err(`diff: ${file}: No such file or directory\n`);
        return 2;
      }
      texts.push(content ?? '');
    }
    return diffTexts([files[0], files[1]], [texts[0], texts[1]], options, (t) => io.out(t));
  });
};
