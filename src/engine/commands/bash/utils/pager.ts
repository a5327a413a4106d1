// less and more, the pagers a learner pipes long output into (`kubectl describe pod web | less`).
// The console is not a terminal they can page, so they do what both do when their output is not a
// terminal: copy their input through. Their words for a missing file or a directory are less 590's
// and util-linux 2.38's more; both exit 0 even then (checked on this machine).
import type { Filter, FilterIO, Utility } from './filter';

interface PagerWords {
  missing(file: string): string;
  directory(file: string): string;
}

function pager(words: PagerWords): Utility {
  return (args: string[], io: FilterIO): Filter => ({
    write: (text) => io.out(text),
    end() {
      for (const file of args.filter((a) => !a.startsWith('-'))) {
        const content = io.readFile(file);
        if (typeof content === 'string') io.out(content);
        else if (content === null) io.out(words.directory(file));
        else io.err(words.missing(file));
      }
      return 0;
    },
  });
}

export const less = pager({ missing: (file) => `${file}: No such file or directory\n`, directory: (file) => `${file} is a directory\n` });
export const more = pager({ missing: (file) => `more: cannot open ${file}: No such file or directory\n`, directory: (file) => `\n*** ${file}: directory ***\n\n` });
