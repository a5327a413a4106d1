// Mirrors etcd v3.4 etcdctl/ctlv3/command/error.go (exit codes, ExitWithError) and the
// client-side warning clientv3/retry_interceptor.go logs through zap when an RPC fails.
import { DEFAULT_EPOCH_MS } from '../sim/time';
import { fnv1a32 } from '../sim/rng';
import type { EtcdctlOutput } from './types';

/** ExitCode values etcdctl exits with (error.go). */
export const ExitCode = {
  success: 0,
  error: 1,
  badConnection: 2,
  invalidInput: 3,
  /** badFeature: a valid flag with an unsupported value (`-w yaml`, `-w table` for get). */
  badFeature: 4,
  interrupted: 5,
  io: 6,
  badArgs: 128,
} as const;

/** exitWithError is etcdctl's ExitWithError: `Error: <err>` on stderr, then exit. */
export function exitWithError(code: number, message: string, stdout = ''): EtcdctlOutput {
  return { stdout, stderr: `Error: ${message}\n`, exitCode: code };
}

/** okOutput is a successful run's output. */
export function okOutput(stdout: string, stderr = ''): EtcdctlOutput {
  return { stdout, stderr, exitCode: ExitCode.success };
}

/** DialFailure says why the client could not reach an endpoint. */
export type DialFailure = 'refused' | 'timeout' | 'unreachable';

/** RetryWarnInput describes one failed unary RPC as the client logs it. */
export interface RetryWarnInput {
  /** nowMs is sim time of the log line; it prints as a UTC zap ISO8601 timestamp. */
  nowMs: number;
  /** endpoint as given to --endpoints (`http://127.0.0.1:2379` or `127.0.0.1:2379`). */
  endpoint: string;
  /**
   * status: `endpoint status` dials each endpoint directly (a passthrough target and the dial
   * error); other commands go through the balancer (an `endpoint://client-<uuid>/` target and
   * `all SubConns are in TransientFailure`).
   */
  rpc: 'status' | 'balanced';
  failure?: DialFailure;
  /** error replaces the dial failure when the server answered with an error (a gRPC status text). */
  error?: string;
  epochMs?: number;
}

/**
 * retryWarnLine renders the zap JSON warning etcdctl 3.4 prints on stderr before a failed RPC's
 * error, as in testdata/unreachable_endpoint_status.txt. The client uuid is derived from the
 * endpoint and time so runs stay reproducible.
 */
export function retryWarnLine(input: RetryWarnInput): string {
  const ts = new Date((input.epochMs ?? DEFAULT_EPOCH_MS) + input.nowMs).toISOString();
  const hostPort = input.endpoint.replace(/^[a-z]+:\/\//, '');
  const target =
    input.rpc === 'status'
      ? `passthrough:///${input.endpoint}`
      : `endpoint://client-${fakeUuid(`${input.endpoint}@${input.nowMs}`)}/${hostPort}`;
  const cause =
    input.rpc === 'status'
      ? `connection error: desc = "transport: Error while dialing ${dialErrorText(hostPort, input.failure ?? 'refused')}"`
      : 'all SubConns are in TransientFailure';
  const error = input.error ?? `rpc error: code = DeadlineExceeded desc = latest balancer error: ${cause}`;
  const fields: Array<[string, string | number]> = [
    ['level', 'warn'],
    ['ts', ts],
    ['caller', 'clientv3/retry_interceptor.go:62'],
    ['msg', 'retrying of unary invoker failed'],
    ['target', target],
    ['attempt', 0],
    ['error', error],
  ];
  return `{${fields.map(([k, v]) => `"${k}":${JSON.stringify(v)}`).join(',')}}`;
}

/** dialErrorText is Go's net.Dial error for each way a dial can fail. */
function dialErrorText(hostPort: string, failure: DialFailure): string {
  if (failure === 'timeout') return `dial tcp ${hostPort}: i/o timeout`;
  if (failure === 'unreachable') return `dial tcp ${hostPort}: connect: no route to host`;
  return `dial tcp ${hostPort}: connect: connection refused`;
}

/** fakeUuid derives a version-4-shaped uuid from a seed string (deterministic, not random). */
function fakeUuid(seed: string): string {
  let hex = '';
  for (let i = 0; hex.length < 32; i++) hex += fnv1a32(`${seed}#${i}`).toString(16).padStart(8, '0');
  const variant = '89ab'[parseInt(hex[16], 16) & 3];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
