// A text utility in a pipeline (grep, head, sort, ...): it receives its input as it is written,
// so `kubectl get pods -w | grep web` prints matching lines while the watch runs, and ends with
// an exit status once its input closes.

export interface FilterIO {
  out(text: string): void;
  err(text: string): void;
  /** readFile: a file of the terminal's session; undefined when missing, null for a directory. */
  readFile(path: string): string | undefined | null;
  /** writeFile replaces a file (sed -i); false when its directory does not exist. */
  writeFile?(path: string, text: string): boolean;
  /** nowMs: the machine's wall clock (diff's file times). */
  nowMs?(): number;
}

export interface Filter {
  write(text: string): void;
  /** end: the input closed; flush and return the exit status. */
  end(): number;
}

/** Utility makes a filter from its arguments (without the name), or returns usage text and a status. */
export type Utility = (args: string[], io: FilterIO) => Filter | { error: string; status: number };

/**
 * lineFilter calls `line` for every complete input line (without its newline) as it arrives;
 * the last, unterminated line comes at end.
 */
export function lineFilter(line: (text: string) => void, end: () => number): Filter {
  let pending = '';
  return {
    write(text) {
      pending += text;
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        line(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
      }
    },
    end() {
      if (pending !== '') line(pending);
      pending = '';
      return end();
    },
  };
}

/** wholeFilter buffers the input and handles it at end (sort, tail, wc). */
export function wholeFilter(handle: (text: string) => number): Filter {
  let all = '';
  return {
    write(text) {
      all += text;
    },
    end() {
      return handle(all);
    },
  };
}

/** splitLines: the lines of a text, without the empty string after a final newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * withOperands makes a utility read its FILE operands instead of stdin, as GNU tools do: the
 * files are read at end (stdin is ignored), a missing one is reported and makes the status
 * `failStatus` (2 for grep, 1 for the others).
 */
export function withOperands(name: string, files: string[], io: FilterIO, core: Filter, failStatus = 1): Filter {
  if (files.length === 0 || (files.length === 1 && files[0] === '-')) return core;
  return {
    write() {},
    end() {
      let failed = false;
      for (const file of files) {
        const content = file === '-' ? '' : io.readFile(file);
        if (content === undefined || content === null) {
          io.err(`${name}: ${file}: ${content === null ? 'Is a directory' : 'No such file or directory'}\n`);
          failed = true;
        } else core.write(content);
      }
      const status = core.end();
      return failed ? failStatus : status;
    },
  };
}

/** numberArg parses a count option (`-n 5`, `-n5`, `-5`); NaN when it is not a number. */
export function numberArg(text: string | undefined): number {
  return text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
}
