// Mirrors etcd v3.4 etcdctl/ctlv3/command: printer_simple.go (Get, Put), util.go (printKV,
// addHexPrefix), printer_json.go (printJSON of pb.RangeResponse / pb.PutResponse) and the
// printerUnsupported fallback for table output.
import {
  base64Std,
  jsonObject,
  omitEmptyBytes,
  omitFalse,
  omitZero,
  omitZeroId,
  toBytes,
} from './goJson';
import { ExitCode, exitWithError, okOutput as ok } from './errors';
import type { EtcdctlOutput, KeyValue, OutputFormat, PutResponse, RangeResponse, ResponseHeader } from './types';

/** KvPrintOptions are the display flags that change how keys and values print. */
export interface KvPrintOptions {
  format: OutputFormat;
  /** hex is --hex: keys and values print as `\x66\x6f\x6f`. */
  hex?: boolean;
  /** valueOnly is --print-value-only (get only, simple format only). */
  valueOnly?: boolean;
}

const textDecoder = new TextDecoder();

/**
 * printGet renders a get response. Simple output is key line then value line per pair, so
 * --keys-only leaves an empty line after each key (testdata/get_prefix_keys_only.txt).
 *
 * @example
 * printGet(resp, { format: 'simple' }).stdout; // 'foo\nbar\n'
 */
export function printGet(resp: RangeResponse, options: KvPrintOptions): EtcdctlOutput {
  if (options.valueOnly && options.format !== 'simple') {
    return exitWithError(ExitCode.badArgs, 'print-value-only is only for `--write-out=simple`');
  }
  if (options.format === 'json') return ok(`${rangeResponseJson(resp)}\n`);
  if (options.format !== 'simple') return unsupportedFormat(options.format);
  return ok(resp.kvs.map((kv) => printKV(kv, options)).join(''));
}

/** printPut renders a put response: `OK`, then the previous pair with --prev-kv. */
export function printPut(resp: PutResponse, options: KvPrintOptions): EtcdctlOutput {
  if (options.format === 'json') {
    return ok(`${jsonObject([['header', headerJson(resp.header)], ['prev_kv', resp.prevKv && keyValueJson(resp.prevKv)]])}\n`);
  }
  if (options.format !== 'simple') return unsupportedFormat(options.format);
  return ok(`OK\n${resp.prevKv ? printKV(resp.prevKv, options) : ''}`);
}

/** printKV prints one pair as util.go printKV does: key line (unless value-only), value line. */
function printKV(kv: KeyValue, options: KvPrintOptions): string {
  const key = options.hex ? hexEscaped(toBytes(kv.key)) : bytesToText(kv.key);
  const value = options.hex ? hexEscaped(toBytes(kv.value)) : bytesToText(kv.value);
  return options.valueOnly ? `${value}\n` : `${key}\n${value}\n`;
}

/** hexEscaped writes every byte as `\xNN` (addHexPrefix over hex.EncodeToString). */
function hexEscaped(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
}

/** bytesToText shows raw bytes as a terminal would (invalid UTF-8 becomes U+FFFD). */
function bytesToText(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : textDecoder.decode(data);
}

/** headerJson encodes etcdserverpb.ResponseHeader (all fields omitempty). */
export function headerJson(header: ResponseHeader): string {
  return jsonObject([
    ['cluster_id', omitZeroId(header.clusterId)],
    ['member_id', omitZeroId(header.memberId)],
    ['revision', omitZero(header.revision)],
    ['raft_term', omitZero(header.raftTerm)],
  ]);
}

/** keyValueJson encodes mvccpb.KeyValue: key and value as base64. */
function keyValueJson(kv: KeyValue): string {
  const key = toBytes(kv.key);
  return jsonObject([
    ['key', key.length === 0 ? undefined : `"${base64Std(key)}"`],
    ['create_revision', omitZero(kv.createRevision)],
    ['mod_revision', omitZero(kv.modRevision)],
    ['version', omitZero(kv.version)],
    ['value', omitEmptyBytes(kv.value)],
    ['lease', omitZeroId(kv.lease)],
  ]);
}

/** rangeResponseJson encodes etcdserverpb.RangeResponse as `etcdctl get -w json` prints it. */
function rangeResponseJson(resp: RangeResponse): string {
  return jsonObject([
    ['header', headerJson(resp.header)],
    ['kvs', resp.kvs.length === 0 ? undefined : `[${resp.kvs.map(keyValueJson).join(',')}]`],
    ['more', omitFalse(resp.more)],
    ['count', omitZero(resp.count)],
  ]);
}

/**
 * unsupportedFormat is printerUnsupported: table has no get/put printer (exit 4). The fields
 * and protobuf printers exist in etcdctl but are not simulated; they answer the same way.
 */
export function unsupportedFormat(format: OutputFormat): EtcdctlOutput {
  return exitWithError(ExitCode.badFeature, `${format} not supported as output format`);
}
