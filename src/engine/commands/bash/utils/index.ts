import { awk } from './awk';
import { diff } from './diff';
import type { Utility } from './filter';
import { grep } from './grep';
import { cat, head, sort, tail, uniq, wc } from './lines';
import { less, more } from './pager';
import { sed } from './sed';
import { seq } from './seq';
import { base64, cut, tr } from './text';

/** UTILITIES are the text tools of the terminal's machine, usable alone or after a pipe. */
export const UTILITIES: Record<string, Utility> = { awk, base64, cat, cut, diff, grep, head, less, more, sed, seq, sort, tail, tr, uniq, wc };
