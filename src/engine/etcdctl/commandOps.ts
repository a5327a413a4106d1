// Mirrors etcd v3.4 etcdctl/ctlv3/command/get_command.go getGetOp and put_command.go getPutOp:
// argument checks with etcdctl's texts and exit codes, and the key range they select.
import { ExitCode } from './errors';
import { parseInt64, type FlagValue } from './flags';

/** SortTarget and SortOrder are etcdserverpb.RangeRequest's enums, as the server applies them. */
export type SortTarget = 'KEY' | 'VERSION' | 'CREATE' | 'MOD' | 'VALUE';
export type SortOrder = 'NONE' | 'ASCEND' | 'DESCEND';

/** GetCommand is a validated `etcdctl get`: the byte range to read and how. */
export interface GetCommand {
  name: 'get';
  key: string;
  /**
   * rangeEnd is the exclusive end (clientv3 semantics): absent for a single key, the prefix end
   * for --prefix (`/registry` → `/registrz`), '\0' for --from-key (every key ≥ key).
   */
  rangeEnd?: string;
  keysOnly: boolean;
  /** limit is 0 for no limit. */
  limit: number;
  /** rev is 0 for the current revision. */
  rev: number;
  serializable: boolean;
  sortTarget: SortTarget;
  /** sortOrder is NONE for plain key order; the server sorts ASCEND when only a target is set. */
  sortOrder: SortOrder;
  printValueOnly: boolean;
}

/** PutCommand is a validated `etcdctl put`. */
export interface PutCommand {
  name: 'put';
  key: string;
  value: string;
  /** leaseId is the lease in hex without leading zeros, '0' for none. */
  leaseId: string;
  prevKv: boolean;
  ignoreValue: boolean;
  ignoreLease: boolean;
}

/** OpError is an argument error: the exit code and the text after `Error: `. */
export interface OpError {
  exitCode: number;
  message: string;
}

type Flags = Record<string, FlagValue>;

const SORT_TARGETS: Record<string, SortTarget> = { CREATE: 'CREATE', KEY: 'KEY', MODIFY: 'MOD', VALUE: 'VALUE', VERSION: 'VERSION' };

/** getGetOp validates get's arguments in etcdctl's order and computes the range. */
export function getGetOp(args: string[], flags: Flags): GetCommand | OpError {
  const prefix = flags.prefix === true;
  const fromKey = flags['from-key'] === true;
  const badArgs = (message: string) => ({ exitCode: ExitCode.badArgs, message });
  const badFeature = (message: string) => ({ exitCode: ExitCode.badFeature, message });
  if (args.length === 0) return badArgs('get command needs one argument as key and an optional argument as range_end');
  if (prefix && fromKey) return badArgs('`--prefix` and `--from-key` cannot be set at the same time, choose one');
  const consistency = String(flags.consistency);
  if (consistency !== 's' && consistency !== 'l') return badFeature(`unknown consistency flag ${JSON.stringify(consistency)}`);
  if (args.length > 1 && (prefix || fromKey)) {
    return badArgs('too many arguments, only accept one argument when `--prefix` or `--from-key` is set');
  }
  const order = String(flags.order);
  if (!['ASCEND', 'DESCEND', ''].includes(order.toUpperCase())) return badFeature(`bad sort order ${order}`);
  const sortBy = String(flags['sort-by']);
  const sortTarget = sortBy === '' ? 'KEY' : SORT_TARGETS[sortBy.toUpperCase()];
  if (sortTarget === undefined) return badFeature(`bad sort target ${sortBy}`);
  let sortOrder: SortOrder = order === '' ? 'NONE' : (order.toUpperCase() as SortOrder);
  // clientv3.WithSort drops ASCEND by key (the store's natural order); the server sorts
  // ASCEND by default when a target other than KEY comes without an order.
  if (sortTarget === 'KEY' && sortOrder === 'ASCEND') sortOrder = 'NONE';
  if (sortTarget !== 'KEY' && sortOrder === 'NONE') sortOrder = 'ASCEND';
  let key = args[0];
  let rangeEnd = args.length > 1 ? args[1] : undefined;
  if (prefix) [key, rangeEnd] = key === '' ? ['\0', '\0'] : [key, prefixEnd(key)];
  if (fromKey) [key, rangeEnd] = [key === '' ? '\0' : key, '\0'];
  return {
    name: 'get',
    key,
    rangeEnd,
    keysOnly: flags['keys-only'] === true,
    limit: Number(flags.limit),
    rev: Number(flags.rev) > 0 ? Number(flags.rev) : 0,
    serializable: consistency === 's',
    sortTarget,
    sortOrder,
    printValueOnly: flags['print-value-only'] === true,
  };
}

/**
 * prefixEnd is clientv3.GetPrefixRangeEnd: the key with its last byte below 0xff incremented
 * and the rest dropped (`abc` → `abd`), or '\0' (no end) when every byte is 0xff.
 */
export function prefixEnd(key: string): string {
  for (let i = key.length - 1; i >= 0; i--) {
    const code = key.charCodeAt(i);
    if (code < 0xff) return key.slice(0, i) + String.fromCharCode(code + 1);
  }
  return '\0';
}

/** getPutOp validates put's arguments; `stdin` stands in for a value piped to etcdctl. */
export function getPutOp(args: string[], flags: Flags, stdin = ''): PutCommand | OpError {
  const badArgs = (message: string) => ({ exitCode: ExitCode.badArgs, message });
  const usageText = 'put command needs 1 argument and input from stdin or 2 arguments';
  if (args.length === 0) return badArgs(usageText);
  const ignoreValue = flags['ignore-value'] === true;
  if (ignoreValue && args.length > 1) return badArgs("put command needs only 1 argument when 'ignore-value' is set");
  let value = '';
  if (!ignoreValue) {
    // An explicit empty value is fine; only a missing one falls back to stdin (argOrStdin).
    value = args.length > 1 ? args[1] : stdin;
    if (args.length < 2 && value === '') return badArgs(usageText);
  }
  const lease = parseInt64(String(flags.lease), 16);
  if (!lease.ok) return badArgs(`bad lease ID (${lease.error}), expecting ID in Hex`);
  return {
    name: 'put',
    key: args[0],
    value,
    leaseId: BigInt.asUintN(64, BigInt(`${String(flags.lease).startsWith('-') ? '-' : ''}0x${String(flags.lease).replace(/^[+-]/, '')}`)).toString(16),
    prevKv: flags['prev-kv'] === true,
    ignoreValue,
    ignoreLease: flags['ignore-lease'] === true,
  };
}
