// Mirrors etcd v3.4 etcdctl/ctlv3/command/ep_command.go (epStatusCommandFunc,
// epHealthCommandFunc) and printer.go makeEndpointStatusTable / makeEndpointHealthTable with
// their simple, table and JSON printers.
import { humanizeBytes } from './humanize';
import {
  jsonObject,
  jsonString,
  omitEmptyString,
  omitEmptyStrings,
  omitFalse,
  omitZero,
  omitZeroId,
} from './goJson';
import { headerJson, unsupportedFormat } from './printKv';
import { renderRightAlignedTable } from './tableWriter';
import { ExitCode } from './errors';
import { formatGoDurationNs } from '../registry/goDuration';
import type {
  EndpointFailure,
  EndpointHealth,
  EndpointStatusResult,
  EtcdctlOutput,
  OutputFormat,
  StatusResponse,
} from './types';

const STATUS_HEADER = ['endpoint', 'ID', 'version', 'db size', 'is leader', 'is learner', 'raft term', 'raft index', 'raft applied index', 'errors'];
const HEALTH_HEADER = ['endpoint', 'health', 'took', 'error'];

type Reached = { endpoint: string; status: StatusResponse };

function isFailure(result: EndpointStatusResult): result is EndpointFailure {
  return 'error' in result;
}

/** makeEndpointStatusRows gives one row per reachable endpoint; IS LEADER compares ids. */
export function makeEndpointStatusRows(reached: Reached[]): string[][] {
  return reached.map(({ endpoint, status }) => [
    endpoint,
    status.header.memberId,
    status.version,
    humanizeBytes(status.dbSizeBytes),
    String(status.leaderId === status.header.memberId),
    String(status.isLearner ?? false),
    String(status.raftTerm),
    String(status.raftIndex),
    String(status.raftAppliedIndex),
    (status.errors ?? []).join(', '),
  ]);
}

/**
 * printEndpointStatus renders `etcdctl endpoint status`. Unreachable endpoints are reported on
 * stderr (`Failed to get the status of endpoint … (context deadline exceeded)`), left out of
 * the table, and make etcdctl exit 1 (testdata/member_down_endpoint_status_table.txt).
 */
export function printEndpointStatus(results: EndpointStatusResult[], format: OutputFormat): EtcdctlOutput {
  let stderr = '';
  const reached: Reached[] = [];
  for (const result of results) {
    if (isFailure(result)) {
      stderr += (result.clientLog ?? []).map((line) => `${line}\n`).join('');
      stderr += `Failed to get the status of endpoint ${result.endpoint} (${result.error})\n`;
    } else {
      reached.push(result);
    }
  }
  const exitCode = reached.length === results.length ? ExitCode.success : ExitCode.error;
  const rows = makeEndpointStatusRows(reached);
  let stdout: string;
  if (format === 'simple') stdout = rows.map((r) => `${r.join(', ')}\n`).join('');
  else if (format === 'table') stdout = renderRightAlignedTable(STATUS_HEADER, rows);
  else if (format === 'json') stdout = `[${reached.map(endpointStatusJson).join(',')}]\n`;
  else return unsupportedFormat(format);
  return { stdout, stderr, exitCode };
}

/** endpointStatusJson encodes epStatus{Endpoint, Status *StatusResponse}. */
function endpointStatusJson({ endpoint, status }: Reached): string {
  const statusJson = jsonObject([
    ['header', headerJson(status.header)],
    ['version', omitEmptyString(status.version)],
    ['dbSize', omitZero(status.dbSizeBytes)],
    ['leader', omitZeroId(status.leaderId)],
    ['raftIndex', omitZero(status.raftIndex)],
    ['raftTerm', omitZero(status.raftTerm)],
    ['raftAppliedIndex', omitZero(status.raftAppliedIndex)],
    ['errors', omitEmptyStrings(status.errors)],
    ['dbSizeInUse', omitZero(status.dbSizeInUseBytes)],
    ['isLearner', omitFalse(status.isLearner)],
  ]);
  return jsonObject([['Endpoint', jsonString(endpoint)], ['Status', statusJson]]);
}

/**
 * printEndpointHealth renders `etcdctl endpoint health`. The simple form goes to stderr (as
 * etcdctl writes it); any unhealthy endpoint adds `Error: unhealthy cluster` and exit 1.
 */
export function printEndpointHealth(healths: EndpointHealth[], format: OutputFormat): EtcdctlOutput {
  let stdout = '';
  let stderr = healths.flatMap((h) => h.clientLog ?? []).map((line) => `${line}\n`).join('');
  if (format === 'simple') {
    stderr += healths.map(healthLine).join('');
  } else if (format === 'table') {
    const rows = healths.map((h) => [h.endpoint, String(h.health), formatGoDurationNs(h.tookNs), h.error ?? '']);
    stdout = renderRightAlignedTable(HEALTH_HEADER, rows);
  } else if (format === 'json') {
    stdout = `[${healths.map(endpointHealthJson).join(',')}]\n`;
  } else {
    return unsupportedFormat(format);
  }
  if (healths.some((h) => (h.error ?? '') !== '')) {
    return { stdout, stderr: `${stderr}Error: unhealthy cluster\n`, exitCode: ExitCode.error };
  }
  return { stdout, stderr, exitCode: ExitCode.success };
}

function healthLine(h: EndpointHealth): string {
  if ((h.error ?? '') === '') {
    return `${h.endpoint} is healthy: successfully committed proposal: took = ${formatGoDurationNs(h.tookNs)}\n`;
  }
  return `${h.endpoint} is unhealthy: failed to commit proposal: ${h.error}\n`;
}

/** endpointHealthJson encodes epHealth{endpoint, health, took, error,omitempty}. */
function endpointHealthJson(h: EndpointHealth): string {
  return jsonObject([
    ['endpoint', jsonString(h.endpoint)],
    ['health', String(h.health)],
    ['took', jsonString(formatGoDurationNs(h.tookNs))],
    ['error', omitEmptyString(h.error)],
  ]);
}
