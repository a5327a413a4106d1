// seq(1) from GNU coreutils 9.1 (integers): FIRST, INCREMENT and LAST, -s SEPARATOR, -w equal
// width. It reads no input; its numbers come out when it runs.
import type { Filter, Utility } from './filter';

const USAGE_HINT = "Try 'seq --help' for more information.\n";

export const seq: Utility = (args, io) => {
  let separator = '\n';
  let equalWidth = false;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-w' || arg === '--equal-width') equalWidth = true;
    else if (arg === '-s') separator = args[++i] ?? '';
    else if (arg.startsWith('-s') && !/^-\d/.test(arg)) separator = arg.slice(2);
    else if (arg.startsWith('--separator=')) separator = arg.slice('--separator='.length);
    else operands.push(arg);
  }
  if (operands.length === 0) return { error: `seq: missing operand\n${USAGE_HINT}`, status: 1 };
  if (operands.length > 3) return { error: `seq: extra operand ‘${operands[3]}’\n${USAGE_HINT}`, status: 1 };
  const bad = operands.find((o) => !/^[+-]?\d+$/.test(o));
  if (bad !== undefined) return { error: `seq: invalid floating point argument: ‘${bad}’\n${USAGE_HINT}`, status: 1 };
  const [first, step, last] = operands.length === 1 ? [1, 1, Number(operands[0])] : operands.length === 2 ? [Number(operands[0]), 1, Number(operands[1])] : operands.map(Number);
  if (step === 0) return { error: `seq: invalid Zero increment value: ‘${operands[1]}’\n${USAGE_HINT}`, status: 1 };
  const values: number[] = [];
  for (let v = first; step > 0 ? v <= last : v >= last; v += step) {
    values.push(v);
    if (values.length >= 1_000_000) break;
  }
  const width = Math.max(...values.map((v) => String(v).length), 0);
  const text = values.map((v) => (equalWidth ? (v < 0 ? `-${String(-v).padStart(width - 1, '0')}` : String(v).padStart(width, '0')) : String(v))).join(separator);
  const filter: Filter = {
    write() {},
    end() {
      if (values.length > 0) io.out(`${text}\n`);
      return 0;
    },
  };
  return filter;
};
